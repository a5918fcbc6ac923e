import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { intakeFields, intakeStreamKey, readIntakeFields, StreamIntakeQueue } from '../../adapters/queue/intake-stream.ts';
import { INTAKE_RELAY_GROUP, startIntakeRelay, type IntakeRelay } from '../../adapters/queue/relay-intake.ts';
import { createIntakeRedis, whenReady } from '../../adapters/store/redis-connection.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { until } from '../support/until.ts';

const logger = pino({ level: 'silent' });
let redis: Redis;
let intakeRedis: Redis;
let queues: BullQueues;
let prefix: string;
const relays: IntakeRelay[] = [];

beforeEach(async () => {
  prefix = uniquePrefix('intake');
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  // As the web process does: the intake connection has no offline queue, so it is used once ready.
  intakeRedis = createIntakeRedis(testRedisUrl());
  await whenReady(intakeRedis);
  queues = createQueues(redis, prefix);
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.close()));
  await closeQueues(queues);
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
  intakeRedis.disconnect();
});

async function relay(options: { consumer?: string; claimIdleMs?: number } = {}): Promise<IntakeRelay> {
  const r = await startIntakeRelay({ connection: redis, prefix, queues, logger, blockMs: 200, ...options });
  relays.push(r);
  return r;
}

const waiting = async (queue: keyof BullQueues) => (await queues[queue].getJobs(['waiting', 'delayed'])).filter(Boolean);

describe('the intake stream and its relay', () => {
  it('moves each entry into its queue under its job id, with the queue defaults, and empties the stream', async () => {
    await relay();
    const intake = new StreamIntakeQueue(intakeRedis, prefix);
    await intake.enqueue('writeback', 'decide', { clickId: 'c1', n: 1 }, { jobId: 'decide-c1' });
    await intake.enqueue('scan', 'odoo-record-changed', { id: 7 }, { jobId: 'odoo-changed-po-7-v1' });
    const jobs = await until(() => waiting('writeback'), (j) => j.length === 1);
    expect(jobs.map((j) => [j.id, j.name, j.data])).toEqual([['decide-c1', 'decide', { clickId: 'c1', n: 1 }]]);
    expect(jobs[0]!.opts.attempts).toBe(8);
    expect((await until(() => waiting('scan'), (j) => j.length === 1)).map((j) => j.id)).toEqual(['odoo-changed-po-7-v1']);
    expect(await until(() => redis.xlen(intakeStreamKey(prefix)), (n) => n === 0)).toBe(0);
  });

  it('makes one job of the same job id taken in twice (a retried delivery)', async () => {
    const intake = new StreamIntakeQueue(intakeRedis, prefix);
    for (let i = 0; i < 3; i++) await intake.enqueue('writeback', 'decide', { try: i }, { jobId: 'decide-same' });
    await relay();
    await until(() => redis.xlen(intakeStreamKey(prefix)), (n) => n === 0);
    const jobs = await waiting('writeback');
    expect(jobs.map((j) => [j.id, j.data])).toEqual([['decide-same', { try: 0 }]]);
  });

  it('keeps a delayed enqueue delayed until its time, counted from the enqueue', async () => {
    const intake = new StreamIntakeQueue(intakeRedis, prefix);
    await intake.enqueue('notify', 'later', {}, { jobId: 'later-1', delayMs: 60_000 });
    await relay();
    const [job] = await until(() => queues.notify.getJobs(['delayed']), (j) => j.length === 1);
    expect(job!.id).toBe('later-1');
    expect(job!.delay).toBeGreaterThan(55_000);
    expect(job!.delay).toBeLessThanOrEqual(60_000);
  });

  it('relays what a relay that died read and never finished, once, after it has been idle long enough', async () => {
    const key = intakeStreamKey(prefix);
    await redis.xgroup('CREATE', key, INTAKE_RELAY_GROUP, '0', 'MKSTREAM');
    await redis.xadd(key, '*', ...intakeFields({ queue: 'writeback', name: 'decide', jobId: 'decide-orphan', data: { a: 1 } }));
    // A relay of a process that was killed after reading (its add may or may not have happened).
    await redis.xreadgroup('GROUP', INTAKE_RELAY_GROUP, 'dead-relay', 'COUNT', 10, 'STREAMS', key, '>');
    await queues.writeback.add('decide', { a: 1 }, { jobId: 'decide-orphan' });
    await relay({ claimIdleMs: 300 });
    await until(() => redis.xlen(key), (n) => n === 0);
    expect((await waiting('writeback')).map((j) => j.id)).toEqual(['decide-orphan']);
    const pending = (await redis.xpending(key, INTAKE_RELAY_GROUP)) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });

  it('keeps relaying when the stream is deleted under it, and two relays make one job per entry', async () => {
    await relay({ consumer: 'a' });
    await relay({ consumer: 'b' });
    const intake = new StreamIntakeQueue(intakeRedis, prefix);
    await intake.enqueue('writeback', 'decide', {}, { jobId: 'before' });
    await until(() => waiting('writeback'), (j) => j.length === 1);
    await redis.del(intakeStreamKey(prefix));
    await new Promise((r) => setTimeout(r, 400));
    await until(() => redis.exists(intakeStreamKey(prefix)), (n) => n === 1);
    await Promise.all(Array.from({ length: 200 }, (_, i) => intake.enqueue('writeback', 'decide', { i }, { jobId: `after-${i % 100}` })));
    await until(() => redis.xlen(intakeStreamKey(prefix)), (n) => n === 0);
    const ids = (await waiting('writeback')).map((j) => j.id).sort();
    expect(ids).toHaveLength(101);
    expect(new Set(ids).size).toBe(101);
  });

  it('takes a once-key and its entry in one step: the first of many concurrent callers adds, the others are told it is a repeat', async () => {
    const other = createIntakeRedis(testRedisUrl()); // another web process
    await whenReady(other);
    try {
      const queues = [new StreamIntakeQueue(intakeRedis, prefix), new StreamIntakeQueue(other, prefix)];
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => queues[i % 2]!.enqueueOnce({ key: 'odoo-event:purchase.order:7:v1', ttlSeconds: 60 }, 'scan', 'odoo-record-changed', { i }, { jobId: 'odoo-changed-7-v1' })));
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await redis.xlen(intakeStreamKey(prefix))).toBe(1);
      expect(await redis.ttl(`${prefix}:once:odoo-event:purchase.order:7:v1`)).toBeGreaterThan(55);
    } finally {
      other.disconnect();
    }
  });

  it('claims nothing when the entry cannot be added, so the next try gets it', async () => {
    const key = intakeStreamKey(prefix);
    await redis.set(key, 'not a stream'); // XADD on it fails inside the script (WRONGTYPE)
    const intake = new StreamIntakeQueue(intakeRedis, prefix);
    await expect(intake.enqueueOnce({ key: 'k1', ttlSeconds: 60 }, 'scan', 'x', {}, { jobId: 'x-1' })).rejects.toThrow(/WRONGTYPE/);
    expect(await redis.exists(`${prefix}:once:k1`)).toBe(0);
    await redis.del(key);
    expect(await intake.enqueueOnce({ key: 'k1', ttlSeconds: 60 }, 'scan', 'x', {}, { jobId: 'x-1' })).toBe(true);
    expect(await redis.xlen(key)).toBe(1);
  });

  it('refuses at once, without an offline queue, when Redis is away: the web process answers "try again"', async () => {
    const away = createIntakeRedis('redis://127.0.0.1:1', { retryStrategy: () => null, connectTimeout: 200 });
    away.on('error', () => undefined);
    const intake = new StreamIntakeQueue(away, prefix);
    await expect(intake.enqueue('writeback', 'decide', {}, { jobId: 'x' })).rejects.toThrow();
    away.disconnect();
  });

  it('drops an entry it did not write (logged) and goes on with the others', async () => {
    const key = intakeStreamKey(prefix);
    await redis.xadd(key, '*', 'q', 'no-such-queue', 'n', 'x', 'i', 'y', 'd', '{}');
    await redis.xadd(key, '*', 'q', 'writeback', 'n', 'decide', 'i', 'z', 'd', '{not json');
    await redis.xadd(key, '*', ...intakeFields({ queue: 'writeback', name: 'decide', jobId: 'good', data: null }));
    await relay();
    await until(() => redis.xlen(key), (n) => n === 0);
    expect((await waiting('writeback')).map((j) => j.id)).toEqual(['good']);
    expect(readIntakeFields(['q', 'writeback'])).toBeNull();
  });

  it('closes at once while its read waits on an empty stream', async () => {
    const r = await relay();
    await new Promise((done) => setTimeout(done, 50));
    const started = Date.now();
    await r.close();
    relays.splice(relays.indexOf(r), 1);
    expect(Date.now() - started).toBeLessThan(150);
  });
});
