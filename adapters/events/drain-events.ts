import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatopsEvent } from '../../src/events/chatops-event.ts';
import type { EventSubscriber } from '../../src/events/events-section.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { eventKeys } from './event-keys.ts';
import { enqueueDrain } from './event-jobs.ts';
import type { DeliveryResult } from './post-event.ts';

export interface DrainDeps {
  redis: Redis;
  prefix: string;
  queue: JobQueue;
  post: (subscriber: EventSubscriber, event: ChatopsEvent) => Promise<DeliveryResult>;
  logger: Logger;
  now: () => Date;
  onDelivered?: (subscriber: string, event: ChatopsEvent) => void;
  onDeadLetter?: (subscriber: string, event: ChatopsEvent, reason: string) => void;
}

/** One event that could not be delivered: kept for a person to retry from the operations page. */
export interface DeadLetter {
  subscriber: string;
  event: ChatopsEvent;
  reason: string;
  attempts: number;
  at: string;
}

export type DrainOutcome = 'drained' | 'busy' | 'backing_off';

const LOCK_MS = 30_000;
const BATCH = 50;
/**
 * Backoff between tries of the event at the head: 1 s doubling, at most 30 s apart, so a
 * subscriber back from an outage (a redeploy of n8n takes about a minute) gets its events within
 * 30 s; 12 tries span about 3.5 minutes before a dead letter.
 */
export const backoffMs = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 30_000);

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Delivers a subscriber's events in stream order, one drain at a time (a lock in Redis), so every
 * process can wake it and each PO's events still arrive in order. The head event is tried until
 * it is delivered or out of attempts (then dead-lettered), with backoff between tries: while it
 * waits nothing behind it is sent, because sending later events first would break the order.
 * After letting go of the lock the drain looks once more: an event published while it was
 * finishing (whose wake-up found the lock taken) is not left behind.
 */
export async function drainEvents(subscriber: EventSubscriber, deps: DrainDeps): Promise<DrainOutcome> {
  const keys = eventKeys(deps.prefix);
  for (;;) {
    const retryAt = Number(await deps.redis.hget(keys.failure(subscriber.name), 'retryAt'));
    if (retryAt > deps.now().getTime()) return 'backing_off';
    const token = randomUUID();
    if ((await deps.redis.set(keys.lock(subscriber.name), token, 'PX', LOCK_MS, 'NX')) !== 'OK') return 'busy';
    let outcome: DrainOutcome | 'again';
    try {
      outcome = await deliverPending(subscriber, deps, keys);
    } finally {
      await deps.redis.eval(RELEASE, 1, keys.lock(subscriber.name), token);
    }
    if (outcome !== 'drained') return outcome;
    if (!(await hasPending(subscriber.name, deps.redis, keys))) return 'drained';
  }
}

type Keys = ReturnType<typeof eventKeys>;

async function hasPending(name: string, redis: Redis, keys: Keys): Promise<boolean> {
  const cursor = (await redis.get(keys.cursor(name))) ?? '0-0';
  return (await redis.xrange(keys.stream(name), `(${cursor}`, '+', 'COUNT', 1)).length > 0;
}

async function deliverPending(subscriber: EventSubscriber, deps: DrainDeps, keys: Keys): Promise<DrainOutcome> {
  const name = subscriber.name;
  for (;;) {
    const cursor = (await deps.redis.get(keys.cursor(name))) ?? '0-0';
    const entries = await deps.redis.xrange(keys.stream(name), `(${cursor}`, '+', 'COUNT', BATCH);
    if (entries.length === 0) return 'drained';
    for (const [entryId, fields] of entries) {
      await deps.redis.pexpire(keys.lock(name), LOCK_MS);
      const event = JSON.parse(fields[1] ?? 'null') as ChatopsEvent;
      const result = await deps.post(subscriber, event);
      if (!result.ok) {
        const attempts = await deps.redis.hincrby(keys.failure(name), 'attempts', 1);
        if (result.retryable && attempts < subscriber.maxAttempts) {
          const delay = backoffMs(attempts);
          await deps.redis.hset(keys.failure(name), { retryAt: deps.now().getTime() + delay, reason: result.reason, event: event.id });
          await enqueueDrain(deps.queue, name, `retry-${entryId}-${attempts}`, delay);
          deps.logger.warn({ subscriber: name, event: event.id, attempt: attempts, reason: result.reason, retryInMs: delay }, 'event delivery failed; trying again later');
          return 'backing_off';
        }
        const dead: DeadLetter = { subscriber: name, event, reason: result.reason, attempts, at: deps.now().toISOString() };
        await deps.redis.hset(keys.dead(name), event.id, JSON.stringify(dead));
        deps.logger.error({ subscriber: name, event: event.id, attempts, reason: result.reason }, 'event not delivered: kept in the dead letters (retry it from the operations page)');
        deps.onDeadLetter?.(name, event, result.reason);
      } else {
        deps.onDelivered?.(name, event);
      }
      // Advance past the event (delivered or dead-lettered) and forget the failures of the head.
      await deps.redis.multi().set(keys.cursor(name), entryId).del(keys.failure(name)).xtrim(keys.stream(name), 'MINID', entryId).exec();
    }
  }
}

/** Every dead letter of the subscribers, newest first. */
export async function listDeadLetters(redis: Redis, prefix: string, subscribers: readonly string[]): Promise<DeadLetter[]> {
  const keys = eventKeys(prefix);
  const all = await Promise.all(subscribers.map(async (s) => Object.values(await redis.hgetall(keys.dead(s))).map((v) => JSON.parse(v) as DeadLetter)));
  return all.flat().sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Puts a dead letter back at the end of its subscriber's stream (same event id: subscribers
 * dedupe on it) and wakes the drain. False when there is no such dead letter (already retried).
 */
export async function retryDeadLetter(redis: Redis, prefix: string, queue: JobQueue, subscriber: string, eventId: string): Promise<boolean> {
  const keys = eventKeys(prefix);
  const raw = await redis.hget(keys.dead(subscriber), eventId);
  if (!raw) return false;
  const dead = JSON.parse(raw) as DeadLetter;
  // Remove and re-append together: two Retry clicks at once give one new entry.
  const moved = (await redis.eval(
    `if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then return redis.call('XADD', KEYS[2], '*', 'e', ARGV[2]) end return false`,
    2, keys.dead(subscriber), keys.stream(subscriber), eventId, JSON.stringify(dead.event),
  )) as string | null;
  if (!moved) return false;
  await enqueueDrain(queue, subscriber, `dead-retry-${moved}`);
  return true;
}
