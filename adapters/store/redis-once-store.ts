import type { Redis } from 'ioredis';
import type { OnceStore } from '../../src/ports/once-store.ts';

/** The Redis key of a once-key (also claimed by the intake stream's enqueueOnce). */
export function onceRedisKey(prefix: string, key: string): string {
  return `${prefix}:once:${key}`;
}

/** OnceStore over Redis SET NX EX: one round trip, shared by every web process. */
export class RedisOnceStore implements OnceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(onceRedisKey(this.prefix, key), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.redis.del(onceRedisKey(this.prefix, key));
  }
}
