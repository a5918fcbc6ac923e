import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { startWorkers, type WorkerPool } from '../../adapters/queue/start-workers.ts';
import { BusinessRefusal, CodedError } from '../../src/errors/coded-error.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { until } from '../support/until.ts';

const logger = pino({ level: 'silent' });
let redis: Redis;
let queues: BullQueues;
let prefix: string;
const pools: WorkerPool[] = [];

beforeEach(() => {
  prefix = uniquePrefix('workers');
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queues = createQueues(redis, prefix);
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close(1_000)));
  await closeQueues(queues);
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
});

function start(handlers: JobHandlers): WorkerPool {
  const pool = startWorkers({ connection: redis, prefix, handlers, logger, concurrency: 2, queues: ['writeback'] });
  pools.push(pool);
  return pool;
}

const stateOf = (id: string) => until(async () => (await queues.writeback.getJob(id))?.getState(), (s) => s === 'completed' || s === 'failed');

describe('queue workers', () => {
  it('runs the handler named by the job and keeps the result', async () => {
    start({ writeback: { 'post-note': async (data) => ({ posted: (data as { text: string }).text }) } });
    await queues.writeback.add('post-note', { text: 'hello' }, { jobId: 'post-note-po-1' });
    expect(await stateOf('post-note-po-1')).toBe('completed');
    expect((await queues.writeback.getJob('post-note-po-1'))?.returnvalue).toEqual({ posted: 'hello' });
  });

  it('fails a business refusal at once, without retries, and keeps the failed job', async () => {
    let calls = 0;
    start({ writeback: { approve: async () => { calls += 1; throw new BusinessRefusal('policy_refused', 'Jane may approve up to 5,000 USD'); } } });
    await queues.writeback.add('approve', {}, { jobId: 'approve-po-7-v1', attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    expect(await stateOf('approve-po-7-v1')).toBe('failed');
    const job = await queues.writeback.getJob('approve-po-7-v1');
    expect(job?.failedReason).toBe('Jane may approve up to 5,000 USD');
    expect(calls).toBe(1);
    expect(await queues.writeback.getFailedCount()).toBe(1);
  });

  it('retries a transient failure with backoff until it succeeds', async () => {
    let calls = 0;
    start({ writeback: { approve: async () => { calls += 1; if (calls < 3) throw new CodedError('odoo_transient', 'Odoo timed out', true); return 'done'; } } });
    await queues.writeback.add('approve', {}, { jobId: 'approve-po-8-v1', attempts: 5, backoff: { type: 'exponential', delay: 20 } });
    expect(await stateOf('approve-po-8-v1')).toBe('completed');
    expect(calls).toBe(3);
  });

  it('fails a job nobody handles, for good, with a reason that says so', async () => {
    start({ writeback: {} });
    await queues.writeback.add('mystery', {}, { jobId: 'mystery-1' });
    expect(await stateOf('mystery-1')).toBe('failed');
    expect((await queues.writeback.getJob('mystery-1'))?.failedReason).toBe('no handler for job "mystery" on queue writeback');
  });

  it('on shutdown, lets a running job finish before closing', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const pool = start({ writeback: { slow: async () => { started(); await new Promise((r) => setTimeout(r, 400)); return 'finished'; } } });
    await queues.writeback.add('slow', {}, { jobId: 'slow-1' });
    await running;
    await pool.close(5_000);
    const job = await queues.writeback.getJob('slow-1');
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toBe('finished');
  });

  it('on shutdown past the timeout, returns the running job to the queue without spending an attempt', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const pool = start({
      writeback: {
        stuck: (_data, ctx) =>
          new Promise((_resolve, reject) => {
            started();
            ctx.signal.addEventListener('abort', () => reject(new Error('interrupted by shutdown')));
          }),
      },
    });
    await queues.writeback.add('stuck', { po: 9 }, { jobId: 'stuck-1', attempts: 3 });
    await running;
    await pool.close(200);
    const job = await queues.writeback.getJob('stuck-1');
    expect(await job?.getState()).toBe('delayed');
    expect(job?.attemptsMade).toBe(0);
    // Another worker takes it up and finishes it: nothing was lost.
    start({ writeback: { stuck: async (data) => data } });
    expect(await stateOf('stuck-1')).toBe('completed');
    expect((await queues.writeback.getJob('stuck-1'))?.returnvalue).toEqual({ po: 9 });
  });
});
