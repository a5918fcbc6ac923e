import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BenchFigure, BenchRun } from './bench-types.ts';
import { peakRssMiBOf, runTsForJson } from './support/child-process.ts';
import { startOdooProcess } from './support/embedded-odoo-process.ts';

const SCALE = Number(process.env.BENCH_ALERTS_SCAN_POS ?? 50_000);
const NOW = new Date('2026-11-26T23:00:00Z');

type BotScan = { sources: Array<{ name: string; recordsRead: number; exceptions: number; readMs: number; detectMs: number }>; cpuMs: number; peakRssMiB: number };
type RawReplay = { ms: number; requests: number; responseMiB: number; cpuMs: number; peakRssMiB: number };

/**
 * A full alert scan of the 50,000-PO dataset, three processes: the embedded Odoo (seeded), the
 * bot's scan (the three sources through the gateway over XML-RPC, then the detectors), and the
 * baseline: the very XML-RPC requests the bot sent (recorded by the Odoo process) replayed raw over
 * the same transport. Reports the bot's reading time against the raw replay (the ratio), the
 * detectors' time, and the peak RSS of each process apart.
 */
export const run: BenchRun = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-alerts-scan-'));
  const odoo = await startOdooProcess({ seed: 42, scale: SCALE, now: NOW, maxOldSpaceMiB: 8192 });
  const params = { pos: SCALE };
  try {
    await fetch(`${odoo.url}/__bench/record`, { method: 'POST' });
    const bot = await runTsForJson<BotScan>('bench/processes/alert-scan-reader.ts', { mode: 'bot', url: odoo.url, db: odoo.db, now: NOW.toISOString() });
    const recorded = await (await fetch(`${odoo.url}/__bench/recorded`)).text();
    const file = join(dir, 'calls.json');
    writeFileSync(file, recorded);
    const raw = await runTsForJson<RawReplay>('bench/processes/alert-scan-reader.ts', { mode: 'raw', url: odoo.url, db: odoo.db, file });
    const readMs = bot.sources.reduce((n, s) => n + s.readMs, 0);
    const detectMs = bot.sources.reduce((n, s) => n + s.detectMs, 0);
    const read = bot.sources.reduce((n, s) => n + s.recordsRead, 0);
    const f = (metric: string, value: number, unit: string): BenchFigure => ({ bench: 'alerts-scan', metric, value, unit, params });
    return [
      ...bot.sources.flatMap((s) => [
        f(`${s.name}: records read`, s.recordsRead, 'records'),
        f(`${s.name}: exceptions found`, s.exceptions, 'exceptions'),
        f(`${s.name}: reading`, Math.round(s.readMs), 'ms'),
        f(`${s.name}: detecting`, Math.round(s.detectMs), 'ms'),
      ]),
      f('records read', read, 'records'),
      f('exceptions found', bot.sources.reduce((n, s) => n + s.exceptions, 0), 'exceptions'),
      f('bot: reading (gateway, XML-RPC)', Math.round(readMs), 'ms'),
      f('bot: detecting', Math.round(detectMs), 'ms'),
      f('bot: full scan wall time', Math.round(readMs + detectMs), 'ms'),
      f('raw search_read replay of the same requests', Math.round(raw.ms), 'ms'),
      f('raw replay: requests / answers', raw.requests, 'requests'),
      f('raw replay: answers', Math.round(raw.responseMiB), 'MiB'),
      f('ratio bot reading / raw replay', readMs / raw.ms, 'x'),
      f('peak RSS: bot scan process', bot.peakRssMiB, 'MiB'),
      f('peak RSS: raw replay process', raw.peakRssMiB, 'MiB'),
      f('peak RSS: embedded Odoo process (seeded)', peakRssMiBOf(odoo.pid), 'MiB'),
      f('dataset generation (Odoo process start)', Math.round(odoo.seedMs), 'ms'),
    ];
  } finally {
    await odoo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await run()) console.log(`${f.metric}: ${Math.round(f.value * 1000) / 1000} ${f.unit}`);
  process.exit(0);
}
