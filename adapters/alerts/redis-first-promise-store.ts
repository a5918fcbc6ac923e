import type { Redis } from 'ioredis';
import type { FirstPromiseStore } from '../../src/alerts/lifecycle/exception-store.ts';

/** The first date_planned promised per PO line, in one Redis hash (HSETNX: never overwritten). */
export class RedisFirstPromiseStore implements FirstPromiseStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get key() {
    return `${this.prefix}:alerts:first-promise`;
  }

  async getMany(lineIds: readonly number[]): Promise<Map<number, Date>> {
    const out = new Map<number, Date>();
    for (let i = 0; i < lineIds.length; i += 1000) {
      const chunk = lineIds.slice(i, i + 1000);
      const values = await this.redis.hmget(this.key, ...chunk.map(String));
      values.forEach((v, j) => {
        if (v) out.set(chunk[j]!, new Date(v));
      });
    }
    return out;
  }

  async remember(promises: ReadonlyMap<number, Date>): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const [id, at] of promises) pipeline.hsetnx(this.key, String(id), at.toISOString());
    await pipeline.exec();
  }

  async forget(lineIds: readonly number[]): Promise<void> {
    if (lineIds.length) await this.redis.hdel(this.key, ...lineIds.map(String));
  }
}
