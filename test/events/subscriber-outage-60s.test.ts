import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEventsFeature, type EventsFeature } from '../../adapters/events/create-events-feature.ts';
import { backoffMs } from '../../adapters/events/drain-events.ts';
import { closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { startWorkers, type WorkerPool } from '../../adapters/queue/start-workers.ts';
import type { ChatopsEvent } from '../../src/events/chatops-event.ts';
import { EVENT_TYPES } from '../../src/events/chatops-event.ts';
import { startFakeEventSubscriber, type FakeEventSubscriber } from '../fakes/fake-event-subscriber.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { waitFor } from '../support/spawn-bot.ts';

const SECRET = 'subscriber-secret-outage-0123456789';
const OUTAGE_MS = 60_000;
const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: Redis;
let prefix: string;
let queues: BullQueues;
let pool: WorkerPool;
let sub: FakeEventSubscriber;
let feature: EventsFeature;

beforeEach(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  prefix = uniquePrefix('events-outage');
  queues = createQueues(redis, prefix);
  sub = await startFakeEventSubscriber(SECRET);
  feature = createEventsFeature({ subscribers: [{ name: 'n8n', url: sub.url, types: new Set(EVENT_TYPES), secret: SECRET, maxAttempts: 12 }], redis, prefix, queues, logger, now: () => new Date() });
  pool = startWorkers({ connection: redis, prefix, handlers: feature.handlers, logger, concurrency: 4, queues: ['events'] });
});
afterEach(async () => {
  await pool?.close(1_000);
  await closeQueues(queues);
  await sub.close();
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
});

function decided(po: number, n: number): ChatopsEvent {
  return { id: `approval.decided:req-${po}-${n}`, type: 'approval.decided', occurred_at: new Date().toISOString(), subject: { model: 'purchase.order', id: po, name: `P${String(po).padStart(5, '0')}` }, data: { n } };
}

it('a subscriber down for 60 s gets every event afterwards, within one backoff step, in order per PO, each id once', async () => {
  // The backoff between tries is capped, so the wait after the subscriber is back is bounded.
  expect(backoffMs(20)).toBeLessThanOrEqual(30_000);
  await sub.down();
  const sent: ChatopsEvent[] = [];
  const downAt = Date.now();
  // Events keep coming during the outage: three POs, one event every 4 s, some published twice
  // (a step re-run after a crash publishes again; the outbox keeps one per id).
  for (let i = 0; Date.now() - downAt < OUTAGE_MS - 4_000; i++) {
    const e = decided([11, 12, 13][i % 3]!, i);
    sent.push(e);
    await feature.emit.outbox.publish(i % 4 === 0 ? [e, e] : [e]);
    await sleep(4_000);
  }
  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
  expect(sub.received).toHaveLength(0);
  expect(await feature.deadLetters()).toEqual([]);
  await sub.up();
  const upAt = Date.now();
  await waitFor(() => sub.received.length >= sent.length, 35_000, 'every event after the outage');
  const deliveredAfterMs = Date.now() - upAt;
  await sleep(1_000);
  const ids = sub.received.map((r) => r.event.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(sent.map((e) => e.id));
  for (const po of [11, 12, 13]) {
    const ns = sub.received.filter((r) => r.event.subject.id === po).map((r) => (r.event.data as { n: number }).n);
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
  }
  expect(sub.received.every((r) => r.signatureProblem === null)).toBe(true);
  expect(await feature.deadLetters()).toEqual([]);
  expect(deliveredAfterMs).toBeLessThanOrEqual(31_000);
}, 120_000);
