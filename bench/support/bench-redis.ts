import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ensureRedis } from '../../adapters/store/ensure-redis.ts';

export interface BenchRedis {
  url: string;
  /** A scratch directory for the bench (state dir of the bot processes). */
  dir: string;
  redis: Redis;
  /** Deletes every key under prefix. */
  clean(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** The Redis at REDIS_URL, or a private redis-server when none answers there. */
export async function benchRedis(name: string): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const ensured = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir: dir, anyPort: true });
  const redis = new Redis(ensured.url, { maxRetriesPerRequest: null });
  return {
    url: ensured.url,
    dir,
    redis,
    async clean(prefix) {
      for (let cursor = '0'; ; ) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
        if (cursor === '0') break;
      }
    },
    async close() {
      redis.disconnect();
      await ensured.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
