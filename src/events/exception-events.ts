/**
 * The exception events, derived from a stored lifecycle change (compare-and-set, so each
 * transition is stored once): opened (first detection, or again after it cleared),
 * acknowledged, cleared. Ids name the transition, so deriving twice gives the same id.
 */
import type { ExceptionActor, TrackedException } from '../alerts/lifecycle/tracked-exception.ts';
import type { ChatopsEvent } from './chatops-event.ts';

const actorData = (a: ExceptionActor) => ({ platform: a.chat.platform, user_id: a.chat.userId, name: a.chat.displayName ?? null, odoo_login: a.odooLogin });

function base(t: TrackedException) {
  const e = t.exception;
  const po = e.records.purchaseOrder;
  return {
    subject: { model: e.records.subject.model, id: e.records.subject.id, name: e.records.subject.name },
    data: {
      key: t.key,
      exception_type: t.type,
      severity: t.severity,
      title: e.title,
      purchase_order: po ? { id: po.id, name: po.name } : null,
      vendor: e.records.vendor?.name ?? null,
      warehouse: e.records.warehouse?.name ?? null,
    },
  };
}

export function exceptionEvents(before: TrackedException | null, after: TrackedException | null): ChatopsEvent[] {
  if (!after) return [];
  const events: ChatopsEvent[] = [];
  const { subject, data } = base(after);
  const wasOpen = before !== null && before.status !== 'cleared';
  if (after.status !== 'cleared' && !wasOpen) {
    events.push({ id: `exception.opened:${after.key}:${after.firstSeenAt}:${after.revision}`, type: 'exception.opened', occurred_at: after.lastSeenAt, subject, data: { ...data, first_seen_at: after.firstSeenAt } });
  }
  const ack = after.acknowledged;
  if (ack && ack.at !== before?.acknowledged?.at) {
    events.push({ id: `exception.acknowledged:${after.key}:${ack.at}`, type: 'exception.acknowledged', occurred_at: ack.at, subject, data: { ...data, by: actorData(ack) } });
  }
  if (after.status === 'cleared' && before && before.status !== 'cleared') {
    const at = after.clearedAt ?? after.lastSeenAt;
    events.push({ id: `exception.cleared:${after.key}:${at}`, type: 'exception.cleared', occurred_at: at, subject, data: { ...data, reason: after.clearedReason, first_seen_at: after.firstSeenAt } });
  }
  return events;
}
