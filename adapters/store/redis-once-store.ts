import type { Redis } from 'ioredis';
import type { OnceStore } from '../../src/ports/once-store.ts';

/** OnceStore over Redis SET NX EX: one round trip, shared by every web process. */
export class RedisOnceStore implements OnceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:once:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}:once:${key}`);
  }
}
