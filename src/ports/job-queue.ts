import type { QueueName } from '../queue/queue-names.ts';

export interface EnqueueOptions {
  /** Derived from what the job does (see jobId()); a second add with the same id is a no-op. */
  jobId: string;
  delayMs?: number;
}

/** Where the core hands work that must survive a crash: BullMQ in production, Redis in tests too. */
export interface JobQueue {
  enqueue(queue: QueueName, name: string, data: unknown, options: EnqueueOptions): Promise<void>;
}

/**
 * A queue that takes a job only the first time a key is seen within its TTL (Odoo's repeated
 * webhooks): the claim and the add are one step, so a claimed key always has its job, and a failed
 * add leaves the key unclaimed for the next try.
 */
export interface OnceJobQueue {
  /** True when the job was added; false when the key was claimed before (a repeat). */
  enqueueOnce(once: { key: string; ttlSeconds: number }, queue: QueueName, name: string, data: unknown, options: EnqueueOptions): Promise<boolean>;
}

export interface JobContext {
  queue: QueueName;
  name: string;
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** The last try: after it fails, the job fails for good. */
  maxAttempts: number;
  /** Aborted when the worker is shutting down and the job should give up and be retried. */
  signal: AbortSignal;
}

/** One handler per job name; throw a non-retryable CodedError to fail the job for good. */
export type JobHandler = (data: unknown, ctx: JobContext) => Promise<unknown>;

export type JobHandlers = Partial<Record<QueueName, Record<string, JobHandler>>>;
