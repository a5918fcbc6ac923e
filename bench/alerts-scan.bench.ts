import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { seedDistribution } from '../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo } from '../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import type { FirstPromiseStore } from '../src/alerts/lifecycle/exception-store.ts';
import { readBills } from '../src/alerts/sources/read-bills.ts';
import { readLateReceipts } from '../src/alerts/sources/read-late-receipts.ts';
import { readOrders } from '../src/alerts/sources/read-orders.ts';
import { detectOn } from '../src/alerts/sources/run-scan.ts';
import { parseAlertThresholds } from '../src/alerts/alert-thresholds.ts';
import type { BusinessCalendar } from '../src/time/business-calendar.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const SCALE = Number(process.env.BENCH_ALERTS_SCAN_POS ?? 50_000);
const NOW = new Date('2026-11-26T23:00:00Z');
const h = (from: number, to: number) => [{ startMinute: from * 60, endMinute: to * 60 }];
const CALENDAR: BusinessCalendar = { timeZone: 'America/Chicago', week: [[], h(8, 18), h(8, 18), h(8, 18), h(8, 18), h(8, 18), []], holidays: new Set() };

/** The first-promise memory in process memory: this bench measures reading and detecting, not Redis. */
function memoryPromises(): FirstPromiseStore {
  const m = new Map<number, Date>();
  return {
    getMany: async (ids) => new Map(ids.flatMap((id) => (m.has(id) ? [[id, m.get(id)!] as const] : []))),
    remember: async (p) => void p.forEach((d, id) => (m.has(id) ? undefined : m.set(id, d))),
    forget: async (ids) => void ids.forEach((id) => m.delete(id)),
  };
}

/**
 * A full alert scan of the 50,000-PO dataset through the real gateway (XML-RPC) against the
 * embedded Odoo: the three sources read only what can be an exception (bounded domains), then
 * the detectors run. Reports wall time, records read, exceptions found and peak RSS.
 */
export const run: BenchRun = async () => {
  const seedStarted = performance.now();
  const odoo = await startEmbeddedOdoo({ port: 0, now: () => NOW, seed: (store) => void seedDistribution(store, { seed: 42, scale: SCALE, now: NOW }) });
  const seedMs = performance.now() - seedStarted;
  const gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 120_000 });
  const thresholds = parseAlertThresholds({}, CALENDAR);
  const deps = { thresholds, firstPromises: memoryPromises() };
  const figures: BenchFigure[] = [];
  const params = { pos: SCALE };
  try {
    const started = performance.now();
    let read = 0;
    let found = 0;
    for (const [name, readSource] of [
      ['receipts', () => readLateReceipts(gateway, thresholds, NOW)],
      ['orders', () => readOrders(gateway)],
      ['bills', () => readBills(gateway, { since: null, recheck: [] })],
    ] as const) {
      const t0 = performance.now();
      const source = await readSource();
      const exceptions = await detectOn(source, deps, NOW);
      const ms = performance.now() - t0;
      read += source.recordsRead;
      found += exceptions.length;
      figures.push(
        { bench: 'alerts-scan', metric: `${name}: records read`, value: source.recordsRead, unit: 'records', params },
        { bench: 'alerts-scan', metric: `${name}: exceptions found`, value: exceptions.length, unit: 'exceptions', params },
        { bench: 'alerts-scan', metric: `${name}: wall time`, value: Math.round(ms), unit: 'ms', params },
      );
    }
    const wall = performance.now() - started;
    figures.push(
      { bench: 'alerts-scan', metric: 'full scan wall time', value: Math.round(wall), unit: 'ms', params },
      { bench: 'alerts-scan', metric: 'records read', value: read, unit: 'records', params },
      { bench: 'alerts-scan', metric: 'read rate', value: Math.round((read / wall) * 1000), unit: 'records/s', params },
      { bench: 'alerts-scan', metric: 'exceptions found', value: found, unit: 'exceptions', params },
      { bench: 'alerts-scan', metric: 'peak RSS (seed + Odoo + scan, one process)', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MiB', params },
      { bench: 'alerts-scan', metric: 'dataset generation', value: Math.round(seedMs), unit: 'ms', params },
    );
  } finally {
    gateway.close();
    await odoo.stop();
  }
  return figures;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await run()) console.log(`${f.metric}: ${f.value} ${f.unit}`);
}
