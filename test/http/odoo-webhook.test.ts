import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { createMetrics } from '../../adapters/http/metrics.ts';
import { registerOdooWebhookRoute, secretsMatch } from '../../adapters/http/routes/odoo-webhook.ts';
import { BullJobQueue, closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { RedisOnceStore } from '../../adapters/store/redis-once-store.ts';
import { claimThenEnqueue } from '../../src/queue/claim-then-enqueue.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { odooRecordingPath } from '../support/paths.ts';

const TOKEN = 'test-webhook-token-0123456789';
const recorded = JSON.parse(readFileSync(odooRecordingPath(18, 'flows.json'), 'utf8')).webhook_captured as Array<{ body: Record<string, unknown>; headers: Record<string, string> }>;

let server: Server;
let base: string;
let redis: Redis;
let queues: BullQueues;
const prefix = uniquePrefix('webhook');

beforeAll(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queues = createQueues(redis, prefix);
  const logger = pino({ level: 'silent' });
  const app = createHttpApp(logger);
  registerOdooWebhookRoute(app, {
    token: TOKEN,
    bodyLimitBytes: 4096,
    dedupeTtlSeconds: 60,
    // Claim, then a BullMQ add: the route and the core without the web process's intake stream
    // (test/queue/intake-relay.test.ts and test/workspace/intake-backlog.test.ts cover that one).
    intake: claimThenEnqueue(new RedisOnceStore(redis, prefix), new BullJobQueue(queues)),
    metrics: createMetrics(queues),
    logger,
    now: () => new Date('2026-11-26T22:17:22Z'),
  });
  finishHttpApp(app, logger);
  server = await listen(app, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await closeQueues(queues);
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
});

// Odoo sends python-requests' headers; send what it sent.
const post = (path: string, body: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'User-Agent': 'python-requests/2.28.1' }, body });

const jobsInScan = async () => (await queues.scan.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter(Boolean);

describe('POST /webhooks/odoo/:token', () => {
  it('queues one job for the three POSTs Odoo really sent for one record version', async () => {
    const answers = await Promise.all(recorded.map((r) => post(`/webhooks/odoo/${TOKEN}`, JSON.stringify(r.body))));
    const statuses = await Promise.all(answers.map(async (a) => [a.status, ((await a.json()) as { status: string }).status]));
    expect(statuses.filter(([s]) => s === 202)).toEqual([[202, 'accepted']]);
    expect(statuses.filter(([s]) => s === 200)).toEqual([
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
    const jobs = await jobsInScan();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.id).toBe('odoo-changed-purchase.order-18-2026-11-26_22_17_21.480189');
    expect(jobs[0]!.id).not.toContain(':');
    expect(jobs[0]!.name).toBe('odoo-record-changed');
    expect(jobs[0]!.data).toMatchObject({ model: 'purchase.order', id: 18, version: '2026-11-26 22:17:21.480189', fields: { state: 'to approve', amount_total: 12000 } });
  });

  it('queues a new job for a new version of the same record', async () => {
    const next = { ...recorded[0]!.body, state: 'purchase', write_date: '2026-11-26 22:17:23.000001' };
    const res = await post(`/webhooks/odoo/${TOKEN}`, JSON.stringify(next));
    expect(res.status).toBe(202);
    expect(await jobsInScan()).toHaveLength(2);
  });

  it('refuses a wrong token with 401 and queues nothing', async () => {
    const before = (await jobsInScan()).length;
    const keysBefore = await redis.keys(`${prefix}:once:*`);
    const body = JSON.stringify({ ...recorded[0]!.body, _id: 999, id: 999 });
    for (const token of ['wrong-token', `${TOKEN}x`, TOKEN.slice(0, -1), '']) {
      const res = await post(`/webhooks/odoo/${token}`, body);
      expect([401, 404]).toContain(res.status);
      if (token) expect(await res.json()).toEqual({ error: 'unauthorized', message: 'unknown webhook token' });
    }
    expect(await jobsInScan()).toHaveLength(before);
    expect(await redis.keys(`${prefix}:once:*`)).toEqual(keysBefore);
  });

  it.each([
    ['not JSON', '{"_id": 18,', 'malformed_body'],
    ['no model', JSON.stringify({ _action: 'x', _id: 18, id: 18 }), 'invalid_body'],
    ['a bad model name', JSON.stringify({ _action: 'x', _id: 18, _model: 'Robert"); DROP', id: 18 }), 'invalid_body'],
    ['id and _id disagree', JSON.stringify({ _action: 'x', _id: 18, _model: 'purchase.order', id: 19 }), 'invalid_body'],
    ['a negative id', JSON.stringify({ _action: 'x', _id: -1, _model: 'purchase.order' }), 'invalid_body'],
    ['a malformed write_date', JSON.stringify({ _action: 'x', _id: 5, _model: 'purchase.order', write_date: 'yesterday' }), 'invalid_body'],
  ])('answers 400 to %s and queues nothing', async (_what, body, code) => {
    const before = (await jobsInScan()).length;
    const res = await post(`/webhooks/odoo/${TOKEN}`, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(code);
    expect(await jobsInScan()).toHaveLength(before);
  });

  it('answers 413 to an oversized body and queues nothing', async () => {
    const before = (await jobsInScan()).length;
    const res = await post(`/webhooks/odoo/${TOKEN}`, JSON.stringify({ ...recorded[0]!.body, _id: 77, id: 77, note: 'x'.repeat(10_000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('body_too_large');
    expect(await jobsInScan()).toHaveLength(before);
  });

  it('compares tokens in constant time whatever their length', () => {
    expect(secretsMatch(TOKEN, TOKEN)).toBe(true);
    expect(secretsMatch('', TOKEN)).toBe(false);
    expect(secretsMatch(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});
