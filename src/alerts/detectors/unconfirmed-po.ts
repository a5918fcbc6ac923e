import type { PurchaseOrder } from '../../domain/odoo-records.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { DAY_MS, isoInstant, wholeDaysBetween } from '../alert-time.ts';
import type { ProcurementException, Severity } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';
import { orderRecords } from '../record-refs.ts';

function severityOf(days: number, t: { afterDays: number; criticalAfterDays: number }, what: string): { severity: Severity; rule: string } {
  if (days >= t.criticalAfterDays) return { severity: 'critical', rule: `critical: ${what} ${days} days ago (critical from ${t.criticalAfterDays})` };
  return { severity: 'warning', rule: `warning: ${what} ${days} days ago (alert from ${t.afterDays}, critical from ${t.criticalAfterDays})` };
}

function build(
  type: 'unconfirmed-po' | 'rfq-unanswered',
  order: PurchaseOrder,
  since: Date,
  t: { afterDays: number; criticalAfterDays: number },
  now: Date,
): ProcurementException {
  const days = wholeDaysBetween(since, now);
  const what = type === 'unconfirmed-po' ? 'confirmed' : 'sent';
  const { severity, rule } = severityOf(days, t, what);
  const vendorName = order.partner?.name ?? null;
  return makeException(type, {
    severity,
    severityRule: rule,
    owner: { kind: 'buyer', odooUserId: order.buyer?.id ?? null },
    title:
      type === 'unconfirmed-po'
        ? `${order.name}${vendorName ? `: ${vendorName}` : ''} has not confirmed the order (confirmed ${days} days ago)`
        : `RFQ ${order.name}${vendorName ? ` to ${vendorName}` : ''} unanswered for ${days} days`,
    facts: {
      poName: order.name,
      vendorName,
      warehouseName: order.warehouse?.name ?? null,
      state: order.state,
      since: isoInstant(since),
      daysWaiting: days,
      amount: { amount: order.amountTotal, currency: order.currency?.name ?? null },
      datePlanned: order.datePlanned ? isoInstant(order.datePlanned) : null,
    },
    records: { ...orderRecords(order), subject: { model: 'purchase.order', id: order.id, name: order.name }, related: [] },
    // Severity (in the fingerprint already) is what changes while it waits; a new amount is material.
    material: { since, amount: order.amountTotal },
    shown: { state: order.state, vendor: vendorName, warehouse: order.warehouse?.name ?? null, planned: order.datePlanned },
    now,
  });
}

/**
 * Two ways a vendor leaves the buyer waiting:
 * - `unconfirmed-po`: state `purchase`, confirmed (date_approve) at least `after_days` ago, and the
 *   vendor has not confirmed the receipt date (`mail_reception_confirmed` false). Skipped where
 *   the field does not exist (null) and once goods arrived (delivering is confirming);
 * - `rfq-unanswered`: state `sent` for at least `after_days`. Odoo keeps no "sent on" date on the
 *   order, so date_order (set when the RFQ is created, 17 and 18) stands for it.
 * Owner: the PO's buyer.
 */
export function detectUnconfirmedOrders(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  thresholds: AlertThresholds,
  now: Date,
): ProcurementException[] {
  const snap = indexSnapshot(snapshot);
  const out: ProcurementException[] = [];
  const nowMs = now.getTime();
  const po = thresholds.unconfirmedPo;
  const rfq = thresholds.rfqUnanswered;
  for (const order of snap.purchaseOrders) {
    if (order.state === 'purchase') {
      if (order.receptionConfirmed !== false || !order.dateApprove) continue;
      if (order.receiptStatus === 'full' || order.receiptStatus === 'partial') continue;
      if (nowMs - order.dateApprove.getTime() < po.afterDays * DAY_MS) continue;
      out.push(build('unconfirmed-po', order, order.dateApprove, po, now));
    } else if (order.state === 'sent') {
      if (!order.dateOrder || nowMs - order.dateOrder.getTime() < rfq.afterDays * DAY_MS) continue;
      out.push(build('rfq-unanswered', order, order.dateOrder, rfq, now));
    }
  }
  return out;
}
