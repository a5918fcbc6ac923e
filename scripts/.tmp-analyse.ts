import { readFileSync } from 'node:fs';
import { labelledEmailSchema, readContextOf, supplierEmailOf } from '../src/triage/eval/labelled-email.ts';
import { readEmailHeuristically } from '../src/triage/heuristic/heuristic-reader.ts';
const [file, parity, show] = process.argv.slice(2);
const recs = readFileSync(file!, 'utf8').split('\n').filter((l) => l.trim()).map((l) => labelledEmailSchema.parse(JSON.parse(l)));
let n = 0, ok = 0;
for (const r of recs) {
  const num = Number((r.id ?? '').replace(/\D/g, '').slice(-3));
  if (parity === 'odd' && num % 2 === 0) continue;
  if (parity === 'even' && num % 2 === 1) continue;
  n++;
  const x = readEmailHeuristically(supplierEmailOf(r), readContextOf(r, new Date()));
  const e = r.expected;
  const issues: string[] = [];
  if (x.category !== e.category) issues.push(`cat ${e.category} got ${x.category}(${x.confidence})`);
  else ok++;
  if ((e.new_eta ?? null) !== x.new_eta) issues.push(`eta ${e.new_eta} got ${x.new_eta}`);
  if (e.confirmed_date && e.confirmed_date !== x.confirmed_date) issues.push(`conf ${e.confirmed_date} got ${x.confirmed_date}`);
  if (e.quantities && !Object.entries(e.quantities).every(([k, v]) => (x.quantities as Record<string, unknown> | null)?.[k] === v)) issues.push(`qty ${JSON.stringify(e.quantities)} got ${JSON.stringify(x.quantities)}`);
  if (typeof e.price_change_pct === 'number' && Math.abs((x.price_change_pct ?? 999) - e.price_change_pct) > 0.05) issues.push(`pct ${e.price_change_pct} got ${x.price_change_pct}`);
  if ((e.injection ?? false) !== x.injection_suspected) issues.push(`inj ${e.injection}`);
  if (issues.length) {
    console.log(`## ${r.id} [${issues.join(' | ')}] conf=${x.confidence}`);
    if (show) console.log(`SUBJ: ${r.subject} | recv ${r.received_at} planned ${r.po_date_planned}\n${r.body}\nNOTE: ${r.note}\n`);
  }
}
console.log(`acc ${ok}/${n} = ${(ok / n).toFixed(3)}`);
