import { factKey } from './insight-fact.ts';
import type { FactReader } from './insight-ports.ts';
import type { TriageWeek } from './insight-types.ts';

/** Triage per week, proposed category and reader: confirmed unchanged, changed, dismissed. */
export async function triageWeeks(weeks: readonly string[], facts: FactReader): Promise<TriageWeek[]> {
  const combos = await facts.members(weeks.map((w) => factKey('tr', 'combos', w)));
  const rows: Array<{ week: string; category: string; reader: string }> = [];
  weeks.forEach((week, i) => {
    for (const m of [...(combos[i] ?? [])].sort()) {
      const [category = '', reader = ''] = m.split('\t');
      rows.push({ week, category, reader });
    }
  });
  const counts = await facts.counts(rows.flatMap((r) => ['unchanged', 'changed', 'dismissed'].map((o) => factKey('tr', o, r.week, r.category, r.reader))));
  return rows.map((r, i) => ({ ...r, confirmedUnchanged: counts[i * 3] ?? 0, changed: counts[i * 3 + 1] ?? 0, dismissed: counts[i * 3 + 2] ?? 0 }));
}
