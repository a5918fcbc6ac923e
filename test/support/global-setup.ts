import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureRedis, type EnsuredRedis } from '../../adapters/store/ensure-redis.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let ensured: EnsuredRedis | undefined;
let dataDir: string | undefined;

/**
 * Tests run on real Redis: REDIS_URL (or 127.0.0.1:6379) when it answers, else a private
 * redis-server on a free port, so `npm test` works where Redis is installed but not running.
 */
export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'chatops-test-redis-'));
  ensured = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir, anyPort: true });
  if (ensured.started) console.error(`[tests] no Redis answered; started a private redis-server at ${ensured.url}`);
  project.provide('redisUrl', ensured.url);
}

export async function teardown(): Promise<void> {
  await ensured?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
