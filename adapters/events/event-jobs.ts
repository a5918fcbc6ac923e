import type { JobQueue } from '../../src/ports/job-queue.ts';
import { jobId } from '../../src/queue/job-id.ts';

export const DRAIN_EVENTS_JOB = 'drain-events';
export const SWEEP_EVENTS_JOB = 'sweep-events';

export interface DrainEventsJob {
  subscriber: string;
}

/**
 * Wakes a subscriber's drain. The id names what woke it (a stream entry, or a retry attempt), so
 * one wake-up per new event: a drain already running sees the entry when it re-checks (see drain).
 */
export function enqueueDrain(queue: JobQueue, subscriber: string, cause: string, delayMs?: number): Promise<void> {
  const data: DrainEventsJob = { subscriber };
  return queue.enqueue('events', DRAIN_EVENTS_JOB, data, { jobId: jobId('drain', subscriber, cause), ...(delayMs ? { delayMs } : {}) });
}
