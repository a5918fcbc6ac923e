import type { InsightsSnapshot } from '../insight-types.ts';
import { chartOption, weekLabel, type ChartOption } from './chart-option.ts';

/** Triage proposals per week by outcome (every category and reader together), stacked. */
export function triageOutcomesChart(snapshot: InsightsSnapshot): ChartOption {
  const sum = (week: string, pick: (r: InsightsSnapshot['triage'][number]) => number) => snapshot.triage.filter((r) => r.week === week).reduce((n, r) => n + pick(r), 0);
  return chartOption(
    'Triage outcomes',
    'Proposals confirmed unchanged, changed or dismissed',
    { type: 'category', name: 'Week of', data: snapshot.weeks.map(weekLabel) },
    [{ type: 'value', name: 'Proposals', min: 0, minInterval: 1 }],
    [
      { name: 'Confirmed unchanged', type: 'bar', stack: 'triage', data: snapshot.weeks.map((w) => sum(w, (r) => r.confirmedUnchanged)) },
      { name: 'Changed', type: 'bar', stack: 'triage', data: snapshot.weeks.map((w) => sum(w, (r) => r.changed)) },
      { name: 'Dismissed', type: 'bar', stack: 'triage', data: snapshot.weeks.map((w) => sum(w, (r) => r.dismissed)) },
    ],
  );
}
