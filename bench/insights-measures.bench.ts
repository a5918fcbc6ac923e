import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { RedisFactStore } from '../adapters/insights/redis-fact-store.ts';
import { approvalFacts } from '../src/insights/approval-facts.ts';
import { exceptionFacts } from '../src/insights/exception-facts.ts';
import type { InsightFact } from '../src/insights/insight-fact.ts';
import { triageFacts } from '../src/insights/triage-facts.ts';
import type { TrackedException } from '../src/alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../src/approvals/approval-request.ts';
import type { TriageProposal } from '../src/triage/flow/triage-proposal.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';
import { benchRedis } from './support/bench-redis.ts';
import { firstJsonLine, spawnTs, stopChild } from './support/child-process.ts';
import { startOdooProcess } from './support/embedded-odoo-process.ts';

/** Purchase orders in the seeded database. */
const SCALE = Number(process.env.BENCH_INSIGHTS_POS ?? 50_000);
const CACHED_RUNS = 20;
const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;
const MB = 1024;

/**
 * The control tower's measures for a full year on the seeded dataset: the embedded Odoo (seeded,
 * 50,000 POs) in one process, the bot's insights reader in another (bench/processes/
 * insights-reader.ts, its peak RSS its own), this process driving both. Redis holds a year of
 * recorded facts at the dataset's scale (one decided approval per order approved in the year,
 * exceptions and triage decisions in proportion). Figures: the cold snapshot (read_group in
 * Odoo + ranks in Redis), the cached one (median and worst of 20), the raw search_read of the
 * same records over the same XML-RPC transport, and the reader's peak RSS.
 */
export const run: BenchRun = async () => {
  const redis = await benchRedis('insights');
  const prefix = `bench-insights-${process.pid}`;
  const odooStarted = performance.now();
  const odoo = await startOdooProcess({ seed: 42, scale: SCALE, now: NOW, maxOldSpaceMiB: 6144 });
  const seedSeconds = (performance.now() - odooStarted) / 1000;
  let reader: Awaited<ReturnType<typeof startReader>> | null = null;
  try {
    const factCount = await recordYearOfFacts(new RedisFactStore(redis.redis, prefix));
    reader = await startReader({ url: odoo.url, db: odoo.db, redisUrl: redis.url, prefix, now: NOW.toISOString() });
    const period = { from: new Date(NOW.getTime() - 365 * DAY).toISOString(), to: NOW.toISOString() };
    const post = async <T>(path: string): Promise<T & { wallMs: number }> => {
      const started = performance.now();
      const res = await fetch(`${reader!.url}${path}`, { method: 'POST', body: JSON.stringify(period) });
      const json = (await res.json()) as T & { error?: string };
      if (!res.ok) throw new Error(`${path}: ${json.error ?? res.status}`);
      return { ...json, wallMs: performance.now() - started };
    };
    const cold = await post<{ ms: number; weeks: number; approvals: number; suppliers: number; bytes: number }>('/snapshot');
    const cached: number[] = [];
    for (let i = 0; i < CACHED_RUNS; i++) cached.push((await post<{ ms: number }>('/snapshot')).wallMs);
    cached.sort((a, b) => a - b);
    const rawRead = await post<{ ms: number; records: number }>('/raw');
    const rss = (await (await fetch(`${reader.url}/rss`)).json()) as { maxRssKiB: number };
    const params = { scale: SCALE, period: '365 days', weeks: cold.weeks, facts: factCount };
    const fig = (metric: string, value: number, unit: string, extra: Record<string, string | number> = {}): BenchFigure => ({ bench: 'insights-measures', metric, value, unit, params: { ...params, ...extra } });
    return [
      fig('dataset seed + Odoo start', Math.round(seedSeconds * 10) / 10, 's'),
      fig('cold snapshot (full year)', Math.round(cold.wallMs), 'ms', { target: '< 5000 ms', suppliers: cold.suppliers, approvalRows: cold.approvals, bytes: cold.bytes }),
      fig('cached snapshot median', Math.round(cached[Math.floor(cached.length / 2)]! * 10) / 10, 'ms', { target: '< 200 ms', runs: CACHED_RUNS }),
      fig('cached snapshot worst', Math.round(cached[cached.length - 1]! * 10) / 10, 'ms', { runs: CACHED_RUNS }),
      fig('raw search_read of the same records', Math.round(rawRead.wallMs), 'ms', { records: rawRead.records, transport: 'XML-RPC', page: 2000 }),
      fig('reader process peak RSS', Math.round(rss.maxRssKiB / MB), 'MB'),
    ];
  } finally {
    if (reader) await reader.stop();
    await odoo.stop();
    await redis.clean(prefix);
    await redis.close();
  }
};

async function startReader(input: { url: string; db: string; redisUrl: string; prefix: string; now: string }) {
  const child = spawnTs('bench/processes/insights-reader.ts', { args: [JSON.stringify(input)] });
  const { url } = await firstJsonLine<{ url: string }>(child);
  return { url, stop: () => stopChild(child) };
}

/**
 * A year of facts as the recorder writes them, at the dataset's scale: a decided approval per
 * working hour (about 2,500, a third of them three-level chains with one level skipped, some
 * decided in Odoo, reminders and escalations), 5,000 exceptions (acknowledged and cleared),
 * 2,000 triage decisions. Written with the recorder's own fact builders.
 */
async function recordYearOfFacts(store: RedisFactStore): Promise<number> {
  const clock = { timeZone: 'America/Chicago', hoursBetween: (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000 };
  const start = NOW.getTime() - 365 * DAY;
  const rand = mulberry(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rules = ['under-5k', 'over-5k', 'capex-chain', 'eu-chain', 'services'];
  const vendors = Array.from({ length: 60 }, (_, i) => ({ id: 100 + i, name: `Vendor ${i}` }));
  const buyers = Array.from({ length: 8 }, (_, i) => ({ id: 10 + i, name: `Buyer ${i}` }));
  const types = ['late-receipt', 'eta-slipped', 'unconfirmed-po', 'bill-price-mismatch', 'approval-aging'];
  let batch: InsightFact[] = [];
  let total = 0;
  const flush = async (force = false) => {
    if (batch.length < 20_000 && !force) return;
    await store.record(batch);
    total += batch.length;
    batch = [];
  };
  for (let i = 0; i < 2_500; i++) {
    const requested = new Date(start + rand() * 360 * DAY);
    const decidedAt = new Date(requested.getTime() + rand() * 72 * 3_600_000);
    const chain = rand() < 0.33;
    const decision = { id: `d${i}`, action: 'approve', actor: { platform: 'slack', userId: 'U' }, odooUserId: pick(buyers).id, odooLogin: 'x', reason: null, version: 'v', at: decidedAt.toISOString(), channel: 'C' };
    const inOdoo = rand() < 0.15;
    const r = {
      id: `r${i}`, orderId: i + 1, ruleName: chain ? pick(rules.slice(2, 4)) : pick(rules), requestedAt: requested.toISOString(), status: inOdoo ? 'decided_elsewhere' : 'decided',
      decision: inOdoo ? null : decision, elsewhere: inOdoo ? { outcome: 'approved', by: 'admin', at: decidedAt.toISOString() } : null,
      subject: { company: { id: rand() < 0.6 ? 1 : 2, name: 'Northgate' }, vendor: pick(vendors), warehouses: [{ id: rand() < 0.5 ? 1 : 2, name: 'WH' }] },
      snapshot: { buyerId: pick(buyers).id, buyerName: 'Buyer' },
      chain: chain ? [
        { level: 1, label: 'L1', state: 'approved', since: requested.toISOString(), decision: { ...decision, at: new Date((requested.getTime() + decidedAt.getTime()) / 2).toISOString() } },
        { level: 2, label: 'L2', state: 'skipped', since: null, decision: null },
        { level: 3, label: 'L3', state: 'approved', since: new Date((requested.getTime() + decidedAt.getTime()) / 2).toISOString(), decision },
      ] : undefined,
      stepsDone: [],
    } as unknown as ApprovalRequest;
    const withSteps = { ...r, stepsDone: rand() < 0.3 ? ['remind-1-1', ...(rand() < 0.3 ? ['escalate-2'] : [])] : [] } as ApprovalRequest;
    batch.push(...approvalFacts(null, r, clock, decidedAt), ...approvalFacts({ ...r, decision: null, status: 'pending', elsewhere: null } as ApprovalRequest, withSteps, clock, decidedAt));
    await flush();
  }
  for (let i = 0; i < 5_000; i++) {
    const opened = new Date(start + rand() * 360 * DAY);
    const t = {
      key: `x${i}`, type: pick(types), status: 'open', firstSeenAt: opened.toISOString(), lastSeenAt: opened.toISOString(), acknowledged: null, clearedAt: null,
      exception: { records: { warehouse: { model: 'stock.warehouse', id: rand() < 0.5 ? 1 : 2, name: 'WH' }, vendor: { model: 'res.partner', ...pick(vendors) } } },
    } as unknown as TrackedException;
    const acked = { ...t, status: 'acknowledged', acknowledged: { chat: { platform: 'slack', userId: 'U' }, odooUserId: 1, odooLogin: 'x', at: new Date(opened.getTime() + rand() * 48 * 3_600_000).toISOString() } } as TrackedException;
    const cleared = { ...acked, status: 'cleared', clearedAt: new Date(opened.getTime() + rand() * 240 * 3_600_000).toISOString() } as TrackedException;
    batch.push(...exceptionFacts(null, t, clock), ...exceptionFacts(t, acked, clock), ...(rand() < 0.9 ? exceptionFacts(acked, cleared, clock) : []));
    await flush();
  }
  for (let i = 0; i < 2_000; i++) {
    const at = new Date(start + rand() * 360 * DAY).toISOString();
    const proposed = pick(['delay', 'confirmation', 'price_change', 'partial_shipment', 'invoice_query']);
    const action = rand() < 0.1 ? 'dismiss' : 'confirm';
    const p = { id: `p${i}`, kind: 'supplier-email', proposed, order: null, reading: { provider: pick(['openai', 'heuristic']) }, decision: { id: `pd${i}`, action, category: rand() < 0.8 ? proposed : 'delay', at } } as unknown as TriageProposal;
    batch.push(...triageFacts(null, p, clock).facts);
    await flush();
  }
  await flush(true);
  return total;
}

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// `npx tsx bench/insights-measures.bench.ts` runs it alone and prints the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  for (const f of figures) console.log(`${f.metric.padEnd(40)} ${String(f.value).padStart(10)} ${f.unit}  ${JSON.stringify(f.params)}`);
  process.exit(0);
}
