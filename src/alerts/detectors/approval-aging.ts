import type { AlertThresholds } from '../alert-thresholds.ts';
import { HOUR_MS, isoInstant } from '../alert-time.ts';
import type { ProcurementException, Severity } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';
import { orderRecords } from '../record-refs.ts';
import { memoBusinessHoursBetween } from '../business-hours-memo.ts';
import { formatAmount } from '../../format/card-numbers.ts';

function severityOf(hours: number, t: AlertThresholds['approvalAging']): { severity: Severity; rule: string } {
  const waited = `waiting ${hours} business hours`;
  if (hours >= t.criticalAfterBusinessHours) return { severity: 'critical', rule: `critical: ${waited} (critical from ${t.criticalAfterBusinessHours})` };
  return { severity: 'warning', rule: `warning: ${waited} (alert from ${t.afterBusinessHours}, critical from ${t.criticalAfterBusinessHours})` };
}

/**
 * Purchase orders in state `to approve` waiting at least `after_business_hours` in the policy's
 * working calendar (a Friday evening request is not "60 hours old" on Monday morning). Waiting
 * starts when the approval was requested (snapshot.approvalWaitingSince), else at the PO's last
 * write: Odoo records no date for entering `to approve`, and write_date is never earlier than
 * that, so the age is never overstated. Owner: the PO's buyer (the approvers are the approvals
 * flow's business; this tells the buyer whom to chase).
 */
export function detectApprovalAging(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  thresholds: AlertThresholds,
  now: Date,
): ProcurementException[] {
  const snap = indexSnapshot(snapshot);
  const t = thresholds.approvalAging;
  const calendar = thresholds.calendar;
  const out: ProcurementException[] = [];
  for (const order of snap.purchaseOrders) {
    if (order.state !== 'to approve') continue;
    const requested = snap.approvalWaitingSince.get(order.id);
    const since = requested ?? order.writeDate;
    // Business hours never exceed elapsed hours: most orders are ruled out without walking the calendar.
    if (now.getTime() - since.getTime() < t.afterBusinessHours * HOUR_MS) continue;
    const exact = memoBusinessHoursBetween(since, now, calendar);
    if (exact < t.afterBusinessHours) continue;
    const hours = Math.floor(exact * 10) / 10;
    const { severity, rule } = severityOf(hours, t);
    const vendorName = order.partner?.name ?? null;
    const amount = { amount: order.amountTotal, currency: order.currency?.name ?? null };
    out.push(
      makeException('approval-aging', {
        severity,
        severityRule: rule,
        owner: { kind: 'buyer', odooUserId: order.buyer?.id ?? null },
        title: `${order.name} (${[vendorName, formatAmount(amount.amount, amount.currency)].filter(Boolean).join(', ')}) waiting ${hours} business hours for approval`,
        facts: {
          poName: order.name,
          vendorName,
          amount,
          waitingSince: isoInstant(since),
          waitingSinceSource: requested ? 'approval-request' : 'write-date',
          businessHoursWaiting: hours,
          timeZone: calendar.timeZone,
        },
        records: { ...orderRecords(order), subject: { model: 'purchase.order', id: order.id, name: order.name }, related: [] },
        material: { since, amount: order.amountTotal },
        shown: { vendor: vendorName, currency: amount.currency },
        now,
      }),
    );
  }
  return out;
}
