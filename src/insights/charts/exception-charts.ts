import type { AgeBucket, InsightsSnapshot } from '../insight-types.ts';
import { chartOption, round1, weekLabel, type ChartOption } from './chart-option.ts';

export const AGE_BUCKETS: readonly AgeBucket[] = ['<1d', '1-3d', '3-7d', '>7d'];
const AGE_WORDS: Record<AgeBucket, string> = { '<1d': 'Under 1 day', '1-3d': '1–3 days', '3-7d': '3–7 days', '>7d': 'Over 7 days' };

/**
 * Exception resolution per week, all types and warehouses together: how many opened and cleared
 * (bars, left axis) and the median time to clear (line, right axis, hours).
 */
export function exceptionResolutionChart(snapshot: InsightsSnapshot): ChartOption {
  const opened = new Map<string, number>();
  const cleared = new Map<string, number>();
  // The weekly median over types is not the median of medians: weight each type's by its count
  // as the closest estimate the aggregated rows allow (the reader keeps no raw durations).
  const clearHours = new Map<string, { sum: number; n: number }>();
  for (const r of snapshot.exceptions) {
    opened.set(r.week, (opened.get(r.week) ?? 0) + r.opened);
    cleared.set(r.week, (cleared.get(r.week) ?? 0) + r.cleared);
    if (r.toClear.p50Hours !== null && r.toClear.count > 0) {
      const acc = clearHours.get(r.week) ?? { sum: 0, n: 0 };
      acc.sum += r.toClear.p50Hours * r.toClear.count;
      acc.n += r.toClear.count;
      clearHours.set(r.week, acc);
    }
  }
  return chartOption(
    'Exception resolution',
    'Opened and cleared per week; time to clear',
    { type: 'category', name: 'Week of', data: snapshot.weeks.map(weekLabel) },
    [
      { type: 'value', name: 'Exceptions', min: 0, minInterval: 1, position: 'left' },
      { type: 'value', name: 'Hours to clear (median)', min: 0, position: 'right' },
    ],
    [
      { name: 'Opened', type: 'bar', data: snapshot.weeks.map((w) => opened.get(w) ?? 0) },
      { name: 'Cleared', type: 'bar', data: snapshot.weeks.map((w) => cleared.get(w) ?? 0) },
      { name: 'Median hours to clear', type: 'line', yAxisIndex: 1, data: snapshot.weeks.map((w) => { const a = clearHours.get(w); return a && a.n > 0 ? round1(a.sum / a.n) : null; }) },
    ],
  );
}

/** Open exceptions by age, one stacked bar per age bucket, one series per exception type. */
export function openExceptionsChart(snapshot: InsightsSnapshot): ChartOption {
  const types = [...new Set(snapshot.openExceptions.map((r) => r.type))].sort();
  const count = (type: string, bucket: AgeBucket) => snapshot.openExceptions.filter((r) => r.type === type && r.bucket === bucket).reduce((n, r) => n + r.count, 0);
  return chartOption(
    'Open exceptions by age',
    `${snapshot.openExceptions.reduce((n, r) => n + r.count, 0)} open now`,
    { type: 'category', name: 'Open for', data: AGE_BUCKETS.map((b) => AGE_WORDS[b]) },
    [{ type: 'value', name: 'Exceptions', min: 0, minInterval: 1 }],
    types.map((t) => ({ name: typeWords(t), type: 'bar' as const, stack: 'open', data: AGE_BUCKETS.map((b) => count(t, b)) })),
  );
}

const ACRONYMS: Record<string, string> = { po: 'PO', rfq: 'RFQ', eta: 'ETA', otif: 'OTIF' };

/** `late-receipt` → `Late receipt`, `bill-without-po` → `Bill without PO`. */
export function typeWords(type: string): string {
  const words = type.split(/[_\s-]+/).filter(Boolean).map((w) => ACRONYMS[w.toLowerCase()] ?? w);
  if (words.length === 0) return type;
  const [first = '', ...rest] = words;
  return [first === first.toUpperCase() ? first : first[0]!.toUpperCase() + first.slice(1), ...rest].join(' ');
}
