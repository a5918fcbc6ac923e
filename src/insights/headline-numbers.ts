import type { InsightsSnapshot, SupplierWeek } from './insight-types.ts';

/** The few numbers the Insights page and the weekly digest lead with, for one week. */
export interface WeekHeadline {
  week: string | null;
  approvalP50Hours: number | null;
  approvalP90Hours: number | null;
  approvalsDecided: number;
  exceptionsOpened: number;
  exceptionsCleared: number;
  /** On time in full over every supplier's receipts of the week, 0..1. */
  otifRate: number | null;
  triageProposals: number;
  /** Share of triage proposals confirmed as proposed, 0..1. */
  triageUnchangedRate: number | null;
}

export interface Headline {
  /** The last complete week of the period, and the one before it. */
  current: WeekHeadline;
  previous: WeekHeadline;
  /** Open exceptions now (every type, warehouse and age). */
  openExceptions: number;
  /** Open for more than a week. */
  openOverAWeek: number;
}

/**
 * The headline of a snapshot: the last week of the period against the one before. The period's
 * last week is the one the snapshot's `to` falls in only when `to` is a Monday; a partial week
 * would compare three days with seven, so the last week that ended by `to` (give or take the
 * policy zone's offset from UTC, at most 14 hours) is used.
 */
export function headlineOf(snapshot: InsightsSnapshot): Headline {
  const to = new Date(snapshot.to).getTime();
  const complete = snapshot.weeks.filter((w) => new Date(`${w}T00:00:00Z`).getTime() + 7 * 24 * 3600 * 1000 <= to + 14 * 3600 * 1000);
  const current = complete.at(-1) ?? snapshot.weeks.at(-1) ?? null;
  const previous = current ? (snapshot.weeks[snapshot.weeks.indexOf(current) - 1] ?? null) : null;
  return {
    current: weekHeadline(snapshot, current),
    previous: weekHeadline(snapshot, previous),
    openExceptions: snapshot.openExceptions.reduce((n, r) => n + r.count, 0),
    openOverAWeek: snapshot.openExceptions.filter((r) => r.bucket === '>7d').reduce((n, r) => n + r.count, 0),
  };
}

function weekHeadline(snapshot: InsightsSnapshot, week: string | null): WeekHeadline {
  const approvals = week ? snapshot.approvals.find((r) => r.week === week && r.group === null) : undefined;
  const exceptions = week ? snapshot.exceptions.filter((r) => r.week === week) : [];
  const supplierWeeks: SupplierWeek[] = week ? snapshot.suppliers.flatMap((s) => s.weeks.filter((w) => w.week === week)) : [];
  const received = supplierWeeks.reduce((n, w) => n + w.receiptsDone, 0);
  const otif = supplierWeeks.reduce((n, w) => n + w.onTimeInFull, 0);
  const triage = week ? snapshot.triage.filter((r) => r.week === week) : [];
  const proposals = triage.reduce((n, r) => n + r.confirmedUnchanged + r.changed + r.dismissed, 0);
  return {
    week,
    approvalP50Hours: approvals?.cycle.p50Hours ?? null,
    approvalP90Hours: approvals?.cycle.p90Hours ?? null,
    approvalsDecided: approvals?.cycle.count ?? 0,
    exceptionsOpened: exceptions.reduce((n, r) => n + r.opened, 0),
    exceptionsCleared: exceptions.reduce((n, r) => n + r.cleared, 0),
    otifRate: received > 0 ? otif / received : null,
    triageProposals: proposals,
    triageUnchangedRate: proposals > 0 ? triage.reduce((n, r) => n + r.confirmedUnchanged, 0) / proposals : null,
  };
}

/** `12.5 h`, `3.2 days` past two days; `–` when unknown. */
export function hoursWords(hours: number | null): string {
  if (hours === null) return '–';
  if (hours >= 48) return `${(hours / 24).toFixed(1)} days`;
  return `${hours.toFixed(1)} h`;
}

/** `87%`; `–` when unknown. */
export function percentWords(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}
