/**
 * The approval events, derived from what the approval store recorded: a request opened, a
 * decision claimed (per level for sequential rules), a write-back that landed, a PO decided in
 * Odoo. Derived from stored transitions (each claimed once, atomically), so each event happens
 * once; ids come from the request and decision ids, so a re-derivation gives the same id.
 */
import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { ApprovalRequest, Decision } from '../approvals/approval-request.ts';
import type { ChatopsEvent, EventSubject } from './chatops-event.ts';

const subjectOf = (r: ApprovalRequest): EventSubject => ({ model: 'purchase.order', id: r.orderId, name: r.snapshot.orderName });

const person = (u: ChatUserRef) => ({ platform: u.platform, user_id: u.userId, name: u.displayName ?? null });

function decisionData(d: Decision) {
  return {
    decision_id: d.id,
    action: d.action,
    by: { ...person(d.actor), odoo_login: d.odooLogin },
    on_behalf_of: d.onBehalfOf ? { odoo_login: d.onBehalfOf.login, name: d.onBehalfOf.name } : null,
    reason: d.reason,
    card_version: d.version,
    channel: d.channel,
  };
}

export function approvalRequestedEvent(r: ApprovalRequest): ChatopsEvent {
  const s = r.snapshot;
  return {
    id: `approval.requested:${r.id}`,
    type: 'approval.requested',
    occurred_at: r.requestedAt,
    subject: subjectOf(r),
    data: {
      request_id: r.id,
      rule: r.ruleName,
      reason: r.reason,
      card_version: r.version,
      amount_total: s.amountTotal,
      currency: s.currency,
      vendor: s.vendorName,
      levels: r.chain ? r.chain.map((l) => ({ level: l.level, label: l.label, state: l.state })) : null,
    },
  };
}

/** A decision claimed on a card: `level` for sequential rules (null otherwise), `final` when it decided the request. */
export function approvalDecidedEvent(r: ApprovalRequest, d: Decision, level: number | null, final: boolean): ChatopsEvent {
  return {
    id: `approval.decided:${r.id}:${level ?? 0}:${d.id}`,
    type: 'approval.decided',
    occurred_at: d.at,
    subject: subjectOf(r),
    data: { request_id: r.id, source: 'chat', level, final, ...decisionData(d) },
  };
}

/** The events a stored change of a request made happen: a write-back written, or a decision made in Odoo. */
export function approvalChangeEvents(before: ApprovalRequest, after: ApprovalRequest): ChatopsEvent[] {
  const events: ChatopsEvent[] = [];
  const d = after.decision;
  if (d && after.writeback?.state === 'written' && before.writeback?.state !== 'written') {
    events.push({
      id: `approval.written:${after.id}:${d.id}`,
      type: 'approval.written',
      occurred_at: after.writeback.at,
      subject: subjectOf(after),
      data: { request_id: after.id, ...decisionData(d) },
    });
  }
  if (after.status === 'decided_elsewhere' && before.status !== 'decided_elsewhere' && after.elsewhere) {
    const e = after.elsewhere;
    events.push({
      id: `approval.decided:${after.id}:odoo`,
      type: 'approval.decided',
      occurred_at: e.at ?? new Date(0).toISOString(),
      subject: subjectOf(after),
      data: { request_id: after.id, source: 'odoo', level: null, final: true, outcome: e.outcome, by: e.by ? { name: e.by } : null, card_version: after.version },
    });
  }
  return events;
}
