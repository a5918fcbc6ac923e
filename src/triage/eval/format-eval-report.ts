import type { EvalReport } from './score-eval.ts';

const pct = (v: number | null) => (v === null ? '   -  ' : v.toFixed(3).padStart(6));

/** The human-readable report; its last line is exactly `accuracy: 0.NNN`. */
export function formatEvalReport(report: EvalReport): string[] {
  const lines = [`provider: ${report.provider}   file: ${report.file}   emails: ${report.total}`, ''];
  lines.push(`${'category'.padEnd(18)} precision  recall  support  predicted`);
  for (const s of report.perCategory) {
    lines.push(`${s.category.padEnd(18)} ${pct(s.precision)}    ${pct(s.recall)}  ${String(s.support).padStart(7)}  ${String(s.predicted).padStart(9)}`);
  }
  lines.push('');
  lines.push(`ETA exact match: ${pct(report.eta.rate).trim()} (${report.eta.exact}/${report.eta.total} labelled with a new ETA; ${report.eta.spurious} ETA given where the label has none)`);
  lines.push(`confirmed date exact match: ${pct(report.confirmedDate.rate).trim()} (${report.confirmedDate.exact}/${report.confirmedDate.total})`);
  lines.push(`quantities exact match: ${pct(report.quantities.rate).trim()} (${report.quantities.exact}/${report.quantities.total})`);
  lines.push(`price change % match (±0.05): ${pct(report.priceChangePct.rate).trim()} (${report.priceChangePct.exact}/${report.priceChangePct.total})`);
  lines.push(`injection detection: recall ${pct(report.injection.recall).trim()} (${report.injection.detected}/${report.injection.total}), false positives ${report.injection.falsePositives}/${report.injection.negatives}`);
  const c = report.confident;
  lines.push(`confident answers (confidence >= ${c.threshold.toFixed(2)}): coverage ${pct(c.coverage).trim()} (${c.answered}/${report.total}), accuracy ${pct(c.accuracy).trim()} (${c.correct}/${c.answered}); the rest ask the person to pick`);
  if (report.fallbacks > 0) lines.push(`heuristic fallbacks: ${report.fallbacks}`);
  const misses = report.items.filter((i) => i.expected !== i.predicted);
  if (misses.length > 0) {
    lines.push('', 'misclassified:');
    for (const m of misses) lines.push(`  ${m.id}: expected ${m.expected}, got ${m.predicted} (confidence ${m.confidence})`);
  }
  lines.push('', `accuracy: ${report.accuracy.toFixed(3)}`);
  return lines;
}
