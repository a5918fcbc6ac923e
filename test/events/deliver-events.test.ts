import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventsFeature, type EventsFeature } from '../../adapters/events/create-events-feature.ts';
import { backoffMs } from '../../adapters/events/drain-events.ts';
import { closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { startWorkers, type WorkerPool } from '../../adapters/queue/start-workers.ts';
import type { ChatopsEvent } from '../../src/events/chatops-event.ts';
import { EVENT_TYPES } from '../../src/events/chatops-event.ts';
import type { EventSubscriber } from '../../src/events/events-section.ts';
import { startFakeEventSubscriber, type FakeEventSubscriber } from '../fakes/fake-event-subscriber.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const SECRET = 'subscriber-secret-0123456789';
const logger = pino({ level: 'silent' });

function event(n: number, po = 42): ChatopsEvent {
  return { id: `approval.decided:req-${po}:${n}`, type: 'approval.decided', occurred_at: new Date(Date.UTC(2026, 11, 4, 10, 0, n)).toISOString(), subject: { model: 'purchase.order', id: po, name: `P000${po}` }, data: { n } };
}


/** One decision on PO `po`, the n-th event of the outage test. */
function event60(po: number, n: number): ChatopsEvent {
  return { id: `approval.decided:req-${po}-${n}`, type: 'approval.decided', occurred_at: new Date().toISOString(), subject: { model: 'purchase.order', id: po, name: `P${String(po).padStart(5, '0')}` }, data: { n } };
}
const OUTAGE_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbound events: signed, at least once, in order, each id once', () => {
  let redis: Redis;
  let prefix: string;
  let queues: BullQueues;
  let pool: WorkerPool;
  let sub: FakeEventSubscriber;
  let feature: EventsFeature;

  async function start(subscriber: Partial<EventSubscriber> = {}) {
    const s: EventSubscriber = { name: 'n8n', url: sub.url, types: new Set(EVENT_TYPES), secret: SECRET, maxAttempts: 12, ...subscriber };
    feature = createEventsFeature({ subscribers: [s], redis, prefix, queues, logger, now: () => new Date() });
    pool = startWorkers({ connection: redis, prefix, handlers: feature.handlers, logger, concurrency: 4, queues: ['events'] });
  }

  beforeEach(async () => {
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    prefix = uniquePrefix('events');
    queues = createQueues(redis, prefix);
    sub = await startFakeEventSubscriber(SECRET);
  });
  afterEach(async () => {
    await pool?.close(1_000);
    await closeQueues(queues);
    await sub.close();
    await deleteKeys(testRedisUrl(), prefix);
    redis.disconnect();
  });

  it('delivers each event once, signed over timestamp and body, with its id and type in headers', async () => {
    await start();
    await feature.emit.outbox.publish([event(1), event(2)]);
    await feature.emit.outbox.publish([event(1)]); // a re-run of the step that emitted it
    await waitFor(() => sub.received.length >= 2, 10_000, 'two events');
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.received.map((r) => r.event.id)).toEqual([event(1).id, event(2).id]);
    expect(sub.received.every((r) => r.signatureProblem === null)).toBe(true);
    expect(sub.received[0]!.headers['x-chatops-event-id']).toBe(event(1).id);
    expect(sub.received[0]!.headers['x-chatops-event']).toBe('approval.decided');
  });

  it('keeps every event while the subscriber is down and delivers them afterwards, in order, each once', async () => {
    await start();
    await sub.down();
    const events = Array.from({ length: 12 }, (_, i) => event(i + 1, i % 3 === 0 ? 7 : 42));
    for (const e of events) await feature.emit.outbox.publish([e]);
    // The head is retried with backoff, and nothing behind it overtakes it.
    await new Promise((r) => setTimeout(r, backoffMs(1) + backoffMs(2) + 500));
    expect(sub.received).toHaveLength(0);
    await sub.up();
    await waitFor(() => sub.received.length >= events.length, 20_000, 'every event after the outage');
    await new Promise((r) => setTimeout(r, 500));
    expect(sub.received.map((r) => r.event.id)).toEqual(events.map((e) => e.id));
    expect(sub.received.every((r) => r.signatureProblem === null)).toBe(true);
  }, 30_000);

  it('gives up on an event the subscriber refuses (4xx), goes on with the rest, and retries it from the dead letters', async () => {
    await start();
    sub.answer = 400;
    await feature.emit.outbox.publish([event(1)]);
    await waitFor(async () => (await feature.deadLetters()).length === 1, 10_000, 'a dead letter');
    const [dead] = await feature.deadLetters();
    expect(dead).toMatchObject({ subscriber: 'n8n', reason: 'HTTP 400', attempts: 1, event: { id: event(1).id } });
    sub.answer = null;
    await feature.emit.outbox.publish([event(2)]);
    await waitFor(() => sub.received.length === 1, 10_000, 'the next event');
    expect(await feature.retry('n8n', event(1).id)).toBe(true);
    expect(await feature.retry('n8n', event(1).id)).toBe(false); // a second click finds nothing to retry
    expect(await feature.retry('nobody', event(1).id)).toBe(false);
    await waitFor(() => sub.received.length === 2, 10_000, 'the retried event');
    expect(sub.received.map((r) => r.event.id)).toEqual([event(2).id, event(1).id]);
    expect(await feature.deadLetters()).toEqual([]);
  });

  it('dead-letters an event after max_attempts tries when the subscriber keeps failing', async () => {
    await start({ maxAttempts: 2 });
    sub.answer = 503;
    await feature.emit.outbox.publish([event(1)]);
    await waitFor(async () => (await feature.deadLetters()).length === 1, 15_000, 'a dead letter after 2 tries');
    expect(sub.calls).toBe(2);
    expect((await feature.deadLetters())[0]).toMatchObject({ reason: 'HTTP 503', attempts: 2 });
  }, 20_000);

  it('sends a subscriber only the types it asked for', async () => {
    await start({ types: new Set(['approval.written'] as const) });
    await feature.emit.outbox.publish([event(1), { ...event(2), id: 'approval.written:req-42:2', type: 'approval.written' }]);
    await waitFor(() => sub.received.length >= 1, 10_000, 'one event');
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.received.map((r) => r.event.type)).toEqual(['approval.written']);
  });

  it('a subscriber down for 60 s gets every event afterwards, within one backoff step, in order per PO, each id once', async () => {
    // The backoff between tries is capped, so the wait after the subscriber is back is bounded.
    expect(backoffMs(20)).toBeLessThanOrEqual(30_000);
    await start();
    await sub.down();
    const sent: ChatopsEvent[] = [];
    const downAt = Date.now();
    // Events keep coming during the outage: three POs, one event every 4 s, some published twice
    // (a step re-run after a crash publishes again; the outbox keeps one per id).
    for (let i = 0; Date.now() - downAt < OUTAGE_MS - 4_000; i++) {
      const e = event60([11, 12, 13][i % 3]!, i);
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
});
