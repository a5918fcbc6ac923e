import type { Redis } from 'ioredis';
import type { CursorStore } from '../../src/ports/cursor-store.ts';

/** Scan cursors as JSON in one Redis hash. */
export class RedisCursorStore implements CursorStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get<T>(name: string): Promise<T | null> {
    const raw = await this.redis.hget(`${this.prefix}:cursors`, name);
    return raw ? (JSON.parse(raw) as T) : null;
  }

  async set<T>(name: string, cursor: T): Promise<void> {
    await this.redis.hset(`${this.prefix}:cursors`, name, JSON.stringify(cursor));
  }
}
