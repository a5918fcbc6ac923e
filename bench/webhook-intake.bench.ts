import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createHttpApp, finishHttpApp, listen } from '../adapters/http/create-http-app.ts';
import { createMetrics } from '../adapters/http/metrics.ts';
import { registerOdooWebhookRoute } from '../adapters/http/routes/odoo-webhook.ts';
import { BullJobQueue, closeQueues, createQueues } from '../adapters/queue/bullmq-queues.ts';
import { ensureRedis } from '../adapters/store/ensure-redis.ts';
import { RedisOnceStore } from '../adapters/store/redis-once-store.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const TOKEN = 'bench-webhook-token-0123456789';
const CONNECTIONS = 200;
const DURATION_S = 10;
/** Odoo POSTs one record version three times (recorded on Odoo 18): 2 of 3 requests are repeats. */
const REPEATS = 3;

/**
 * Webhook intake as Odoo drives it: 200 concurrent connections POSTing automation-rule payloads,
 * each record version three times, against the real route, Redis dedupe and BullMQ queue.
 * Checks afterwards that exactly one job was queued per record version.
 */
export const run: BenchRun = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const ensured = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir, anyPort: true });
  const prefix = `bench-webhook-${Date.now()}`;
  const redis = new Redis(ensured.url, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const logger = pino({ level: 'silent' });
  const app = createHttpApp(logger);
  registerOdooWebhookRoute(app, {
    token: TOKEN, bodyLimitBytes: 64 * 1024, dedupeTtlSeconds: 3600,
    once: new RedisOnceStore(redis, prefix), queue: new BullJobQueue(queues), metrics: createMetrics(), logger, now: () => new Date(),
  });
  finishHttpApp(app, logger);
  const server = await listen(app, 0, '127.0.0.1');
  const port = (server.address() as { port: number }).port;

  let nextId = 1;
  const bodyFor = (id: number) =>
    JSON.stringify({ _action: 'Send Webhook Notification(#421)', _id: id, _model: 'purchase.order', id, name: `P${String(id).padStart(5, '0')}`, state: 'to approve', partner_id: 15, user_id: 8, amount_total: 12000.0, write_date: '2026-11-26 22:17:21.480189' });
  type Ctx = { body?: string };
  const requests = Array.from({ length: REPEATS }, (_, i) => ({
    method: 'POST' as const,
    path: `/webhooks/odoo/${TOKEN}`,
    headers: { 'content-type': 'application/json', 'user-agent': 'python-requests/2.28.1' },
    setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
      if (i === 0) ctx.body = bodyFor(nextId++);
      return { ...req, body: ctx.body };
    },
  }));

  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: DURATION_S, requests: requests as unknown as autocannon.Request[] });
  const sent = nextId - 1;
  // Requests cut off when the run ended may still be between their claim and their queue add.
  await new Promise((r) => setTimeout(r, 1_000));
  const queued = await queues.scan.count();
  // Each version whose first POST was accepted holds one dedupe key: there must be one job per key.
  const accepted = (await redis.keys(`${prefix}:once:*`)).length;

  await new Promise((r) => server.close(r));
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
  redis.disconnect();
  await ensured.close();
  rmSync(dataDir, { recursive: true, force: true });

  const params = { connections: CONNECTIONS, durationS: DURATION_S, repeatsPerVersion: REPEATS };
  const figures: BenchFigure[] = [
    { bench: 'webhook-intake', metric: 'requests/s (mean)', value: result.requests.average, unit: 'req/s', params },
    { bench: 'webhook-intake', metric: 'latency p50', value: result.latency.p50, unit: 'ms', params },
    { bench: 'webhook-intake', metric: 'latency p99', value: result.latency.p99, unit: 'ms', params },
    { bench: 'webhook-intake', metric: 'latency max', value: result.latency.max, unit: 'ms', params },
    { bench: 'webhook-intake', metric: 'requests total', value: result.requests.total, unit: 'req', params },
    { bench: 'webhook-intake', metric: 'errors + non-2xx', value: result.errors + result.timeouts + result.non2xx, unit: 'req', params },
    { bench: 'webhook-intake', metric: 'record versions started', value: sent, unit: 'versions', params },
    { bench: 'webhook-intake', metric: 'record versions accepted', value: accepted, unit: 'versions', params },
    { bench: 'webhook-intake', metric: 'jobs queued (must equal accepted)', value: queued, unit: 'jobs', params },
  ];
  return figures;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table((await run()).map(({ metric, value, unit }) => ({ metric, value, unit })));
  process.exit(0);
}
