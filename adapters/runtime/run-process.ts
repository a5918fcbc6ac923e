import { ConfigError } from '../../src/config/parse-config.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { RedisUnavailableError } from '../store/ensure-redis.ts';
import { loadConfig } from './load-config.ts';
import { createLogger } from './logger.ts';
import { drainOnSignals } from './drain-on-signals.ts';
import type { BotRuntime } from './start-bot.ts';

/**
 * Shared by `npm start` and `npm run worker`: a bad configuration or an unreachable Redis stops
 * the process with one line and exit code 1; SIGTERM/SIGINT start one drain (drain-on-signals.ts).
 */
export async function runProcess(role: { http: boolean; workers: boolean; describe: (bot: BotRuntime) => string }): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  // Loaded after the configuration is known good, so a bad variable is reported at once.
  const { startBot } = await import('./start-bot.ts');
  let bot: BotRuntime;
  try {
    bot = await startBot({ config, logger, http: role.http, workers: role.workers });
  } catch (err) {
    if (err instanceof RedisUnavailableError || err instanceof PolicyError) {
      console.error(err.message);
      process.exit(1);
    }
    logger.fatal({ err }, 'start-up failed');
    console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  logger.info(role.describe(bot));

  // The drain itself fits in SHUTDOWN_TIMEOUT_MS (see WorkerPool.close); the margin covers closing connections.
  drainOnSignals({ drain: () => bot.stop(), logger, hardDeadlineMs: config.shutdownTimeoutMs + 5_000 });
}
