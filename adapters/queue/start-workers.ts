import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { isRetryable } from '../../src/errors/coded-error.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import { QUEUE_NAMES, type QueueName } from '../../src/queue/queue-names.ts';

export interface WorkerPool {
  workers: Worker[];
  /**
   * Stops taking jobs and waits for the running ones up to timeoutMs; then tells the rest to give
   * up and returns them to their queue (delayed, without spending an attempt), so nothing is lost.
   */
  close(timeoutMs: number): Promise<void>;
}

export interface StartWorkersOptions {
  connection: Redis;
  prefix: string;
  handlers: JobHandlers;
  logger: Logger;
  concurrency: number;
  queues?: readonly QueueName[];
  /** How long a job lock lasts; a crashed worker's job goes back to the queue after it. */
  lockDurationMs?: number;
}

export function startWorkers(options: StartWorkersOptions): WorkerPool {
  const stopping = new AbortController();
  const connections: Redis[] = [];
  // The jobs this process is running, with their lock tokens: at a forced stop they are handed back.
  const running = new Map<string, { job: Job; token: string }>();
  const workers = (options.queues ?? QUEUE_NAMES).map((queue) => {
    const processor = async (job: Job, token?: string) => {
      const handler = options.handlers[queue]?.[job.name];
      if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${queue}`);
      const key = `${queue}/${job.id ?? ''}`;
      if (token) running.set(key, { job, token });
      try {
        return await handler(job.data, { queue, name: job.name, jobId: job.id ?? '', attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1, signal: stopping.signal });
      } catch (err) {
        if (stopping.signal.aborted && token) {
          // Shutting down: hand the job back untouched so another worker runs it soon.
          await job.moveToDelayed(Date.now() + 1_000, token);
          throw new DelayedError();
        }
        const retryAfterMs = retryAfterOf(err);
        if (retryAfterMs !== null && token) {
          // Rate limited (Slack 429, per-channel pacing): wait as told, without spending an attempt.
          await job.moveToDelayed(Date.now() + retryAfterMs, token);
          throw new DelayedError();
        }
        if (!isRetryable(err)) throw new UnrecoverableError(err instanceof Error ? err.message : String(err));
        throw err;
      } finally {
        running.delete(key);
      }
    };
    const connection = options.connection.duplicate();
    connections.push(connection);
    const worker = new Worker(queue, processor, {
      connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      // A crashed worker's jobs are looked for as often as a lock lasts (BullMQ's default is 30 s either way).
      stalledInterval: options.lockDurationMs ?? 30_000,
    });
    worker.on('failed', (job, err) =>
      options.logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    worker.on('error', (err) => options.logger.error({ queue, err: err.message }, 'worker error'));
    return worker;
  });

  return {
    workers,
    async close(timeoutMs: number) {
      // The whole close fits in timeoutMs: most of it for running jobs to finish, the rest to hand back the others.
      const returnMs = Math.min(2_000, Math.floor(timeoutMs / 3));
      const finished = (ms: number) => waitUntil(() => running.size === 0, ms);
      // No new jobs from here on. BullMQ's own graceful close() is not used: it also waits out the
      // blocking fetch (up to its drainDelay, 5 s), and a later close(true) returns that same promise.
      await Promise.all(workers.map((w) => w.pause(true)));
      if (!(await finished(timeoutMs - returnMs))) {
        options.logger.warn({ timeoutMs, running: [...running.keys()] }, 'jobs still running at shutdown: returning them to their queues');
        stopping.abort();
        await finished(returnMs);
        // Handlers that ignored the abort: their jobs go back now, not when their lock expires.
        await Promise.all([...running.values()].map(({ job, token }) => job.moveToDelayed(Date.now() + 1_000, token).catch(() => undefined)));
        running.clear();
      }
      await Promise.all(workers.map((w) => w.close(true)));
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** Resolves true once `done()` holds, false if it still does not after `ms`. */
async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

function retryAfterOf(err: unknown): number | null {
  if (err && typeof err === 'object' && 'retryAfterMs' in err && typeof err.retryAfterMs === 'number' && err.retryAfterMs >= 0) return err.retryAfterMs;
  return null;
}
