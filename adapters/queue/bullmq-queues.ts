import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EnqueueOptions, JobQueue } from '../../src/ports/job-queue.ts';
import { QUEUE_NAMES, type QueueName } from '../../src/queue/queue-names.ts';

/**
 * Retry shape per queue. Write-backs retry longest (Odoo may be down for minutes and every
 * decision must land); failed jobs are kept (removeOnFail false) so they stay visible and
 * can be retried by a person.
 */
export const DEFAULT_JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  writeback: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 }, removeOnFail: false },
  notify: { attempts: 6, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: false },
  scan: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: false },
  triage: { attempts: 3, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: false },
  // Delivery jobs only wake a subscriber's drain; the drain keeps its own per-event attempts and
  // backoff (adapters/events), so a job that fails (Redis blip) is simply tried again.
  events: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: 3600, count: 1_000 }, removeOnFail: { age: 7 * 24 * 3600 } },
};

export type BullQueues = Record<QueueName, Queue>;

export function createQueues(connection: Redis, prefix: string): BullQueues {
  const entries = QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS[name] })] as const);
  return Object.fromEntries(entries) as BullQueues;
}

export async function closeQueues(queues: BullQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** The JobQueue port over BullMQ: the job id makes adding the same work twice a no-op. */
export class BullJobQueue implements JobQueue {
  constructor(private readonly queues: BullQueues) {}

  async enqueue(queue: QueueName, name: string, data: unknown, options: EnqueueOptions): Promise<void> {
    await this.queues[queue].add(name, data, { jobId: options.jobId, ...(options.delayMs ? { delay: options.delayMs } : {}) });
  }
}
