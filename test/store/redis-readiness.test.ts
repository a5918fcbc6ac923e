import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../adapters/store/ensure-redis.ts';
import { redisAnswers } from '../../adapters/store/redis-connection.ts';
import { redisReadiness } from '../../adapters/store/redis-readiness.ts';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A throwaway redis-server with the given settings, so the test does not depend on the shared one. */
async function redisWith(args: string[]): Promise<string> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'readiness-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...args], { stdio: 'ignore' });
  cleanups.push(() => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await redisAnswers(url, 200)); i++) await new Promise((r) => setTimeout(r, 50));
  return url;
}

describe('Redis readiness', () => {
  it('is ready without warnings on a production-shaped Redis (AOF, noeviction)', async () => {
    const redis = new Redis(await redisWith(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']));
    try {
      expect(await redisReadiness(redis).run()).toEqual({ ok: true });
    } finally {
      redis.disconnect();
    }
  });

  it('is ready but warns about no AOF and an evicting memory policy', async () => {
    const redis = new Redis(await redisWith(['--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru']));
    try {
      const result = await redisReadiness(redis).run();
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        'Redis has AOF off (appendonly no): queued decisions can be lost on a Redis restart; set appendonly yes',
        'Redis maxmemory-policy is allkeys-lru: it may evict queue and decision keys; set maxmemory-policy noeviction',
      ]);
    } finally {
      redis.disconnect();
    }
  });

  it('is not ready, with the reason, when Redis is gone', async () => {
    const port = await freePort();
    const redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    const result = await redisReadiness(redis).run();
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^Redis unreachable: /);
    redis.disconnect();
  });
});
