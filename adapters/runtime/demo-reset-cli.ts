import { ConfigError } from '../../src/config/parse-config.ts';
import { RedisUnavailableError } from '../store/ensure-redis.ts';
import { loadConfig } from './load-config.ts';
import { DemoResetRefused, resetDemo } from './reset-demo.ts';

/** `npm run demo:reset`: the demo's Odoo and the bot's Redis state, both afresh (see reset-demo.ts). */
try {
  const outcome = await resetDemo(loadConfig());
  process.stdout.write(
    `demo reset: ${outcome.odooRemoved ? `removed the embedded Odoo's data (${outcome.odooDir})` : `no embedded Odoo data at ${outcome.odooDir}`}, ` +
      `deleted ${outcome.keysDeleted} Redis keys under "${outcome.keyPrefix}:" at ${outcome.redisUrl}. The next \`npm start\` seeds Odoo afresh.\n`,
  );
} catch (err) {
  if (err instanceof ConfigError || err instanceof DemoResetRefused || err instanceof RedisUnavailableError) {
    console.error(err.message);
    process.exit(err instanceof DemoResetRefused ? 2 : 1);
  }
  console.error(`demo:reset failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
