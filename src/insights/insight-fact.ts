import type { InsightDimension } from './insight-types.ts';

/**
 * What the bot records for the control tower as things happen, one fact per thing: a member of a
 * set named by `key` (Redis sorted sets), with a score where the measure needs a value (a duration
 * in hours, an instant). Members are ids of what happened, so recording a transition twice (a
 * retried job, two processes) stores it once. The keys are bounded by weeks x dimension values.
 */
export interface InsightFact {
  key: string;
  member: string;
  score: number;
}

/** A dimension value a fact is filed under; `all` is the one every fact is filed under. */
export interface DimValue {
  dimension: InsightDimension | 'all';
  id: number | string;
  label: string;
}

export const ALL: DimValue = { dimension: 'all', id: 'all', label: 'all' };

/** A key from its parts; ids may not contain `:` (labels go into members, never keys). */
export function factKey(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/[:\s]/g, '_')).join(':');
}

/** The member that names a dimension value in a week's index of values (`id<TAB>label`). */
export function dimMember(v: DimValue): string {
  return `${v.id}\t${v.label}`;
}

export function parseDimMember(m: string): { id: string; label: string } {
  const tab = m.indexOf('\t');
  return tab < 0 ? { id: m, label: m } : { id: m.slice(0, tab), label: m.slice(tab + 1) };
}

/** Ids that are numbers in Odoo come back as numbers. */
export function idOf(raw: string): number | string {
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}
