import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { createMetrics } from '../../adapters/http/metrics.ts';
import { registerSupplierEmailWebhook, SIGNATURE_HEADER } from '../../adapters/http/routes/supplier-email-webhook.ts';
import { BullJobQueue, closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { RedisOnceStore } from '../../adapters/store/redis-once-store.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const SECRET = 'supplier-email-secret-0123456789';
const prefix = uniquePrefix('mail');
let server: Server;
let base: string;
let redis: Redis;
let queues: BullQueues;

beforeAll(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queues = createQueues(redis, prefix);
  const logger = pino({ level: 'silent' });
  const app = createHttpApp(logger);
  registerSupplierEmailWebhook(app, { secret: SECRET, bodyLimitBytes: 8192, dedupeTtlSeconds: 60, once: new RedisOnceStore(redis, prefix), queue: new BullJobQueue(queues), metrics: createMetrics(), logger });
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

const email = (id: string, extra: Record<string, unknown> = {}) => ({
  from: 'Rick Dolan <rdolan@apexjan.example>', to: 'purchasing@northgate-supply.example', subject: 'RE: PO#412 - mop heads',
  text: 'Mop heads are backordered. New ship date is 12/03.', received_at: '2026-11-20T14:22:00Z', message_id: `<${id}@apexjan.example>`, ...extra,
});
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const post = (body: string, signature: string | null = sign(body)) =>
  fetch(`${base}/webhooks/supplier-email`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) }, body });
const queued = async () => (await queues.triage.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).length;

describe('POST /webhooks/supplier-email', () => {
  it('queues a signed email once, whatever the number of deliveries', async () => {
    const body = JSON.stringify(email('m1'));
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 202]);
    const jobs = await queues.triage.getJobs(['waiting']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({ source: 'webhook', orderId: null, email: { message_id: '<m1@apexjan.example>', subject: 'RE: PO#412 - mop heads' } });
  });

  it('refuses a missing, wrong or other-secret signature with 401 and queues nothing', async () => {
    const before = await queued();
    const body = JSON.stringify(email('m2'));
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'sha256=deadbeef')).status).toBe(401);
    expect((await post(body, sign(body, 'another-secret-0123456789'))).status).toBe(401);
    expect((await post(body.replace('12/03', '12/04'), sign(body))).status).toBe(401);
    expect(await queued()).toBe(before);
  });

  it.each([
    ['not JSON', '{"from":', 'malformed_body'],
    ['no message id', JSON.stringify({ ...email('x'), message_id: undefined }), 'invalid_body'],
    ['no body at all', JSON.stringify({ ...email('y'), text: '  ' }), 'invalid_body'],
    ['a bad date', JSON.stringify({ ...email('z'), received_at: 'yesterday' }), 'invalid_body'],
  ])('answers 400 to %s and queues nothing', async (_what, body, code) => {
    const before = await queued();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(code);
    expect(await queued()).toBe(before);
  });

  it('answers 413 to an oversized email', async () => {
    const res = await post(JSON.stringify(email('big', { text: 'x'.repeat(10_000) })));
    expect(res.status).toBe(413);
  });
});
