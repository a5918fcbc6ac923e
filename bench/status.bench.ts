import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import pino from 'pino';
import { seedDistribution } from '../adapters/embedded-odoo/seed/seed-distribution.ts';
import type { SeedSummary } from '../adapters/embedded-odoo/seed/seed-summary.ts';
import { startEmbeddedOdoo } from '../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import { createStatusFeature } from '../adapters/runtime/status-feature.ts';
import { ensureRedis } from '../adapters/store/ensure-redis.ts';
import { RedisApprovalStore } from '../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../adapters/store/redis-audit-log.ts';
import { parseConfig } from '../src/config/parse-config.ts';
import { parsePolicy } from '../src/policy/parse-policy.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 50_000);
const ASKS = Number(process.env.BENCH_ASKS ?? 60);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/**
 * The status answer as a buyer gets it (`/po P00042`, `/po late`), on the 50,000-PO dataset:
 * the use case end to end through the gateway and XML-RPC against the embedded Odoo, without
 * Slack's transport. The buyer is mapped by the policy's identities.
 */
export const run: BenchRun = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-status-'));
  const redisRun = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir: dir, anyPort: true });
  let summary!: SeedSummary;
  const odoo = await startEmbeddedOdoo({ port: 0, seed: (store) => void (summary = seedDistribution(store, { seed: 42, scale: SCALE, now: new Date() })) });
  const redis = new Redis(redisRun.url);
  const prefix = `bench-status-${Date.now()}`;
  const policyText = `${readFileSync(resolve(root, 'policy.example.yaml'), 'utf8').replace(/^identities:\n( {2}.*\n)+/m, '')}\nidentities:\n  slack:\n    U0BENCH: admin\n`;
  const config = parseConfig({ LOG_LEVEL: 'silent', ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_WEBHOOK_TOKEN: 'x'.repeat(20), POLICY_FILE: 'policy.example.yaml' });
  const gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin' });
  const status = createStatusFeature({
    config, policy: parsePolicy(policyText, 'bench-policy.yaml'), odoo: { gateway, url: odoo.url },
    store: new RedisApprovalStore(redis, prefix), audit: new RedisAuditLog(redis, prefix, 30), logger: pino({ level: 'silent' }),
  });
  const viewer = { platform: 'slack' as const, userId: 'U0BENCH' };
  const names = [...summary.interesting.waitingApproval, ...summary.interesting.unconfirmed].map((p) => p.name).concat(summary.interesting.lateReceipts.map((l) => l.poName));
  await status.ask(viewer, names[0]!); // warm-up: authentication, fields_get, JIT

  const timeAll = async (questions: string[], expected: 'po_status' | 'list') => {
    const ms: number[] = [];
    for (const q of questions) {
      const started = performance.now();
      const answer = await status.ask(viewer, q);
      ms.push(performance.now() - started);
      if (answer.kind !== expected) throw new Error(`"${q}" was answered ${answer.kind}, not ${expected}`);
    }
    return ms.sort((a, b) => a - b);
  };
  const poMs = await timeAll(Array.from({ length: ASKS }, (_, i) => names[i % names.length]!), 'po_status');
  const listMs = await timeAll(Array.from({ length: Math.max(5, Math.floor(ASKS / 6)) }, (_, i) => ['late', 'mine', 'unconfirmed older than 5 days'][i % 3]!), 'list');

  redis.disconnect();
  await odoo.stop();
  await redisRun.close();
  rmSync(dir, { recursive: true, force: true });
  const p = { scale: SCALE, asks: poMs.length, odoo: 'embedded 18 over XML-RPC' };
  const l = { scale: SCALE, asks: listMs.length, queries: 'late, mine, unconfirmed' };
  return [
    { bench: 'status-answer', metric: 'PO status p50', value: pct(poMs, 50), unit: 'ms', params: p },
    { bench: 'status-answer', metric: 'PO status p95', value: pct(poMs, 95), unit: 'ms', params: p },
    { bench: 'status-answer', metric: 'list query p50', value: pct(listMs, 50), unit: 'ms', params: l },
    { bench: 'status-answer', metric: 'list query p95', value: pct(listMs, 95), unit: 'ms', params: l },
  ] satisfies BenchFigure[];
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table((await run()).map(({ metric, value, unit }) => ({ metric, value: Math.round(value), unit })));
  process.exit(0);
}
