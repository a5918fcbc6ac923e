/**
 * A request no buyer acted on within `buyer_action_hours` business hours (policy calendar) is an
 * exception: its card says so and the requester is told, once (minute tick); and, with the alerts
 * feature wired, it is handed to the alerts lifecycle like every other exception (routed, owned
 * by the buyer, escalated, cleared when a buyer acts).
 */
import type { ProcurementException } from '../alerts/exception.ts';
import type { KeyInScope } from '../alerts/clear-exceptions.ts';
import { queueCardUpdate, tell } from './post-request-card.ts';
import { REQUEST_EXCEPTION_SCOPE, requestException } from './request-exceptions.ts';
import type { RequestDeps } from './request-deps.ts';

/** The alerts lifecycle's entry (applyDetections, bound by the alerts feature). */
export type ExceptionSink = (run: { exceptions: readonly ProcurementException[]; inScope: KeyInScope; readAt: Date }) => Promise<unknown>;

export async function raiseOverdueRequests(deps: RequestDeps, exceptions?: ExceptionSink): Promise<number> {
  const now = deps.now();
  let raised = 0;
  const waiting = await deps.store.waitingForBuyer();
  for (const r of waiting) {
    if (r.overdueRaised || !r.buyerDueAt || Date.parse(r.buyerDueAt) > now.getTime()) continue;
    const after = await deps.store.update(r.id, (c) => (c.overdueRaised || c.state !== 'requested' ? c : { ...c, overdueRaised: true }));
    if (!after || after.revision === r.revision) continue;
    raised++;
    await queueCardUpdate(after, deps);
    await tell(after, `Your request ${r.ref} has waited ${deps.settings.buyerActionHours} business hours without a buyer action; it is now flagged as an exception.`, deps);
  }
  if (exceptions) {
    // Every run lists all overdue requests still waiting: those a buyer acted on since clear.
    const overdue = (await deps.store.waitingForBuyer()).filter((r) => r.overdueRaised);
    const buyers = await buyerIds(overdue.map((r) => r.request.buyerLogin), deps);
    const found = overdue.flatMap((r) => requestException(r, buyers.get(r.request.buyerLogin ?? '') ?? null, deps.calendar, now) ?? []);
    await exceptions({ exceptions: found, inScope: REQUEST_EXCEPTION_SCOPE, readAt: now });
  }
  return raised;
}

async function buyerIds(logins: ReadonlyArray<string | null>, deps: RequestDeps): Promise<Map<string, number>> {
  const wanted = [...new Set(logins.filter((l): l is string => Boolean(l)))];
  if (wanted.length === 0) return new Map();
  const users = await deps.odoo.search('user', { domain: [['login', 'in', wanted]] });
  return new Map(users.map((u) => [u.login, u.id]));
}
