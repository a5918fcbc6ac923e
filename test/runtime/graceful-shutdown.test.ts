import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../adapters/store/ensure-redis.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { spawnEntry, waitFor } from '../support/spawn-bot.ts';

const prefix = uniquePrefix('sigterm');
const stateDir = mkdtempSync(join(tmpdir(), 'chatops-sigterm-'));
afterAll(async () => {
  await deleteKeys(testRedisUrl(), prefix);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('npm start as a process', () => {
  it('starts on embedded defaults, answers /readyz 200, and exits 0 on SIGTERM', async () => {
    const [port, odooPort] = [await freePort(), await freePort()];
    const bot = spawnEntry('start', { PORT: String(port), EMBEDDED_ODOO_PORT: String(odooPort), EMBEDDED_ODOO_SCALE: '40', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, STATE_DIR: stateDir });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200, 30_000, 'readyz 200');
      await waitFor(() => bot.stdout().includes(`Bot listening on http://localhost:${port}`), 10_000, 'the start-up line');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.stdout()).toContain('"msg":"stopped"');
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 40_000);
});
