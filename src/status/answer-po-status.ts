import { purchaseOrderUrl } from '../approvals/odoo-links.ts';
import type { PurchaseOrder } from '../domain/odoo-records.ts';
import { dayIn } from './day-format.ts';
import { nextAction } from './next-action.ts';
import { describeException, openExceptions } from './open-exceptions.ts';
import { describeReference, parsePoReference, poReferenceDomain, type PoReference } from './po-reference.ts';
import { loadPoRecords } from './po-records.ts';
import { STATE_WORDS } from './state-words.ts';
import type { StatusAnswer } from './status-answer.ts';
import type { StatusDeps } from './status-deps.ts';
import { decisionHistory } from './decision-history.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import type { Viewer } from './viewer.ts';

/** Whether the viewer's Odoo user works for the PO's company (Odoo's multi-company rule). */
export function canSee(viewer: Viewer, order: Pick<PurchaseOrder, 'company'>): boolean {
  return order.company === null || viewer.odoo.companyIds.includes(order.company.id);
}

/**
 * The PO's timeline with every decision in it; Odoo's bare "Approved" gives way to the decision
 * that says who approved it.
 */
function withDecisions(timeline: TimelineEvent[], decisions: TimelineEvent[]): TimelineEvent[] {
  const saysWho = decisions.some((d) => d.label.startsWith('Approved'));
  const kept = saysWho ? timeline.filter((e) => e.label !== 'Approved') : timeline;
  return [...kept, ...decisions].map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map(({ e }) => e);
}

/**
 * Where one PO stands: state, vendor, amount, buyer, who owns the next action and since when,
 * a timeline with every approval decision (who, when, why, level, on whose behalf, or in Odoo),
 * open exceptions and the Odoo link. A PO of a company the viewer does not
 * work for is refused; an unknown reference gets a friendly not-found.
 */
export async function answerPoStatus(refText: string, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const ref: PoReference = parsePoReference(refText) ?? { raw: refText.trim(), number: null };
  const shown = describeReference(ref);
  const found = await deps.odoo.search('purchaseOrder', { domain: poReferenceDomain(ref), order: 'id desc', limit: 5 });
  if (found.length === 0) return { kind: 'not_found', ref: shown };
  const visible = found.filter((o) => canSee(viewer, o));
  if (visible.length === 0) return { kind: 'forbidden', ref: found[0]!.name, company: found[0]!.company?.name ?? null };
  // The PO whose own name is the reference wins over vendor references that look the same.
  const byName = visible.find((o) => o.name.toUpperCase() === shown.toUpperCase() || o.name.toUpperCase() === ref.raw.toUpperCase());
  const order = byName ?? visible[0]!;
  const now = deps.now();
  const [[records], request, decisions] = await Promise.all([loadPoRecords(deps.odoo, [order], { messages: true }), deps.store.openFor(order.id), decisionHistory(order.id, deps)]);
  const formatDate = dayIn(deps.timeZone);
  return {
    kind: 'po_status',
    po: {
      orderId: order.id,
      orderName: order.name,
      state: order.state,
      stateWords: STATE_WORDS[order.state],
      vendor: order.partner?.name ?? null,
      partnerRef: order.partnerRef,
      amountTotal: order.amountTotal,
      currency: order.currency?.name ?? null,
      buyer: order.buyer?.name ?? null,
      company: order.company?.name ?? null,
      warehouse: order.warehouse?.name ?? null,
      next: nextAction(records!, request, now, { rules: deps.rules, approversAsked: deps.approversAsked, formatDate }),
      timeline: withDecisions(buildTimeline(records!), decisions),
      exceptions: openExceptions(records!, now).map((e) => describeException(e, formatDate)),
      odooUrl: purchaseOrderUrl(deps.odooUrl, order.id),
      alsoMatched: visible.filter((o) => o.id !== order.id).map((o) => o.name),
    },
  };
}
