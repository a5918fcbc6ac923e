import type { ApprovalRequest } from '../approvals/approval-request.ts';
import type { ApprovalRules } from '../approvals/approval-rules.ts';
import { levelWaiting } from '../approvals/level-waiting.ts';
import { delegatedNote } from '../approvals/delegation-routing.ts';
import { dayToInstant, daysWords } from './day-format.ts';
import { billLabel, describeException, isLate, isOpenBill, lateWords, openExceptions, type OpenException } from './open-exceptions.ts';
import type { PoRecords } from './po-records.ts';

/** Whose move it is. */
export type NextOwner = 'buyer' | 'approvers' | 'vendor' | 'warehouse' | 'finance' | 'nobody';

/** Who has the ball, as every answer's "Next:" line says it (Slack and Teams alike). */
export const NEXT_OWNER_WORDS: Readonly<Record<NextOwner, string>> = {
  buyer: 'the buyer',
  approvers: 'approval',
  vendor: 'the vendor',
  warehouse: 'the warehouse',
  finance: 'finance',
  nobody: 'nothing to do',
};

/** Who owns the next action on a PO, what it is, and since when. Text is raw (renderers escape it). */
export interface NextAction {
  owner: NextOwner;
  /** The person, people, vendor or team, when known. */
  who: string | null;
  /** One sentence: "Waiting for approval by Avery Quinn or Daniel Okafor". */
  what: string;
  since: Date | null;
  /** "3 business hours", "4 days": how long it has been so. */
  waited: string | null;
}

export interface NextActionDeps {
  rules: Pick<ApprovalRules, 'age'>;
  approversAsked: (request: ApprovalRequest) => string[];
  formatDate: (d: Date) => string;
}

/**
 * The one thing the PO waits for, from its state and records, in the order work happens:
 * approval, then the vendor's confirmation and delivery, then the bill and its payment. An open
 * bill mismatch wins over everything after approval (finance holds the money), then a late
 * receipt (the warehouse waits for goods).
 */
export function nextAction(records: PoRecords, request: ApprovalRequest | null, now: Date, deps: NextActionDeps): NextAction {
  const { order } = records;
  const vendor = order.partner?.name ?? 'the vendor';
  const buyer = order.buyer?.name ?? null;
  const days = (since: Date | null) => (since ? daysWords(since, now) : null);
  switch (order.state) {
    case 'draft':
      return { owner: 'buyer', who: buyer, what: `RFQ in draft: ${buyer ?? 'the buyer'} has to send it to ${vendor} or confirm it`, since: order.dateOrder, waited: days(order.dateOrder) };
    case 'sent': {
      const sent = sentAt(records) ?? order.writeDate;
      return { owner: 'vendor', who: vendor, what: `RFQ sent: waiting for ${vendor}'s quote, then ${buyer ?? 'the buyer'} confirms it`, since: sent, waited: days(sent) };
    }
    case 'to approve':
      return approvalAction(records, request, now, deps);
    case 'cancel':
      return { owner: 'nobody', who: null, what: 'Cancelled: nothing left to do', since: order.writeDate, waited: null };
    case 'purchase':
    case 'done':
      return afterApproval(records, now, deps);
  }
}

function approvalAction(records: PoRecords, request: ApprovalRequest | null, now: Date, deps: NextActionDeps): NextAction {
  const { order } = records;
  if (!request) {
    // The bot never saw it wait (no webhook yet, or it started waiting before the bot ran).
    const since = submittedAt(records) ?? order.writeDate;
    return { owner: 'approvers', who: null, what: `Waiting for approval in Odoo since ${deps.formatDate(since)} (no approval request in the bot yet)`, since, waited: deps.rules.age(since, now) };
  }
  const since = new Date(request.requestedAt);
  const waited = deps.rules.age(since, now);
  if (request.status === 'pending') {
    const names = deps.approversAsked(request);
    const who = names.length ? names.join(' or ') : null;
    const level = request.chain ? levelWaiting(request) : null;
    if (level) {
      // Sequential rules: the level it waits on, and how long that level has waited (not the whole chain).
      const levelWaited = deps.rules.age(level.since, now);
      const done = request.chain!.filter((l) => l.state === 'approved' && l.decision).map((l) => `level ${l.level} approved by ${l.decision!.actor.displayName ?? l.decision!.odooLogin}`);
      const what = `Waiting on level ${level.level}, ${level.label}${delegatedNote(request.delegated, level.level)}, ${levelWaited}${who ? `: ${who}` : ''} (${[...done, `rule ${request.ruleName}`].join('; ')})`;
      return { owner: 'approvers', who, what, since: level.since, waited: levelWaited };
    }
    return { owner: 'approvers', who, what: `Waiting for approval by ${who ?? 'the approvers of rule ' + request.ruleName}${delegatedNote(request.delegated, 1)} for ${waited} (rule ${request.ruleName})`, since, waited };
  }
  const decision = request.decision;
  const by = decision?.actor.displayName ?? decision?.odooLogin ?? 'an approver';
  const verb = decision?.action === 'reject' ? 'Rejected' : 'Approved';
  const wb = request.writeback;
  const detail =
    wb?.state === 'failed' ? `, but writing it to Odoo failed (${wb.reason}): ${by} can retry from the card`
      : wb?.state === 'retrying' ? `; writing it to Odoo is being retried (${wb.reason})`
        : '; the bot is writing it to Odoo';
  return { owner: 'approvers', who: by, what: `${verb} by ${by} in chat${detail}`, since: decision ? new Date(decision.at) : since, waited };
}

function afterApproval(records: PoRecords, now: Date, deps: NextActionDeps): NextAction {
  const { order, receipts, bills } = records;
  const vendor = order.partner?.name ?? 'the vendor';
  const exceptions = openExceptions(records, now);
  const mismatch = exceptions.find((e): e is Extract<OpenException, { bill: string }> => e.kind === 'bill_price' || e.kind === 'bill_quantity');
  const openBills = bills.filter(isOpenBill);
  if (mismatch) {
    const bill = openBills.find((b) => billLabel(b) === mismatch.bill);
    const since = bill?.invoiceDate ? dayToInstant(bill.invoiceDate) : (bill?.writeDate ?? null);
    return { owner: 'finance', who: 'finance', what: `Bill mismatch with finance: ${describeException(mismatch, deps.formatDate)}`, since, waited: since ? daysWords(since, now) : null };
  }
  const open = receipts.filter((r) => r.state !== 'done' && r.state !== 'cancel').sort((a, b) => (a.scheduledDate?.getTime() ?? 0) - (b.scheduledDate?.getTime() ?? 0));
  const done = receipts.filter((r) => r.state === 'done' && r.dateDone).sort((a, b) => a.dateDone!.getTime() - b.dateDone!.getTime());
  const unconfirmed = order.receptionConfirmed === false && done.length === 0;
  const late = open.find((r) => isLate(r, now));
  if (late) {
    const at = late.warehouse?.name ?? order.warehouse?.name;
    const lateness = lateWords(Math.floor((now.getTime() - late.scheduledDate!.getTime()) / 86_400_000)).replace(/^is /, '');
    const what = `${late.backorderOf ? 'Backorder' : 'Receipt'} ${late.name} ${lateness}${at ? ` at ${at}` : ''} (scheduled ${deps.formatDate(late.scheduledDate!)}): ${vendor} has not delivered${unconfirmed ? ' and never confirmed the date' : ''}`;
    return { owner: 'vendor', who: vendor, what, since: late.scheduledDate, waited: daysWords(late.scheduledDate!, now) };
  }
  if (unconfirmed && open.length > 0) {
    const since = order.dateApprove ?? order.writeDate;
    return { owner: 'vendor', who: vendor, what: `Vendor confirmation missing: confirmed ${daysWords(since, now)} ago and ${vendor} has not confirmed the receipt date`, since, waited: daysWords(since, now) };
  }
  const next = open[0];
  if (next) {
    const at = next.warehouse?.name ?? order.warehouse?.name;
    const due = next.scheduledDate ? ` due on ${deps.formatDate(next.scheduledDate)}` : '';
    const last = done[done.length - 1];
    if (last?.dateDone) {
      return { owner: 'vendor', who: vendor, what: `Partially received on ${deps.formatDate(last.dateDone)}; backorder ${next.name}${due}${at ? ` at ${at}` : ''}`, since: last.dateDone, waited: daysWords(last.dateDone, now) };
    }
    const since = order.dateApprove ?? order.writeDate;
    return { owner: 'vendor', who: vendor, what: `Receipt ${next.name}${due}${at ? ` at ${at}` : ''}`, since, waited: daysWords(since, now) };
  }
  const receivedAt = done[done.length - 1]?.dateDone ?? order.dateApprove ?? order.writeDate;
  const live = bills.filter((b) => b.state !== 'cancel');
  if (live.length === 0 || order.invoiceStatus === 'to invoice') {
    const what = live.length === 0 ? `Awaiting ${vendor}'s bill` : `Awaiting the rest of ${vendor}'s bill`;
    return { owner: 'vendor', who: vendor, what: `${what} (received ${deps.formatDate(receivedAt)})`, since: receivedAt, waited: daysWords(receivedAt, now) };
  }
  const unpaid = openBills[0];
  if (unpaid) {
    const since = unpaid.invoiceDate ? dayToInstant(unpaid.invoiceDate) : unpaid.writeDate;
    const state = unpaid.state === 'draft' ? 'to validate' : 'to pay';
    return { owner: 'finance', who: 'finance', what: `Bill ${billLabel(unpaid)} ${state}${unpaid.invoiceDateDue ? `, due ${unpaid.invoiceDateDue}` : ''}`, since, waited: daysWords(since, now) };
  }
  const paidAt = live.map((b) => b.writeDate).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return { owner: 'nobody', who: null, what: 'Received and paid: nothing left to do', since: paidAt, waited: null };
}

/** When the RFQ was sent: the chatter's "RFQ Sent" notification, or an outgoing email. */
export function sentAt(records: PoRecords): Date | null {
  return records.messages.find((m) => /rfq sent/i.test(m.subtype?.name ?? '') || m.messageType === 'email_outgoing')?.date ?? null;
}

/** When the buyer confirmed it (into "to approve" on two-step companies): the "RFQ Confirmed" notification. */
export function submittedAt(records: PoRecords): Date | null {
  const confirmed = records.messages.filter((m) => /rfq confirmed/i.test(m.subtype?.name ?? ''));
  return confirmed[confirmed.length - 1]?.date ?? null;
}
