import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import type { InsightClock } from '../../src/insights/approval-facts.ts';
import { checkQuery, computeSnapshot, computeVendorScorecard } from '../../src/insights/compute-snapshot.ts';
import type { InsightSources } from '../../src/insights/insight-ports.ts';
import type { InsightsQuery, InsightsReader, InsightsSnapshot, SupplierScorecard } from '../../src/insights/insight-types.ts';
import { personalNumbers } from '../../src/insights/personal-numbers.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { businessHoursBetween, type BusinessCalendar } from '../../src/time/index.ts';
import { RedisExceptionStore } from '../alerts/redis-exception-store.ts';
import { RedisApprovalStore } from '../store/redis-approval-store.ts';
import { InsightsCache, cachedQueryOf, queryOf, type CachedQuery } from './insights-cache.ts';
import { RedisFactStore } from './redis-fact-store.ts';

/**
 * Everything createInsightsReader needs:
 * - `redis` and `prefix` (REDIS_KEY_PREFIX): the facts the recorder wrote, the approval and
 *   exception stores, and the cache all live there;
 * - `odoo`: the gateway (its `readGroup` aggregates orders, receipts and bills in Odoo);
 * - `calendar`: the policy's business calendar (`policy.calendar`): its zone keys the weeks and
 *   its hours are what durations count;
 * - `now`, `logger`.
 */
export interface InsightsReaderDeps {
  redis: Redis;
  prefix: string;
  odoo: Pick<OdooGateway, 'readGroup'>;
  calendar: BusinessCalendar;
  now: () => Date;
  logger: Pick<Logger, 'warn' | 'info'>;
}

/** The reader plus what the refresh job calls. */
export interface InsightsReaderWithRefresh extends InsightsReader {
  /** Recomputes every answer asked lately (and the default windows); how many were refreshed. */
  refresh(): Promise<number>;
}

export function insightClock(calendar: BusinessCalendar): InsightClock {
  return { timeZone: calendar.timeZone, hoursBetween: (a, b) => businessHoursBetween(a, b, calendar) };
}

/** The windows the refresh job keeps warm even before anybody asked: the last 12 and 52 weeks. */
export function defaultQueries(now: Date): InsightsQuery[] {
  const weeks = (n: number) => ({ from: new Date(now.getTime() - n * 7 * 86_400_000), to: now });
  return [weeks(12), weeks(52)];
}

/**
 * The control tower's reader: answers from the Redis cache (one GET), computes cold when the
 * answer is missing (and caches it); the scan queue's `insights-refresh` job keeps the answers
 * asked in the last week fresh. Bad queries (no dates, an empty or over-long period) reject with
 * a clear error and compute nothing.
 */
export function createInsightsReader(deps: InsightsReaderDeps): InsightsReaderWithRefresh {
  const facts = new RedisFactStore(deps.redis, deps.prefix);
  const approvals = new RedisApprovalStore(deps.redis, deps.prefix);
  const exceptions = new RedisExceptionStore(deps.redis, deps.prefix);
  const cache = new InsightsCache(deps.redis, deps.prefix);
  const sources: InsightSources = {
    facts,
    odoo: deps.odoo,
    clock: insightClock(deps.calendar),
    openApprovals: async (): Promise<ApprovalRequest[]> => {
      const ids = await approvals.openIds();
      const all = await Promise.all(ids.map((id) => approvals.get(id)));
      return all.filter((r): r is ApprovalRequest => r !== null);
    },
    openExceptions: async (): Promise<TrackedException[]> => [...(await exceptions.getMany(await exceptions.openKeys())).values()],
  };
  // One cold computation per answer at a time in this process: concurrent readers share it.
  const running = new Map<string, Promise<unknown>>();
  const compute = <T>(c: CachedQuery, make: () => Promise<T>): Promise<T> => {
    const id = cache.idOf(c);
    const existing = running.get(id);
    if (existing) return existing as Promise<T>;
    const p = make()
      .then(async (value) => {
        await cache.put(c, value);
        return value;
      })
      .finally(() => running.delete(id));
    running.set(id, p);
    return p;
  };
  const valid = (q: InsightsQuery) => {
    const problem = checkQuery(q);
    if (problem) throw new Error(`invalid insights query: ${problem}`);
  };
  const snapshotOf = (c: CachedQuery, now: Date) => compute(c, () => computeSnapshot(queryOf(c, now), sources, now));
  const vendorOf = (c: CachedQuery, now: Date) =>
    compute(c, async () => {
      const card = await computeVendorScorecard(c.vendorId ?? 0, queryOf(c, now), sources);
      return { computedAt: now.toISOString(), card };
    });

  return {
    async snapshot(q) {
      valid(q);
      const now = deps.now();
      const c = cachedQueryOf('snapshot', q, now);
      return (await cache.get<InsightsSnapshot>(c, now)) ?? snapshotOf(c, now);
    },
    async vendorScorecard(vendorId, q) {
      if (!Number.isInteger(vendorId) || vendorId <= 0) throw new Error(`invalid insights query: vendor id must be a positive integer, got ${String(vendorId)}`);
      valid(q);
      const now = deps.now();
      const c = cachedQueryOf('vendor', q, now, vendorId);
      const hit = (await cache.get<{ computedAt: string; card: SupplierScorecard | null }>(c, now)) ?? (await vendorOf(c, now));
      return hit.card;
    },
    async personal(odooUserId, now) {
      const logins = await deps.odoo.readGroup('res.users', { domain: [['id', '=', odooUserId]], groupby: ['login'] });
      const login = logins.find((r) => typeof r.keys.login?.value === 'string')?.keys.login?.value as string | undefined;
      return personalNumbers(odooUserId, login ?? null, now, sources);
    },
    async refresh() {
      const now = deps.now();
      const asked = await cache.recent(now);
      const wanted = new Map<string, CachedQuery>();
      for (const q of defaultQueries(now)) {
        const c = cachedQueryOf('snapshot', q, now);
        wanted.set(cache.idOf(c), c);
      }
      for (const c of asked) wanted.set(cache.idOf(c), c);
      let n = 0;
      // one at a time: the refresh is background work and must not crowd Odoo
      for (const c of wanted.values()) {
        if (c.kind === 'vendor') await vendorOf(c, now);
        else await snapshotOf(c, now);
        n++;
      }
      return n;
    },
  };
}
