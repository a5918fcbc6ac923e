import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisOnceStore } from '../../adapters/store/redis-once-store.ts';
import { RememberingOnceStore } from '../../adapters/store/remembering-once-store.ts';
import type { OnceStore } from '../../src/ports/once-store.ts';
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

/** The Redis store, counting the claims that reach it; `failNext` makes the next one fail as a dropped connection would. */
function counted(): OnceStore & { claims: number; failNext: boolean } {
  const real = new RedisOnceStore(redis, prefix);
  const store = {
    claims: 0,
    failNext: false,
    async claim(key: string, ttl: number) {
      store.claims += 1;
      if (store.failNext) {
        store.failNext = false;
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('connection reset');
      }
      return real.claim(key, ttl);
    },
    release: (key: string) => real.release(key),
  };
  return store;
}

describe('RememberingOnceStore', () => {
  it('answers repeats of a key this process claimed without Redis, and concurrent repeats wait for the first claim', async () => {
    const inner = counted();
    const once = new RememberingOnceStore(inner);
    const answers = await Promise.all([once.claim('a', 60), once.claim('a', 60), once.claim('a', 60)]);
    expect(answers).toEqual([true, false, false]);
    expect(await once.claim('a', 60)).toBe(false);
    expect(inner.claims).toBe(1);
    expect(await redis.exists(`${prefix}:once:a`)).toBe(1);
  });

  it('asks Redis about a key another process claimed, and remembers nothing it did not win', async () => {
    const inner = counted();
    await new RedisOnceStore(redis, prefix).claim('b', 60); // another web process
    const once = new RememberingOnceStore(inner);
    expect(await once.claim('b', 60)).toBe(false);
    expect(await once.claim('b', 60)).toBe(false);
    expect(inner.claims).toBe(2);
    expect(once.size).toBe(0);
  });

  it('lets a repeat try again when the first claim failed, and forgets a released key', async () => {
    const inner = counted();
    const once = new RememberingOnceStore(inner);
    inner.failNext = true;
    const [first, second] = await Promise.allSettled([once.claim('c', 60), once.claim('c', 60)]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: true });
    await once.release('c');
    expect(await redis.exists(`${prefix}:once:c`)).toBe(0);
    expect(await once.claim('c', 60)).toBe(true);
  });

  it('forgets a key after its TTL (as Redis does) and keeps at most maxKeys', async () => {
    let now = 1_000_000;
    const inner = counted();
    const once = new RememberingOnceStore(inner, { nowMs: () => now, maxKeys: 3 });
    expect(await once.claim('d', 1)).toBe(true);
    now += 1_001;
    await redis.del(`${prefix}:once:d`); // Redis expired it too
    expect(await once.claim('d', 1)).toBe(true);
    for (const k of ['e', 'f', 'g', 'h']) expect(await once.claim(k, 60)).toBe(true);
    expect(once.size).toBe(3);
    const before = inner.claims;
    expect(await once.claim('h', 60)).toBe(false);
    expect(inner.claims).toBe(before);
    expect(await once.claim('e', 60)).toBe(false); // evicted here, still held in Redis
    expect(inner.claims).toBe(before + 1);
  });
});
