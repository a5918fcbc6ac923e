/**
 * What happens to a PO after it is written: one scenario per PO (an RFQ, an order waiting for
 * approval, a late receipt, a partial receipt with its backorder, a bill with a price mismatch, ...)
 * turned into receipts and bills with consistent dates and quantities.
 */
import type { BillLineSpec, PaymentState } from './bills.ts';
import { createBill, nextVendorRef, orderedLines, receivedLines } from './bills.ts';
import { addDays } from './dates.ts';
import type { OrderRef, OrderSpec, PoState } from './purchase-orders.ts';
import { createOrder, finalizeOrder } from './purchase-orders.ts';
import { createReceipt } from './receipts.ts';
import type { Rng } from './random.ts';
import type { SeedContext } from './seed-context.ts';

export const SCENARIOS = [
  'rfq', 'rfq_sent', 'to_approve', 'cancelled', 'confirmed_open', 'unconfirmed', 'late', 'partial_backorder',
  'received', 'billed', 'locked', 'price_mismatch', 'qty_mismatch', 'unreceived_bill', 'duplicate_ref', 'over_received',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export function stateOf(s: Scenario): PoState {
  if (s === 'rfq') return 'draft';
  if (s === 'rfq_sent') return 'sent';
  if (s === 'to_approve') return 'to approve';
  if (s === 'cancelled') return 'cancel';
  if (s === 'locked') return 'done';
  return 'purchase';
}

export interface Plan {
  scenario: Scenario;
  /** A hand-placed example the summary points at (the first of each scenario). */
  showcase: boolean;
  /** Fixed PO name (the supplier-email POs); generated POs get theirs in date order. */
  name?: string;
  order: Omit<OrderSpec, 'name'>;
  /** The (first) receipt was validated. */
  receivedAt?: Date;
  /** Quantities received per line when not everything was (partial, over-receipt). */
  receivedQty?: number[];
  /** Scheduled date of the backorder. */
  backorderScheduled?: Date;
  billDate?: Date;
  billState?: 'draft' | 'posted';
  billRef?: string;
  paymentState?: PaymentState;
  /** Bill price / PO price on the mismatching lines. */
  priceFactor?: number;
  /** A second, duplicate bill with the same vendor reference. */
  duplicateBillDate?: Date;
}

export interface Materialized {
  order: OrderRef;
  pickingIds: number[];
  backorderId: number | false;
  billIds: number[];
}

export function materialize(ctx: SeedContext, plan: Plan, name: string): Materialized {
  const order = createOrder(ctx, { name, ...plan.order });
  const { spec } = order;
  const out: Materialized = { order, pickingIds: [], backorderId: false, billIds: [] };
  const ordered = order.lines.map((l) => l.spec.qty);
  const createdAt = spec.dateApprove === false ? spec.dateOrder : spec.dateApprove;
  const receipt = (state: 'assigned' | 'done' | 'cancel', quantities: number[], extra: { scheduled?: Date; doneAt?: Date; backorderOf?: number } = {}) => {
    const id = createReceipt(ctx, order, {
      state, quantities, createdAt, scheduled: extra.scheduled ?? spec.datePlanned, deadline: spec.datePlanned,
      ...(extra.doneAt ? { doneAt: extra.doneAt } : {}), ...(extra.backorderOf !== undefined ? { backorderOf: extra.backorderOf } : {}),
    });
    out.pickingIds.push(id);
    return id;
  };
  const bill = (lines: BillLineSpec[], date: Date, state: 'draft' | 'posted', ref: string | false, paymentState: PaymentState = 'not_paid') => {
    if (lines.length === 0) return;
    out.billIds.push(
      createBill(ctx, {
        company: spec.company, vendor: spec.vendor, order, state, invoiceDate: date, ref, paymentState, lines,
        createdBy: financeUid(ctx),
      }),
    );
  };
  const received = plan.receivedAt ?? spec.datePlanned;
  const billDate = plan.billDate ?? addDays(received, 2);
  const ref = plan.billRef ?? nextVendorRef(spec.vendor);
  switch (plan.scenario) {
    case 'rfq':
    case 'rfq_sent':
    case 'to_approve':
      break;
    case 'cancelled':
      // Cancelled after confirmation: Odoo cancels its receipt too; before confirmation there is none.
      if (spec.dateApprove !== false) receipt('cancel', ordered);
      break;
    case 'confirmed_open':
    case 'unconfirmed':
    case 'late':
      receipt('assigned', ordered);
      break;
    case 'unreceived_bill':
      receipt('assigned', ordered);
      bill(orderedLines(order), billDate, plan.billState ?? 'posted', ref);
      break;
    case 'partial_backorder':
    case 'qty_mismatch': {
      const got = plan.receivedQty ?? ordered.map((q) => Math.floor(q / 2));
      const first = receipt('done', got, { doneAt: received });
      out.backorderId = receipt('assigned', ordered.map((q, i) => q - (got[i] ?? 0)), {
        scheduled: plan.backorderScheduled ?? addDays(received, 7), backorderOf: first,
      });
      // A quantity mismatch: the vendor billed the whole order while part of it is still on backorder.
      if (plan.scenario === 'qty_mismatch') bill(orderedLines(order), billDate, plan.billState ?? 'posted', ref);
      break;
    }
    case 'received':
      receipt('done', ordered, { doneAt: received });
      break;
    case 'billed':
    case 'locked':
      receipt('done', ordered, { doneAt: received });
      bill(receivedLines(order), billDate, 'posted', ref, plan.paymentState ?? 'paid');
      break;
    case 'price_mismatch': {
      receipt('done', ordered, { doneAt: received });
      const factor = plan.priceFactor ?? 1.1;
      const lines = receivedLines(order).map((l, i) => (i === 0 ? { ...l, priceUnit: Math.round(l.priceUnit * factor * 100) / 100 } : l));
      bill(lines, billDate, plan.billState ?? 'posted', ref);
      break;
    }
    case 'duplicate_ref':
      receipt('done', ordered, { doneAt: received });
      bill(receivedLines(order), billDate, 'posted', ref);
      // The same vendor invoice keyed in a second time (another mailbox, a reminder copy).
      bill(receivedLines(order), plan.duplicateBillDate ?? addDays(billDate, 5), 'draft', ref);
      break;
    case 'over_received':
      receipt('done', plan.receivedQty ?? ordered, { doneAt: received });
      bill(receivedLines(order), billDate, 'posted', ref, plan.paymentState ?? 'not_paid');
      break;
  }
  finalizeOrder(ctx, order);
  return out;
}

const financeUids = new WeakMap<SeedContext, number>();

/** Bills are keyed in by accounts payable (the demo finance user). */
function financeUid(ctx: SeedContext): number {
  let uid = financeUids.get(ctx);
  if (uid === undefined) {
    uid = ctx.users.find((u) => u.role === 'finance' && u.demo)?.id ?? ctx.adminUid;
    financeUids.set(ctx, uid);
  }
  return uid;
}

/** Received quantities of a short receipt: every line short or missing, but something arrived. */
export function partialQuantities(rng: Rng, ordered: number[]): number[] {
  const got = ordered.map((q) => (q < 2 ? q : Math.max(1, Math.floor(q * rng.amount(0.3, 0.85)))));
  if (got.every((g, i) => g >= (ordered[i] ?? 0))) {
    const i = ordered.findIndex((q) => q >= 2);
    if (i >= 0) got[i] = Math.floor((ordered[i] ?? 2) / 2);
  }
  return got;
}
