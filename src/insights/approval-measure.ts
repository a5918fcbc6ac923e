import { parseDimMember, factKey, idOf } from './insight-fact.ts';
import type { FactReader } from './insight-ports.ts';
import type { ApprovalWeek, DurationStats, InsightDimension, InsightsQuery } from './insight-types.ts';

/** The deepest chain level the measure looks for (policies chain two or three levels). */
const MAX_LEVEL = 6;

type Group = ApprovalWeek['group'];

/**
 * Approval cycle time per week (submitted → decided, p50/p90; per chain level), decided in chat
 * vs in Odoo, reminders and escalations: for everything (group null), for the value the query
 * filters on, and for each value of the dimensions asked in `breakdown`. Read from the facts the
 * bot recorded as requests were decided (ranks in Redis sorted sets, no per-request read).
 */
export async function approvalWeeks(weeks: readonly string[], query: InsightsQuery, facts: FactReader): Promise<ApprovalWeek[]> {
  const groups: Array<{ week: string; group: Group; dim: string; id: string | number }> = [];
  const filter = Object.entries(query.filter ?? {})[0] as [InsightDimension, number | string] | undefined;
  const breakdown = query.breakdown ?? [];
  const indexKeys = weeks.flatMap((w) => breakdown.map((d) => factKey('ap', 'dims', w, d)));
  const indexes = breakdown.length ? await facts.members(indexKeys) : [];
  const labels = filter ? await labelOf(weeks, filter, facts) : null;
  weeks.forEach((week, wi) => {
    if (filter) groups.push({ week, group: { dimension: filter[0], id: filter[1], label: labels ?? String(filter[1]) }, dim: filter[0], id: filter[1] });
    else groups.push({ week, group: null, dim: 'all', id: 'all' });
    breakdown.forEach((dimension, di) => {
      for (const m of indexes[wi * breakdown.length + di] ?? []) {
        const { id, label } = parseDimMember(m);
        groups.push({ week, group: { dimension, id: idOf(id), label }, dim: dimension, id });
      }
    });
  });
  const key = (measure: string, g: (typeof groups)[number]) => factKey('ap', measure, g.week, g.dim, g.id);
  const cycles = await facts.durations(groups.map((g) => key('cycle', g)));
  const levels = await facts.durations(groups.flatMap((g) => Array.from({ length: MAX_LEVEL }, (_, i) => key(`level${i + 1}`, g))));
  const counts = await facts.counts(groups.flatMap((g) => ['chat', 'odoo', 'remind', 'escalate'].map((m) => key(m, g))));
  const deepest = deepestLevel(levels);
  return groups.map((g, i) => ({
    week: g.week,
    group: g.group,
    cycle: cycles[i] ?? { count: 0, p50Hours: null, p90Hours: null },
    perLevel: Array.from({ length: deepest }, (_, l) => ({ level: l + 1, ...(levels[i * MAX_LEVEL + l] as DurationStats) })),
    decidedInChat: counts[i * 4] ?? 0,
    decidedInOdoo: counts[i * 4 + 1] ?? 0,
    reminders: counts[i * 4 + 2] ?? 0,
    escalations: counts[i * 4 + 3] ?? 0,
  }));
}

/** How many levels the period's chains had: the deepest level anything was decided at. */
function deepestLevel(levels: readonly DurationStats[]): number {
  let deepest = 0;
  levels.forEach((s, i) => {
    if (s.count > 0) deepest = Math.max(deepest, (i % MAX_LEVEL) + 1);
  });
  return deepest;
}

async function labelOf(weeks: readonly string[], [dimension, id]: [InsightDimension, number | string], facts: FactReader): Promise<string | null> {
  const all = await facts.members(weeks.map((w) => factKey('ap', 'dims', w, dimension)));
  for (const list of all) for (const m of list) {
    const parsed = parseDimMember(m);
    if (parsed.id === String(id)) return parsed.label;
  }
  return null;
}
