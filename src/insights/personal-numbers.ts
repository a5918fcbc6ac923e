import type { ApprovalRequest } from '../approvals/approval-request.ts';
import type { TrackedException } from '../alerts/lifecycle/tracked-exception.ts';
import { round } from './duration-stats.ts';
import { factKey } from './insight-fact.ts';
import type { FactReader } from './insight-ports.ts';
import type { PersonalNumbers } from './insight-types.ts';

const DAY = 86_400_000;

/** Whether a pending request waits on this person: a card addressed to their login was posted. */
function waitsOn(r: ApprovalRequest, login: string | null): boolean {
  if (r.status !== 'pending' || login === null) return false;
  return r.targets.some((t) => 'login' in t && t.login === login) || Object.values(r.cardPeople ?? {}).some((p) => p.login === login);
}

/**
 * What one person sees of their own work: approvals waiting on them, their median decision
 * time over 90 days and decisions over 30 (from the facts recorded as they decided), and the
 * open exceptions on orders they buy for.
 */
export async function personalNumbers(
  odooUserId: number,
  login: string | null,
  now: Date,
  src: { facts: FactReader; openApprovals(): Promise<ApprovalRequest[]>; openExceptions(): Promise<TrackedException[]> },
): Promise<PersonalNumbers> {
  const at = factKey('ap', 'decider-at', odooUserId);
  const hours = factKey('ap', 'decider-hours', odooUserId);
  const [open, exceptions, last90, last30] = await Promise.all([
    src.openApprovals(),
    src.openExceptions(),
    src.facts.scoresWithin(at, hours, now.getTime() - 90 * DAY, now.getTime()),
    src.facts.scoresWithin(at, hours, now.getTime() - 30 * DAY, now.getTime()),
  ]);
  const sorted = [...last90].sort((a, b) => a - b);
  const median = sorted.length ? round(sorted[Math.max(0, Math.ceil(sorted.length / 2) - 1)] ?? 0) : null;
  return {
    pendingApprovals: open.filter((r) => waitsOn(r, login)).length,
    medianDecisionHours: median,
    decisionsLast30Days: last30.length,
    openExceptionsOnMyOrders: exceptions.filter((t) => t.status !== 'cleared' && (t.exception.records.buyer?.id === odooUserId || t.routedOwner?.odooUserId === odooUserId)).length,
  };
}
