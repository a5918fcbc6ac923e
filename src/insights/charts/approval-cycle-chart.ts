import type { InsightsSnapshot } from '../insight-types.ts';
import { chartOption, round1, weekLabel, type ChartOption } from './chart-option.ts';

/**
 * Approval cycle time (submitted → decided) per week, median and 90th percentile, over every
 * approval (the rows without a group). A week without decisions is a gap, not a zero: nothing was
 * decided, which is not "decided at once".
 */
export function approvalCycleChart(snapshot: InsightsSnapshot): ChartOption {
  const all = new Map(snapshot.approvals.filter((r) => r.group === null).map((r) => [r.week, r]));
  const row = (week: string) => all.get(week);
  return chartOption(
    'Approval cycle time',
    // Plain words: server fonts may lack arrows and other symbols.
    'From submitted to decided, in business hours',
    { type: 'category', name: 'Week of', data: snapshot.weeks.map(weekLabel) },
    [{ type: 'value', name: 'Hours', min: 0 }],
    [
      { name: 'Median (p50)', type: 'line', data: snapshot.weeks.map((w) => round1(row(w)?.cycle.p50Hours)), connectNulls: false },
      { name: '90th percentile (p90)', type: 'line', data: snapshot.weeks.map((w) => round1(row(w)?.cycle.p90Hours)), connectNulls: false },
    ],
  );
}
