import { dayToInstant } from './day-format.ts';
import { sentAt, submittedAt } from './next-action.ts';
import { billLabel } from './open-exceptions.ts';
import type { PoRecords } from './po-records.ts';

/** One step of a PO's life. `at` orders the steps; `dated` is false when Odoo keeps no date for it. */
export interface TimelineEvent {
  label: string;
  at: Date;
  dated: boolean;
  /** Shown as is instead of the UTC day of `at`: an Odoo DATE (bills, no time zone), or a decision's minute in the policy's zone. */
  day?: string;
}

/** How many supplier emails the timeline shows (the newest). */
const MAX_EMAILS = 3;

/**
 * The PO's life as far as its records tell: created, sent, submitted, approved, vendor confirmed,
 * supplier emails, received (partially or fully), billed, paid, cancelled, oldest first.
 */
export function buildTimeline(records: PoRecords): TimelineEvent[] {
  const { order, receipts, bills, messages } = records;
  const out: TimelineEvent[] = [];
  const add = (label: string, at: Date | null, extra: Partial<TimelineEvent> = {}) => {
    if (at) out.push({ label, at, dated: true, ...extra });
  };
  add('Created', order.dateOrder);
  add('Sent to the vendor', sentAt(records));
  if (order.dateApprove === null || order.state === 'to approve') add('Submitted for approval', submittedAt(records));
  add('Approved', order.dateApprove);
  if (order.receptionConfirmed && order.dateApprove) out.push({ label: 'Vendor confirmed the receipt date', at: order.dateApprove, dated: false });
  const vendorId = order.partner?.id;
  const emails = messages.filter((m) => m.messageType === 'email' && (vendorId === undefined || m.author?.id === vendorId || m.author === null));
  for (const m of emails.slice(-MAX_EMAILS)) add(`Vendor email${m.subject ? `: ${m.subject}` : ''}`, m.date);

  const done = receipts.filter((r) => r.state === 'done' && r.dateDone).sort((a, b) => a.dateDone!.getTime() - b.dateDone!.getTime());
  const stillOpen = receipts.some((r) => r.state !== 'done' && r.state !== 'cancel');
  done.forEach((r, i) => {
    const last = i === done.length - 1;
    const full = last && !stillOpen && order.receiptStatus !== 'partial';
    add(`${full ? 'Received in full' : 'Received partially'} (${r.name}${r.warehouse ? `, ${r.warehouse.name}` : ''})`, r.dateDone);
  });
  for (const b of bills) {
    if (b.state === 'cancel') continue;
    const day = b.invoiceDate;
    const at = day ? dayToInstant(day) : b.writeDate;
    out.push({ label: `Billed: ${billLabel(b)}${b.state === 'draft' ? ' (draft)' : ''}`, at, dated: true, ...(day ? { day } : {}) });
    if (b.paymentState === 'paid' || b.paymentState === 'in_payment') {
      out.push({ label: `${b.paymentState === 'paid' ? 'Paid' : 'Payment in progress'}: ${billLabel(b)}`, at: b.writeDate, dated: true });
    }
  }
  if (order.state === 'cancel') add('Cancelled', order.writeDate);
  // Stable: steps with the same instant keep the order they happen in.
  return out.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map(({ e }) => e);
}
