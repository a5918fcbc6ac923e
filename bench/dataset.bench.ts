import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createBaseDatabase } from '../adapters/embedded-odoo/base-data/base-database.ts';
import { seedDistribution } from '../adapters/embedded-odoo/seed/seed-distribution.ts';
import { OdooStore } from '../adapters/embedded-odoo/store.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

/** Purchase orders to generate (lines: about 3 per order). */
const SCALE = Number(process.env.BENCH_DATASET_POS ?? 50_000);
const MB = 1024 * 1024;

/**
 * Generates the seeded distribution dataset into a fresh store (base database included) and
 * reports the time, the rows per model and the memory: peak RSS (the process high-water mark)
 * and peak heap, sampled through the seed's progress hook because the seed runs synchronously,
 * plus their growth over the figures taken just before the run.
 */
export const run: BenchRun = async () => {
  const now = new Date('2026-11-26T12:00:00Z');
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS;
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const started = performance.now();
  const store = new OdooStore();
  createBaseDatabase(store, { version: 18, adminLogin: 'admin', adminPassword: 'admin', demo: false, now });
  const summary = seedDistribution(store, { seed: 42, scale: SCALE, now, onProgress: sample });
  const seconds = (performance.now() - started) / 1000;
  sample();
  // resourceUsage().maxRSS is the process high-water mark (KiB): it sees peaks between samples, but
  // only counts when it rose during this run (bench/run.ts runs other benches in the same process).
  const maxRss = process.resourceUsage().maxRSS;
  if (maxRss > maxRssBefore) peakRss = Math.max(peakRss, maxRss * 1024);
  const totalRows = Object.values(summary.counts).reduce((s, n) => s + n, 0);
  const params = { scale: SCALE, seed: 42 };
  const fig = (metric: string, value: number, unit: string, extra: Record<string, string | number> = {}): BenchFigure => ({
    bench: 'dataset', metric, value, unit, params: { ...params, ...extra },
  });
  const figures: BenchFigure[] = [
    fig('generate+load time', Math.round(seconds * 100) / 100, 's'),
    fig('rows total', totalRows, 'rows'),
    fig('rows/s', Math.round(totalRows / seconds), 'rows/s'),
    fig('peak RSS', Math.round(peakRss / MB), 'MB'),
    fig('peak RSS delta', Math.round((peakRss - before.rss) / MB), 'MB'),
    fig('peak heap used', Math.round(peakHeap / MB), 'MB'),
    fig('peak heap delta', Math.round((peakHeap - before.heapUsed) / MB), 'MB'),
  ];
  const interesting = ['purchase.order', 'purchase.order.line', 'stock.picking', 'stock.move', 'account.move', 'account.move.line', 'mail.message', 'res.partner', 'product.product'];
  for (const model of interesting) figures.push(fig(`rows ${model}`, summary.counts[model] ?? 0, 'rows'));
  // Keep the store reachable until the figures are taken, so the heap figures include it.
  if (store.count('purchase.order') === 0) throw new Error('dataset bench: nothing was generated');
  return figures;
};

// `npx tsx bench/dataset.bench.ts` runs it alone and prints the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  for (const f of figures) console.log(`${f.metric.padEnd(28)} ${String(f.value).padStart(12)} ${f.unit}`);
}
