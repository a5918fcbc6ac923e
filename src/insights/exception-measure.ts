import { factKey, idOf } from './insight-fact.ts';
import type { FactReader } from './insight-ports.ts';
import type { ExceptionWeek, InsightsQuery } from './insight-types.ts';

/**
 * Exception resolution per week, type and warehouse: how many opened, were acknowledged and
 * cleared that week, and the time from opening to acknowledgement and to clearing (p50/p90).
 * A query filtered on a warehouse keeps that warehouse's rows.
 */
export async function exceptionWeeks(weeks: readonly string[], query: InsightsQuery, facts: FactReader): Promise<ExceptionWeek[]> {
  const combos = await facts.members(weeks.map((w) => factKey('ex', 'combos', w)));
  const rows: Array<{ week: string; type: string; whId: string; whLabel: string }> = [];
  weeks.forEach((week, i) => {
    for (const m of [...(combos[i] ?? [])].sort()) {
      const [type = '', whId = '0', whLabel = ''] = m.split('\t');
      if (query.filter?.warehouse !== undefined && String(query.filter.warehouse) !== whId) continue;
      rows.push({ week, type, whId, whLabel });
    }
  });
  const key = (m: string, r: (typeof rows)[number]) => factKey('ex', m, r.week, r.type, r.whId);
  const counts = await facts.counts(rows.flatMap((r) => [key('open', r), key('ack', r), key('clear', r)]));
  const durations = await facts.durations(rows.flatMap((r) => [key('ack', r), key('clear', r)]));
  return rows.map((r, i) => ({
    week: r.week,
    type: r.type,
    warehouse: r.whId === '0' ? null : { id: Number(idOf(r.whId)), label: r.whLabel },
    opened: counts[i * 3] ?? 0,
    acknowledged: counts[i * 3 + 1] ?? 0,
    cleared: counts[i * 3 + 2] ?? 0,
    toAcknowledge: durations[i * 2] ?? { count: 0, p50Hours: null, p90Hours: null },
    toClear: durations[i * 2 + 1] ?? { count: 0, p50Hours: null, p90Hours: null },
  }));
}
