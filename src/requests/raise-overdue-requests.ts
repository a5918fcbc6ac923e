/**
 * A request no buyer acted on within `buyer_action_hours` business hours (policy calendar) is an
 * exception: its card says so, and the requester and the buyer are told, once (minute tick).
 */
import { queueCardUpdate, tell } from './post-request-card.ts';
import type { RequestDeps } from './request-deps.ts';

export async function raiseOverdueRequests(deps: RequestDeps): Promise<number> {
  const now = deps.now();
  let raised = 0;
  for (const r of await deps.store.waitingForBuyer()) {
    if (r.overdueRaised || !r.buyerDueAt || Date.parse(r.buyerDueAt) > now.getTime()) continue;
    const after = await deps.store.update(r.id, (c) => (c.overdueRaised || c.state !== 'requested' ? c : { ...c, overdueRaised: true }));
    if (!after || after.revision === r.revision) continue;
    raised++;
    await queueCardUpdate(after, deps);
    await tell(after, `Your request ${r.ref} has waited ${deps.settings.buyerActionHours} business hours without a buyer action; it is now flagged as an exception on the buyer's card.`, deps);
  }
  return raised;
}
