import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { InsightsQuery } from '../../src/insights/insight-types.ts';

/** A query whose end is this close to now is "the last N weeks": cached and refreshed as a rolling window. */
export const ROLLING_SLACK_MS = 15 * 60_000;
/** Queries asked within this long are kept fresh by the refresh job. */
export const TRACK_MS = 7 * 86_400_000;
const KEEP_SECONDS = 2 * 86_400;

/** What identifies a cached answer: a fixed period, or a rolling window's length, plus the cuts. */
export interface CachedQuery {
  kind: 'snapshot' | 'vendor';
  vendorId?: number;
  rolling: boolean;
  /** Rolling: the window in whole minutes; fixed: the period's instants. */
  minutes?: number;
  from?: string;
  to?: string;
  filter?: InsightsQuery['filter'];
  breakdown?: InsightsQuery['breakdown'];
  topVendors?: number;
}

export function cachedQueryOf(kind: CachedQuery['kind'], q: InsightsQuery, now: Date, vendorId?: number): CachedQuery {
  const rolling = Math.abs(now.getTime() - q.to.getTime()) <= ROLLING_SLACK_MS;
  const base: CachedQuery = { kind, rolling, ...(vendorId !== undefined ? { vendorId } : {}) };
  if (q.filter && Object.keys(q.filter).length) base.filter = Object.fromEntries(Object.entries(q.filter).sort(([a], [b]) => a.localeCompare(b)));
  if (q.breakdown?.length) base.breakdown = [...q.breakdown].sort();
  if (q.topVendors !== undefined) base.topVendors = q.topVendors;
  if (rolling) base.minutes = Math.round((q.to.getTime() - q.from.getTime()) / 60_000);
  else Object.assign(base, { from: q.from.toISOString(), to: q.to.toISOString() });
  return base;
}

/** The query to compute for a cached identity now (a rolling window ends now). */
export function queryOf(c: CachedQuery, now: Date): InsightsQuery {
  const q: InsightsQuery = c.rolling
    ? { from: new Date(now.getTime() - (c.minutes ?? 0) * 60_000), to: now }
    : { from: new Date(c.from ?? 0), to: new Date(c.to ?? 0) };
  if (c.filter) q.filter = c.filter;
  if (c.breakdown) q.breakdown = c.breakdown;
  if (c.topVendors !== undefined) q.topVendors = c.topVendors;
  return q;
}

/** Answers by query identity in Redis (JSON, with computedAt inside), and the identities asked lately. */
export class InsightsCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:insights:cache:${id}`;
  }

  private get tracked(): string {
    return `${this.prefix}:insights:cache-queries`;
  }

  idOf(c: CachedQuery): string {
    return createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 32);
  }

  async get<T>(c: CachedQuery, now: Date): Promise<T | null> {
    const id = this.idOf(c);
    const [[, raw]] = ((await this.redis.multi().get(this.key(id)).zadd(this.tracked, now.getTime(), JSON.stringify(c)).exec()) ?? [[null, null]]) as [[unknown, string | null]];
    return raw ? (JSON.parse(raw) as T) : null;
  }

  async put(c: CachedQuery, value: unknown): Promise<void> {
    await this.redis.set(this.key(this.idOf(c)), JSON.stringify(value), 'EX', KEEP_SECONDS);
  }

  /** The identities asked within TRACK_MS (older ones are forgotten). */
  async recent(now: Date): Promise<CachedQuery[]> {
    await this.redis.zremrangebyscore(this.tracked, 0, now.getTime() - TRACK_MS);
    const members = await this.redis.zrange(this.tracked, 0, -1);
    return members.flatMap((m) => {
      try {
        return [JSON.parse(m) as CachedQuery];
      } catch {
        return [];
      }
    });
  }

  async track(c: CachedQuery, now: Date): Promise<void> {
    await this.redis.zadd(this.tracked, now.getTime(), JSON.stringify(c));
  }
}
