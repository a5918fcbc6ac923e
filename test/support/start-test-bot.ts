import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../src/config/parse-config.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import { startBot, type BotRuntime, type StartBotOptions } from '../../adapters/runtime/start-bot.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from './redis.ts';

export interface TestBot extends BotRuntime {
  url: string;
  prefix: string;
  /** Stops the bot and removes its Redis keys and state dir (kept when they were given: a restart follows). */
  close(): Promise<void>;
}

/**
 * The whole bot as `npm start` runs it (HTTP + workers + embedded Odoo), on free ports, with its
 * own Redis prefix and state dir, so test files run it side by side.
 */
export async function startTestBot(
  env: Record<string, string> = {},
  options: { handlers?: JobHandlers; workers?: boolean; http?: boolean; demoInbox?: StartBotOptions['demoInbox']; /** A restart: this prefix and state dir, kept by close(). */ reuse?: { prefix: string; stateDir: string } } = {},
): Promise<TestBot> {
  const prefix = options.reuse?.prefix ?? uniquePrefix('bot');
  const stateDir = options.reuse?.stateDir ?? mkdtempSync(join(tmpdir(), 'chatops-bot-'));
  const config = parseConfig({
    PORT: '0', EMBEDDED_ODOO_PORT: '0', EMBEDDED_ODOO_SCALE: '60', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix,
    REDIS_AUTOSTART: 'false', STATE_DIR: stateDir, SHUTDOWN_TIMEOUT_MS: '3000', LOG_LEVEL: 'silent', ...env,
  });
  const bot = await startBot({ config, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), http: options.http ?? true, workers: options.workers ?? true, handlers: options.handlers,
    // The demo's supplier emails arrive only in the tests that ask for them.
    demoInbox: options.demoInbox ?? false });
  return {
    ...bot,
    url: bot.url ?? '',
    prefix,
    async close() {
      await bot.stop();
      if (options.reuse) return;
      await deleteKeys(testRedisUrl(), prefix);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
