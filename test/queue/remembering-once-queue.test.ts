import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeStreamKey, StreamIntakeQueue } from '../../adapters/queue/intake-stream.ts';
import { RememberingOnceQueue } from '../../adapters/queue/remembering-once-queue.ts';
import type { OnceJobQueue } from '../../src/ports/job-queue.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

let redis: Redis;
const prefix = uniquePrefix('once-memo');
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
});

/** The intake stream in Redis, counting the calls that reach it; `failNext` makes the next one fail as a dropped connection would. */
function counted(): OnceJobQueue & { calls: number; failNext: boolean } {
  const real = new StreamIntakeQueue(redis, prefix);
  const queue = {
    calls: 0,
    failNext: false,
    async enqueueOnce(...args: Parameters<OnceJobQueue['enqueueOnce']>) {
      queue.calls += 1;
      if (queue.failNext) {
        queue.failNext = false;
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('connection reset');
      }
      return real.enqueueOnce(...args);
    },
  };
  return queue;
}

const take = (q: OnceJobQueue, key: string, ttlSeconds = 60) => q.enqueueOnce({ key, ttlSeconds }, 'scan', 'odoo-record-changed', { key }, { jobId: `job-${key}` });
const entriesFor = async (key: string) => (await redis.xrange(intakeStreamKey(prefix), '-', '+')).filter(([, f]) => f.includes(`job-${key}`)).length;

describe('RememberingOnceQueue', () => {
  it('answers repeats of a key this process took without Redis, and concurrent repeats wait for the first', async () => {
    const inner = counted();
    const once = new RememberingOnceQueue(inner);
    const answers = await Promise.all([take(once, 'a'), take(once, 'a'), take(once, 'a')]);
    expect(answers).toEqual([true, false, false]);
    expect(await take(once, 'a')).toBe(false);
    expect(inner.calls).toBe(1);
    expect(await redis.exists(`${prefix}:once:a`)).toBe(1);
    expect(await entriesFor('a')).toBe(1);
  });

  it('asks Redis about a key another process took, and remembers nothing it did not take', async () => {
    const inner = counted();
    await take(new StreamIntakeQueue(redis, prefix), 'b'); // another web process
    const once = new RememberingOnceQueue(inner);
    expect(await take(once, 'b')).toBe(false);
    expect(await take(once, 'b')).toBe(false);
    expect(inner.calls).toBe(2);
    expect(once.size).toBe(0);
    expect(await entriesFor('b')).toBe(1);
  });

  it('lets a repeat try again when the first failed', async () => {
    const inner = counted();
    const once = new RememberingOnceQueue(inner);
    inner.failNext = true;
    const [first, second] = await Promise.allSettled([take(once, 'c'), take(once, 'c')]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: true });
    expect(await entriesFor('c')).toBe(1);
  });

  it('forgets a key after its TTL (as Redis does) and keeps at most maxKeys', async () => {
    let now = 1_000_000;
    const inner = counted();
    const once = new RememberingOnceQueue(inner, { nowMs: () => now, maxKeys: 3 });
    expect(await take(once, 'd', 1)).toBe(true);
    now += 1_001;
    await redis.del(`${prefix}:once:d`); // Redis expired it too
    expect(await take(once, 'd', 1)).toBe(true);
    for (const k of ['e', 'f', 'g', 'h']) expect(await take(once, k)).toBe(true);
    expect(once.size).toBe(3);
    const before = inner.calls;
    expect(await take(once, 'h')).toBe(false);
    expect(inner.calls).toBe(before);
    expect(await take(once, 'e')).toBe(false); // evicted here, still held in Redis
    expect(inner.calls).toBe(before + 1);
  });
});
