import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from '../../src/config/parse-config.ts';
import { ensureRedis } from '../store/ensure-redis.ts';

export class DemoResetRefused extends Error {
  readonly code = 'demo_reset_refused';
}

/** What `npm run demo:reset` removed: the embedded Odoo's directory and the bot's Redis keys. */
export interface DemoResetOutcome {
  odooDir: string;
  odooRemoved: boolean;
  redisUrl: string;
  keyPrefix: string;
  keysDeleted: number;
}

function runningPid(odooDir: string): number | null {
  const lock = join(odooDir, 'lock');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Starts the demo afresh: the embedded Odoo's data (STATE_DIR/odoo, seeded again at the next
 * start) and every Redis key under REDIS_KEY_PREFIX (cards, approval requests, alerts, queues) go
 * together, so the two never disagree. Only in demo mode, and never while the demo runs.
 */
export async function resetDemo(config: Config): Promise<DemoResetOutcome> {
  if (config.odoo.mode !== 'embedded') {
    throw new DemoResetRefused('demo:reset resets the demo only; ODOO_URL is set, so this bot works on a real Odoo and nothing was changed');
  }
  const odooDir = resolve(config.stateDir, 'odoo');
  const pid = runningPid(odooDir);
  if (pid !== null) throw new DemoResetRefused(`the demo is running (process ${pid} holds ${odooDir}): stop it (Ctrl-C in its terminal), then run demo:reset again`);
  const ensured = await ensureRedis({ url: config.redis.url, autostart: config.redis.autostart, dataDir: join(config.stateDir, 'redis') });
  let keysDeleted = 0;
  try {
    const redis = new Redis(ensured.url, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.keyPrefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) keysDeleted += await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  } finally {
    await ensured.close();
  }
  const odooRemoved = existsSync(odooDir);
  rmSync(odooDir, { recursive: true, force: true });
  return { odooDir, odooRemoved, redisUrl: ensured.url, keyPrefix: config.redis.keyPrefix, keysDeleted };
}
