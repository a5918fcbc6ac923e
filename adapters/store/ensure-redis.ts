import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { redisAnswers } from './redis-connection.ts';

export interface EnsuredRedis {
  url: string;
  /** True when this process started a private redis-server (and stops it on close). */
  started: boolean;
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  readonly code = 'redis_unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

/**
 * Uses the Redis at url if it answers. Otherwise, when allowed and `redis-server` is on PATH,
 * starts a private one with AOF on and its data under dataDir: on url's own port when url is on
 * loopback (so `npm run worker` finds it too), else on a free port. Otherwise fails with one line.
 */
export async function ensureRedis(options: { url: string; autostart: boolean; dataDir: string; anyPort?: boolean }): Promise<EnsuredRedis> {
  if (await redisAnswers(options.url)) return { url: options.url, started: false, close: async () => undefined };
  const target = new URL(options.url);
  const reason = `nothing answers at ${target.host}`;
  if (!options.autostart) throw new RedisUnavailableError(`Redis is unreachable: ${reason} (REDIS_URL=${target.protocol}//${target.host}); start Redis or set REDIS_URL`);
  if (!redisServerOnPath()) {
    throw new RedisUnavailableError(`Redis is unreachable: ${reason}, and redis-server is not on PATH to start a private one; install Redis or set REDIS_URL`);
  }
  const port = !options.anyPort && isLoopback(target.hostname) ? Number(target.port || 6379) : await freePort();
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction', '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`Redis is unreachable: ${reason}, and the private redis-server exited with code ${child.exitCode} (is port ${port} taken?)`);
    if (await redisAnswers(url, 300)) {
      return {
        url,
        started: true,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`Redis is unreachable: ${reason}, and the private redis-server did not answer within 10 s`);
}
