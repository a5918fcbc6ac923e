import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure, BenchRun } from './bench-types.ts';

/**
 * `npm run bench [name...]`: runs every bench/*.bench.ts (or the named ones) one after the other,
 * prints one table, and writes the figures with the machine's description to bench/results/.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const figures: BenchFigure[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: BenchRun };
  if (typeof mod.run !== 'function') continue;
  process.stdout.write(`running ${file} ...\n`);
  const started = Date.now();
  figures.push(...(await mod.run()));
  process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const rows = figures.map((f) => [f.bench, f.metric, formatValue(f.value), f.unit, Object.entries(f.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')]);
const header = ['bench', 'metric', 'value', 'unit', 'params'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}\n`);

const os = await import('node:os');
const result = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), figures };
const outDir = resolve(here, 'results');
mkdirSync(outDir, { recursive: true });
const stamp = result.at.replace(/[:.]/g, '-');
writeFileSync(join(outDir, `bench-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`written to bench/results/bench-${stamp}.json and bench/results/latest.json`);
process.exit(0);

function formatValue(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2);
}
