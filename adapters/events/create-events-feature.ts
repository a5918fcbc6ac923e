import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { EventSubscriber } from '../../src/events/events-section.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import { BullJobQueue, type BullQueues } from '../queue/bullmq-queues.ts';
import { drainEvents, listDeadLetters, retryDeadLetter, type DeadLetter } from './drain-events.ts';
import type { EmitDeps } from './event-emitting-stores.ts';
import { DRAIN_EVENTS_JOB, enqueueDrain, SWEEP_EVENTS_JOB, type DrainEventsJob } from './event-jobs.ts';
import { postEvent } from './post-event.ts';
import { NO_OUTBOX, RedisEventOutbox } from './redis-event-outbox.ts';

export interface EventsFeature {
  subscribers: readonly EventSubscriber[];
  /** What the features wrap their stores with (createApprovalsFeature, ...). */
  emit: EmitDeps;
  handlers: JobHandlers;
  registerMetrics(registry: Registry): void;
  /** The sweep that wakes every subscriber now and then (a crash between publish and wake-up). */
  schedule(): Promise<void>;
  deadLetters(): Promise<DeadLetter[]>;
  retry(subscriber: string, eventId: string): Promise<boolean>;
}

const SWEEP_EVERY_MS = 30_000;

/**
 * Outbound events, wired: the subscribers of the policy's `events:` section, the Redis outbox,
 * the `events` queue's drain and sweep jobs, metrics, and the dead letters for the ops page.
 */
export function createEventsFeature(options: { subscribers: readonly EventSubscriber[]; redis: Redis; prefix: string; queues: BullQueues; logger: Logger; now: () => Date }): EventsFeature {
  const { subscribers, redis, prefix, queues, logger, now } = options;
  const queue = new BullJobQueue(queues);
  const byName = new Map(subscribers.map((s) => [s.name, s]));
  const counters: { delivered?: Counter<'subscriber'>; dead?: Counter<'subscriber'>; publishFailed?: Counter } = {};
  const outbox = subscribers.length ? new RedisEventOutbox(redis, prefix, subscribers, queue, logger) : NO_OUTBOX;
  const drain = (subscriber: EventSubscriber) =>
    drainEvents(subscriber, {
      redis, prefix, queue, logger, now,
      post: (s, e) => postEvent(s, e, Math.floor(now().getTime() / 1000)),
      onDelivered: (s) => counters.delivered?.inc({ subscriber: s }),
      onDeadLetter: (s) => counters.dead?.inc({ subscriber: s }),
    });
  return {
    subscribers,
    emit: { outbox, logger, onPublishFailed: () => counters.publishFailed?.inc() },
    handlers: {
      events: {
        [DRAIN_EVENTS_JOB]: async (data) => {
          const subscriber = byName.get((data as DrainEventsJob).subscriber);
          // A subscriber removed from the policy since: its events stay in Redis, nobody to send them to.
          return subscriber ? drain(subscriber) : 'unknown_subscriber';
        },
        [SWEEP_EVENTS_JOB]: async () => {
          const tick = now().getTime();
          await Promise.all(subscribers.map((s) => enqueueDrain(queue, s.name, `sweep-${Math.floor(tick / SWEEP_EVERY_MS)}`)));
          return subscribers.length;
        },
      },
    },
    registerMetrics(registry) {
      counters.delivered = new Counter({ name: 'chatops_events_delivered_total', help: 'Events delivered to subscribers', labelNames: ['subscriber'] as const, registers: [registry] });
      counters.dead = new Counter({ name: 'chatops_events_dead_lettered_total', help: 'Events given up on after their attempts (see the operations page)', labelNames: ['subscriber'] as const, registers: [registry] });
      counters.publishFailed = new Counter({ name: 'chatops_events_publish_failed_total', help: 'Events that could not be stored for delivery (Redis unreachable)', registers: [registry] });
    },
    async schedule() {
      if (subscribers.length === 0) return;
      await queues.events.upsertJobScheduler(SWEEP_EVENTS_JOB, { every: SWEEP_EVERY_MS }, { name: SWEEP_EVENTS_JOB });
    },
    deadLetters: () => listDeadLetters(redis, prefix, subscribers.map((s) => s.name)),
    retry: (subscriber, eventId) => (byName.has(subscriber) ? retryDeadLetter(redis, prefix, queue, subscriber, eventId) : Promise.resolve(false)),
  };
}
