/**
 * `npm run audit -- P00230`: the PO name every screen shows is looked up in Odoo (here the
 * embedded one, as in the demo), the numeric id still works, and an unknown name, a name with
 * Odoo unreachable, or a bad argument get one clear line and a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { createRedis } from '../../adapters/store/redis-connection.ts';
import type { AuditEntry } from '../../src/ports/audit-log.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const run = promisify(execFile);
const prefix = uniquePrefix('audit-name');
const redis = createRedis(testRedisUrl());
let odoo: EmbeddedOdoo;
let po: { id: number; name: string };

const cli = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'adapters/runtime/audit-cli.ts'), ...args], {
    cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent', ...env },
  });
const demo = () => ({ EMBEDDED_ODOO_PORT: String(odoo.port) });

beforeAll(async () => {
  odoo = await startEmbeddedOdoo({ seed: (store) => void seedDistribution(store, { seed: 3, scale: 20, now: new Date() }) });
  const row = odoo.store.rows('purchase.order').find((r) => r.id > 5)!;
  po = { id: row.id, name: String(row.name) };
  const entry: AuditEntry = { at: '2026-11-24T15:00:00.000Z', orderId: po.id, orderName: po.name, requestId: 'req-1', action: 'request', outcome: 'requested', actor: null, odooLogin: null, version: 'v1', channel: 'C0APPROVALS', code: null, detail: null };
  await new RedisAuditLog(redis, prefix, 30).record(entry);
}, 60_000);
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(testRedisUrl(), prefix);
  await odoo?.stop();
});

describe('npm run audit -- <PO name or id>', () => {
  it('takes the PO name (and the short forms people type), and still the id', async () => {
    const number = Number(po.name.replace(/\D/g, ''));
    for (const arg of [po.name, po.name.toLowerCase(), `PO${number}`, String(po.id)]) {
      const { stdout } = await cli(demo(), arg);
      expect(stdout.trim().split('\n').map((l) => (JSON.parse(l) as AuditEntry).orderName), arg).toEqual([po.name]);
    }
  }, 60_000);

  it('says so when no PO has that name, or Odoo cannot be reached, and exits 1', async () => {
    await expect(cli(demo(), 'P99999')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`no purchase order P99999 in Odoo at http://127.0.0.1:${odoo.port}`) });
    await expect(cli({ EMBEDDED_ODOO_PORT: '1' }, po.name)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot look .* up in Odoo at http:\/\/127\.0\.0\.1:1 .*The numeric id works without Odoo/) });
  }, 60_000);

  it('refuses what is neither a name nor an id, and extra arguments, with the usage', async () => {
    await expect(cli(demo(), po.name, 'P00001')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('P00230 or 230') });
    await expect(cli(demo(), 'not-a-po')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('"not-a-po" is not a purchase order name') });
    await expect(cli(demo(), '--limit', '0', po.name)).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
