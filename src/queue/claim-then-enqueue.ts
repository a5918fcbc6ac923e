import type { JobQueue, OnceJobQueue } from '../ports/job-queue.ts';
import type { OnceStore } from '../ports/once-store.ts';

/**
 * OnceJobQueue from a OnceStore and a JobQueue that cannot act as one (BullMQ, a test queue):
 * claim, then add; the claim is given back if the add fails, so the next try still gets it.
 */
export function claimThenEnqueue(once: OnceStore, queue: JobQueue): OnceJobQueue {
  return {
    async enqueueOnce(claim, queueName, name, data, options) {
      if (!(await once.claim(claim.key, claim.ttlSeconds))) return false;
      try {
        await queue.enqueue(queueName, name, data, options);
      } catch (err) {
        await once.release(claim.key);
        throw err;
      }
      return true;
    },
  };
}
