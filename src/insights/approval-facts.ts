import type { ApprovalRequest } from '../approvals/approval-request.ts';
import { ALL, dimMember, factKey, type DimValue, type InsightFact } from './insight-fact.ts';
import { weekOf } from './insight-week.ts';

/** How the measures count time: business hours of the policy's calendar, in its zone. */
export interface InsightClock {
  timeZone: string;
  hoursBetween(from: Date, to: Date): number;
}

/** The dimension values a request is filed under: all, company, warehouses, buyer, vendor, rule. */
export function approvalDims(r: ApprovalRequest): DimValue[] {
  const out: DimValue[] = [ALL, { dimension: 'rule', id: r.ruleName, label: r.ruleName }];
  const s = r.subject;
  out.push({ dimension: 'company', id: s.company.id, label: s.company.name });
  for (const w of s.warehouses) out.push({ dimension: 'warehouse', id: w.id, label: w.name });
  if (s.vendor) out.push({ dimension: 'vendor', id: s.vendor.id, label: s.vendor.name });
  if (r.snapshot.buyerId !== null) out.push({ dimension: 'buyer', id: r.snapshot.buyerId, label: r.snapshot.buyerName ?? `user ${r.snapshot.buyerId}` });
  return out;
}

/**
 * When and where a request was decided: by a card (chat), or in Odoo (approved or cancelled
 * there). For a PO approved in Odoo, Odoo's own `date_approve` (when known) is the decision time;
 * the bot's `elsewhere.at` is when it noticed (a webhook, or the reconciliation scan up to an hour later).
 */
export function decidedOf(r: ApprovalRequest, odooApprovedAt?: string | null): { at: string; where: 'chat' | 'odoo'; odooUserId: number | null } | null {
  if (r.decision) return { at: r.decision.at, where: 'chat', odooUserId: r.decision.odooUserId };
  if (r.status === 'decided_elsewhere' && r.elsewhere?.at && (r.elsewhere.outcome === 'approved' || r.elsewhere.outcome === 'cancelled')) {
    const at = r.elsewhere.outcome === 'approved' && odooApprovedAt && odooApprovedAt >= r.requestedAt ? odooApprovedAt : r.elsewhere.at;
    return { at, where: 'odoo', odooUserId: null };
  }
  return null;
}

/**
 * The facts a stored change of an approval request makes happen: the request decided (its cycle
 * time, in chat or in Odoo, and the decider's own time for their App Home), each chain level
 * decided (a skipped level records nothing: it counts 0), each reminder and escalation done.
 */
export function approvalFacts(before: ApprovalRequest | null, after: ApprovalRequest, clock: InsightClock, now: Date, odooApprovedAt?: string | null): InsightFact[] {
  const facts: InsightFact[] = [];
  const dims = approvalDims(after);
  const file = (measure: string, week: string, member: string, score: number) => {
    for (const d of dims) {
      facts.push({ key: factKey('ap', measure, week, d.dimension, d.id), member, score });
      if (d.dimension !== 'all') facts.push({ key: factKey('ap', 'dims', week, d.dimension), member: dimMember(d), score: 0 });
    }
  };
  const decided = decidedOf(after, odooApprovedAt);
  if (decided && !(before && decidedOf(before))) {
    const week = weekOf(decided.at, clock.timeZone);
    const hours = clock.hoursBetween(new Date(after.requestedAt), new Date(decided.at));
    file('cycle', week, after.id, hours);
    file(decided.where, week, after.id, hours);
    if (decided.odooUserId !== null) {
      facts.push({ key: factKey('ap', 'decider-at', decided.odooUserId), member: after.id, score: Date.parse(decided.at) });
      facts.push({ key: factKey('ap', 'decider-hours', decided.odooUserId), member: after.id, score: hours });
    }
  }
  for (const level of after.chain ?? []) {
    const was = before?.chain?.find((l) => l.level === level.level);
    if (!level.decision || !level.since || was?.decision) continue;
    const hours = clock.hoursBetween(new Date(level.since), new Date(level.decision.at));
    file(`level${level.level}`, weekOf(level.decision.at, clock.timeZone), after.id, hours);
  }
  // A step is dated by the change that added it: without the request before (a claim), none is new.
  const doneBefore = new Set(before?.stepsDone ?? []);
  for (const step of before ? (after.stepsDone ?? []) : []) {
    if (doneBefore.has(step)) continue;
    const measure = step.startsWith('escalate') ? 'escalate' : step.startsWith('remind') ? 'remind' : null;
    if (measure) file(measure, weekOf(now, clock.timeZone), `${after.id}:${step}`, 0);
  }
  return facts;
}
