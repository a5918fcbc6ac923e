import type { SupplierScorecard } from '../insight-types.ts';
import { chartOption, round1, weekLabel, type ChartOption } from './chart-option.ts';

/**
 * One vendor's trend: on-time-in-full rate (left axis, %), average slip and median confirmation
 * latency (right axis, days). `weeks` is the period's x axis; a week the vendor had no receipts
 * (or no confirmations) is a gap.
 */
export function supplierTrendChart(card: SupplierScorecard, weeks: readonly string[]): ChartOption {
  const byWeek = new Map(card.weeks.map((w) => [w.week, w]));
  const at = (w: string) => byWeek.get(w);
  return chartOption(
    `Supplier scorecard: ${card.vendor.name}`,
    'On time in full, slip and confirmation latency per week',
    { type: 'category', name: 'Week of', data: weeks.map(weekLabel) },
    [
      { type: 'value', name: 'On time in full (%)', min: 0, max: 100, position: 'left' },
      { type: 'value', name: 'Days', min: 0, position: 'right' },
    ],
    [
      { name: 'OTIF %', type: 'line', data: weeks.map((w) => { const r = at(w)?.otifRate; return r === null || r === undefined ? null : round1(r * 100); }) },
      { name: 'Average slip (days)', type: 'bar', yAxisIndex: 1, data: weeks.map((w) => round1(at(w)?.averageSlipDays)) },
      { name: 'Confirmation latency p50 (days)', type: 'line', yAxisIndex: 1, data: weeks.map((w) => { const h = at(w)?.confirmLatency.p50Hours; return h === null || h === undefined ? null : round1(h / 24); }) },
    ],
  );
}
