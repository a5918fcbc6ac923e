import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { nearestRank, round } from '../../src/insights/duration-stats.ts';
import type { InsightFact } from '../../src/insights/insight-fact.ts';
import type { FactReader } from '../../src/insights/insight-ports.ts';
import type { DurationStats } from '../../src/insights/insight-types.ts';

/** Facts are kept three years: a year's trend beside the year before it, then they expire. */
const KEEP_SECONDS = 3 * 366 * 86_400;

/**
 * The control tower's facts in Redis sorted sets under `<prefix>:insights:`, one set per measure,
 * week and dimension value. Recording is ZADD (a member recorded twice is stored once); reading
 * asks Redis for counts and ranks (ZCARD, ZRANGE i i), never for the members of a measure.
 */
export class RedisFactStore implements FactReader {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private k(key: string): string {
    return `${this.prefix}:insights:${key}`;
  }

  async record(facts: readonly InsightFact[]): Promise<void> {
    if (facts.length === 0) return;
    const p = this.redis.pipeline();
    const keys = new Set<string>();
    for (const f of facts) {
      p.zadd(this.k(f.key), f.score, f.member);
      keys.add(this.k(f.key));
    }
    for (const key of keys) p.expire(key, KEEP_SECONDS);
    const results = await p.exec();
    const failed = results?.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
  }

  async counts(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const p = this.redis.pipeline();
    for (const key of keys) p.zcard(this.k(key));
    return ((await p.exec()) ?? []).map(([err, n]) => {
      if (err) throw err;
      return Number(n);
    });
  }

  async durations(keys: readonly string[]): Promise<DurationStats[]> {
    return this.statsOf(keys.map((k) => this.k(k)));
  }

  async durationsOfUnion(keyLists: readonly (readonly string[])[]): Promise<DurationStats[]> {
    if (keyLists.length === 0) return [];
    const temps = keyLists.map(() => this.k(`tmp:${randomUUID()}`));
    const p = this.redis.pipeline();
    keyLists.forEach((list, i) => {
      const dest = temps[i] as string;
      if (list.length > 0) p.zunionstore(dest, list.length, ...list.map((k) => this.k(k)), 'AGGREGATE', 'MAX');
      p.expire(dest, 60);
    });
    await p.exec();
    try {
      return await this.statsOf(temps);
    } finally {
      await this.redis.del(...temps);
    }
  }

  async members(keys: readonly string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    const p = this.redis.pipeline();
    for (const key of keys) p.zrange(this.k(key), 0, -1);
    return ((await p.exec()) ?? []).map(([err, list]) => {
      if (err) throw err;
      return list as string[];
    });
  }

  async scoresWithin(atKey: string, scoreKey: string, min: number, max: number): Promise<number[]> {
    const members = await this.redis.zrangebyscore(this.k(atKey), min, max);
    if (members.length === 0) return [];
    const p = this.redis.pipeline();
    for (const m of members) p.zscore(this.k(scoreKey), m);
    return ((await p.exec()) ?? []).flatMap(([err, v]) => (err || v === null ? [] : [Number(v)]));
  }

  /** Count, then the p50 and p90 ranks of each key: two round trips for any number of keys. */
  private async statsOf(fullKeys: readonly string[]): Promise<DurationStats[]> {
    if (fullKeys.length === 0) return [];
    const c = this.redis.pipeline();
    for (const key of fullKeys) c.zcard(key);
    const counts = ((await c.exec()) ?? []).map(([err, n]) => {
      if (err) throw err;
      return Number(n);
    });
    const r = this.redis.pipeline();
    fullKeys.forEach((key, i) => {
      const n = counts[i] ?? 0;
      if (n === 0) return;
      r.zrange(key, nearestRank(0.5, n), nearestRank(0.5, n), 'WITHSCORES');
      r.zrange(key, nearestRank(0.9, n), nearestRank(0.9, n), 'WITHSCORES');
    });
    const ranks = ((await r.exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      const pair = v as string[];
      return pair[1] !== undefined ? round(Number(pair[1])) : null;
    });
    let j = 0;
    return counts.map((n) => {
      if (n === 0) return { count: 0, p50Hours: null, p90Hours: null };
      const out = { count: n, p50Hours: ranks[j] ?? null, p90Hours: ranks[j + 1] ?? null };
      j += 2;
      return out;
    });
  }
}
