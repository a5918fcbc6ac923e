import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../adapters/store/redis-connection.ts';
import { RedisDelegationStore } from '../../adapters/store/redis-delegation-store.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const run = promisify(execFile);
const prefix = uniquePrefix('audit-cli');
const redis = createRedis(testRedisUrl());
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(testRedisUrl(), prefix);
});

const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'adapters/runtime/audit-cli.ts'), ...args], {
    cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent' },
  });

describe('npm run audit -- delegations', () => {
  it('prints who delegated to whom and who turned it off, newest first, as JSON lines', async () => {
    const store = new RedisDelegationStore(redis, prefix);
    const by = { platform: 'slack' as const, userId: 'U0AVERY' };
    await store.set({ id: 'chat-1', from: 'approver@x', to: 'dokafor@x', fromName: 'Avery Quinn', toName: 'Daniel Okafor', startsOn: '2026-12-01', until: '2026-12-24', source: 'chat', createdBy: by, createdAt: '2026-11-27T10:00:00.000Z' }, () => null);
    await store.clear('approver@x', by, new Date('2026-11-28T09:00:00Z'));
    const { stdout } = await cli('delegations', '--limit', '10');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { action: string; delegation: { to: string } });
    expect(lines.map((l) => l.action)).toEqual(['clear', 'set']);
    expect(lines[1]?.delegation.to).toBe('dokafor@x');
  });

  it('refuses a missing PO id with its usage and exit code 2', async () => {
    await expect(cli()).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('npm run audit -- delegations') });
  });
});
