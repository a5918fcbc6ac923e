import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRedis, freePort, RedisUnavailableError } from '../../adapters/store/ensure-redis.ts';
import { redisAnswers } from '../../adapters/store/redis-connection.ts';
import { spawnEntry } from '../support/spawn-bot.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'chatops-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('start-up failures', () => {
  it('stops on a bad configuration with one line naming the variable, exit code 1', async () => {
    const bot = spawnEntry('start', { PORT: 'not-a-port', STATE_DIR: tempDir() });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim()).toBe('Invalid configuration: PORT must be a TCP port number (got "not-a-port")');
    expect(bot.stdout()).toBe('');
  });

  it('stops with one clear line when Redis is unreachable and may not be started', async () => {
    const port = await freePort();
    const bot = spawnEntry('worker', { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_AUTOSTART: 'false', STATE_DIR: tempDir() });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim()).toBe(`Redis is unreachable: nothing answers at 127.0.0.1:${port} (REDIS_URL=redis://127.0.0.1:${port}); start Redis or set REDIS_URL`);
  });
});

describe('ensureRedis', () => {
  it('starts a private redis-server with AOF on when nothing answers, and stops it on close', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const dir = tempDir();
    const ensured = await ensureRedis({ url, autostart: true, dataDir: dir });
    try {
      expect(ensured).toMatchObject({ url, started: true });
      expect(await redisAnswers(url)).toBe(true);
    } finally {
      await ensured.close();
    }
    expect(await redisAnswers(url)).toBe(false);
  });

  it('refuses with a typed error when autostart is off', async () => {
    const port = await freePort();
    await expect(ensureRedis({ url: `redis://127.0.0.1:${port}`, autostart: false, dataDir: tempDir() })).rejects.toBeInstanceOf(RedisUnavailableError);
  });
});
