import { approvalWeeks } from './approval-measure.ts';
import { exceptionWeeks } from './exception-measure.ts';
import type { InsightSources } from './insight-ports.ts';
import type { InsightsQuery, InsightsSnapshot, SupplierScorecard } from './insight-types.ts';
import { weeksBetween } from './insight-week.ts';
import { openExceptionsByAge } from './open-exceptions-by-age.ts';
import { supplierScorecards } from './supplier-scorecard.ts';
import { triageWeeks } from './triage-measure.ts';

/** A query the measures can answer: a period of at most two years, `from` before `to`. */
export function checkQuery(q: InsightsQuery): string | null {
  if (!(q.from instanceof Date) || !(q.to instanceof Date) || Number.isNaN(q.from.getTime()) || Number.isNaN(q.to.getTime())) return 'from and to must be dates';
  if (q.to.getTime() <= q.from.getTime()) return 'the period must end after it starts';
  if (q.to.getTime() - q.from.getTime() > 2 * 366 * 86_400_000) return 'the period may be at most two years';
  return null;
}

/** Every measure of the control tower for one query, computed cold (the reader caches it). */
export async function computeSnapshot(q: InsightsQuery, src: InsightSources, now: Date): Promise<InsightsSnapshot> {
  const weeks = weeksBetween(q.from, q.to, src.clock.timeZone);
  const [approvals, exceptions, open, suppliers, triage] = await Promise.all([
    approvalWeeks(weeks, q, src.facts),
    exceptionWeeks(weeks, q, src.facts),
    src.openExceptions(),
    supplierScorecards(weeks, q, src, q.filter?.vendor !== undefined ? [Number(q.filter.vendor)] : null),
    triageWeeks(weeks, src.facts),
  ]);
  return {
    computedAt: now.toISOString(),
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    timeZone: src.clock.timeZone,
    weeks,
    approvals,
    exceptions,
    openExceptions: openExceptionsByAge(open, now, q),
    suppliers,
    triage,
  };
}

/** One vendor's scorecard over a period; null when the vendor never had an order. */
export async function computeVendorScorecard(vendorId: number, q: InsightsQuery, src: InsightSources): Promise<SupplierScorecard | null> {
  const weeks = weeksBetween(q.from, q.to, src.clock.timeZone);
  const [card] = await supplierScorecards(weeks, { ...q, filter: { ...q.filter, vendor: vendorId } }, src, [vendorId]);
  return card ?? null;
}
