/**
 * `triage.confirmed`: a person confirmed what a supplier email (or a bill mismatch) means, as
 * the proposal store recorded it (compare-and-set: the confirmation is stored once).
 */
import type { TriageProposal } from '../triage/flow/triage-proposal.ts';
import type { ChatopsEvent, EventSubject } from './chatops-event.ts';

function subjectOf(p: TriageProposal): EventSubject | null {
  if (p.kind === 'supplier-email') return p.order ? { model: 'purchase.order', id: p.order.id, name: p.order.name } : null;
  return { model: 'account.move', id: p.bill.id, name: p.bill.name };
}

export function triageEvents(before: TriageProposal | null, after: TriageProposal | null): ChatopsEvent[] {
  const d = after?.decision;
  if (!after || !d || d.action !== 'confirm' || before?.decision?.id === d.id) return [];
  const reading = after.kind === 'supplier-email'
    ? { new_eta: after.reading.new_eta, confirmed_date: after.reading.confirmed_date, quantities: after.reading.quantities, price_change_pct: after.reading.price_change_pct, summary: after.reading.summary, provider: after.reading.provider }
    : { explanation: after.explanation };
  return [{
    id: `triage.confirmed:${after.id}:${d.id}`,
    type: 'triage.confirmed',
    occurred_at: d.at,
    // An email no PO matched is about no record: it is still told, about "no record" (id 0).
    subject: subjectOf(after) ?? { model: 'purchase.order', id: 0, name: null },
    data: {
      proposal_id: after.id,
      kind: after.kind,
      proposed: after.proposed,
      confirmed: d.category,
      changed: d.category !== after.proposed,
      by: { platform: d.actor.platform, user_id: d.actor.userId, name: d.actor.displayName ?? null, odoo_login: d.odooLogin },
      ...(after.kind === 'supplier-email' ? { email: { from: after.email.from, subject: after.email.subject, received_at: after.email.receivedAt } } : { bill: after.bill }),
      reading,
    },
  }];
}
