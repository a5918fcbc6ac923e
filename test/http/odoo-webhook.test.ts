import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { createMetrics } from '../../adapters/http/metrics.ts';
import { registerOdooWebhookRoute, secretsMatch } from '../../adapters/http/routes/odoo-webhook.ts';
import { closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { intakeStreamKey, StreamIntakeQueue } from '../../adapters/queue/intake-stream.ts';
import { startIntakeRelay, type IntakeRelay } from '../../adapters/queue/relay-intake.ts';
import { RememberingOnceQueue } from '../../adapters/queue/remembering-once-queue.ts';
import { createIntakeRedis, whenReady } from '../../adapters/store/redis-connection.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { odooRecordingPath } from '../support/paths.ts';
import { until } from '../support/until.ts';

const TOKEN = 'test-webhook-token-0123456789';
const recorded = JSON.parse(readFileSync(odooRecordingPath(18, 'flows.json'), 'utf8')).webhook_captured as Array<{ body: Record<string, unknown>; headers: Record<string, string> }>;
const logger = pino({ level: 'silent' });

let server: Server;
let base: string;
let redis: Redis;
let intakeRedis: Redis;
let queues: BullQueues;
let relay: IntakeRelay;
const prefix = uniquePrefix('webhook');

/** The route as the web process mounts it: its intake connection, the stream, repeats remembered. */
async function serve(intake: Redis): Promise<{ server: Server; base: string }> {
  const app = createHttpApp(logger);
  registerOdooWebhookRoute(app, {
    token: TOKEN,
    bodyLimitBytes: 4096,
    dedupeTtlSeconds: 60,
    intake: new RememberingOnceQueue(new StreamIntakeQueue(intake, prefix)),
    metrics: createMetrics(queues),
    logger,
    now: () => new Date('2026-11-26T22:17:22Z'),
  });
  finishHttpApp(app, logger);
  const listening = await listen(app, 0, '127.0.0.1');
  return { server: listening, base: `http://127.0.0.1:${(listening.address() as { port: number }).port}` };
}

beforeAll(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  intakeRedis = createIntakeRedis(testRedisUrl());
  await whenReady(intakeRedis);
  queues = createQueues(redis, prefix);
  // A worker's relay moves what the route took in into the scan queue.
  relay = await startIntakeRelay({ connection: redis, prefix, queues, logger, blockMs: 200 });
  ({ server, base } = await serve(intakeRedis));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await relay.close();
  await closeQueues(queues);
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
  intakeRedis.disconnect();
});

// Odoo sends python-requests' headers; send what it sent.
const post = (path: string, body: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'User-Agent': 'python-requests/2.28.1' }, body });

/** The scan queue's jobs once the relay has moved everything taken in (the stream is empty). */
const jobsInScan = async () => {
  await until(() => redis.xlen(intakeStreamKey(prefix)), (n) => n === 0);
  return (await queues.scan.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter(Boolean);
};

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

  it('answers 500 when Redis cannot take the version, and claims nothing, so Odoo\'s next fire gets it', async () => {
    const away = createIntakeRedis('redis://127.0.0.1:1', { retryStrategy: () => null, connectTimeout: 200 });
    away.on('error', () => undefined);
    const down = await serve(away);
    try {
      const body = JSON.stringify({ ...recorded[0]!.body, _id: 55, id: 55 });
      const res = await fetch(`${down.base}/webhooks/odoo/${TOKEN}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(500);
      expect(((await res.json()) as { error: string }).error).toBe('internal_error');
      expect(await redis.keys(`${prefix}:once:odoo-event:purchase.order:55:*`)).toEqual([]);
      expect((await post(`/webhooks/odoo/${TOKEN}`, body)).status).toBe(202); // the next fire, Redis answering
      expect((await jobsInScan()).filter((j) => j.data.id === 55)).toHaveLength(1);
    } finally {
      await new Promise((r) => down.server.close(r));
      away.disconnect();
    }
  });

  it('compares tokens in constant time whatever their length', () => {
    expect(secretsMatch(TOKEN, TOKEN)).toBe(true);
    expect(secretsMatch('', TOKEN)).toBe(false);
    expect(secretsMatch(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});
