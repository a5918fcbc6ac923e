import type { PurchaseOrderLine, VendorBill, VendorBillLine } from '../../domain/odoo-records.ts';
import type { AlertThresholds, Tolerance } from '../alert-thresholds.ts';
import { priceToleranceFor } from '../alert-thresholds.ts';
import type { BillContext } from '../bill-context.ts';
import { billContextOf, billFacts, billLabel, billOwner, billRecords, billShown } from '../bill-context.ts';
import type { BillLineMatch, ProcurementException, Severity } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';
import { duplicateBillsOf } from './duplicate-bill-ref.ts';

/** Float noise of prices and quantities (Odoo rounds both far coarser than this). */
const EPSILON = 1e-9;

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Within `absolute` units or within `percent` of `reference`: either is tolerated (quantities). */
export function withinTolerance(difference: number, reference: number, t: Tolerance): boolean {
  const d = Math.abs(difference);
  if (d <= t.absolute + EPSILON) return true;
  return reference !== 0 && (d / Math.abs(reference)) * 100 <= t.percent + EPSILON;
}

/**
 * A unit price difference is tolerated within `percent` of the PO price, or when the whole line's
 * difference (unit difference x billed quantity) is within `absolute`: per unit, a cent on a
 * 0.19 item billed 31,500 times would hide hundreds.
 */
export function withinPriceTolerance(unitDifference: number, poPrice: number, quantity: number, t: Tolerance): boolean {
  if (Math.abs(unitDifference * quantity) <= t.absolute + EPSILON) return true;
  return poPrice !== 0 && (Math.abs(unitDifference) / Math.abs(poPrice)) * 100 <= t.percent + EPSILON;
}

type MismatchKind = 'bill-over-received' | 'bill-price-mismatch' | 'bill-nothing-received';

interface Found {
  kind: MismatchKind;
  match: BillLineMatch;
}

/** Quantity of the PO line billed on other bills that count (not cancelled, not duplicates); the latest such bill. */
function otherBilling(poLine: PurchaseOrderLine, bill: VendorBill, snap: IndexedSnapshot, duplicates: ReadonlyMap<number, VendorBill>) {
  let quantity = 0;
  let latestBillId = bill.id;
  for (const other of snap.billLinesByOrderLine.get(poLine.id) ?? []) {
    if (other.bill.id === bill.id || duplicates.has(other.bill.id)) continue;
    const otherBill = snap.billById.get(other.bill.id);
    if (!otherBill || otherBill.state === 'cancel') continue;
    quantity += other.quantity;
    latestBillId = Math.max(latestBillId, otherBill.id);
  }
  return { quantity: round(quantity), latestBillId };
}

/** Matches one bill line against its PO line and what was received; what is wrong with it, if anything. */
function matchLine(
  line: VendorBillLine,
  poLine: PurchaseOrderLine,
  ctx: BillContext,
  snap: IndexedSnapshot,
  thresholds: AlertThresholds,
  duplicates: ReadonlyMap<number, VendorBill>,
): Found[] {
  const { bill, order } = ctx;
  const billCurrency = bill.currency?.name ?? null;
  const poCurrency = order?.currency?.name ?? billCurrency;
  const sameCurrency = !bill.currency || !order?.currency || bill.currency.id === order.currency.id;
  const received = poLine.qtyReceived;
  // A duplicate bill's quantities are the duplicate exception's business, not a second over-billing.
  const others = duplicates.has(bill.id) ? { quantity: 0, latestBillId: bill.id } : otherBilling(poLine, bill, snap, duplicates);
  // Billing spread over several bills is blamed on the latest one only, so one over-billing is one alert.
  const counted = others.latestBillId === bill.id ? others.quantity : 0;
  const priceDifference = sameCurrency ? round(line.priceUnit - poLine.priceUnit) : null;
  const match: BillLineMatch = {
    billLineId: line.id,
    poLineId: poLine.id,
    product: line.product?.name ?? poLine.product?.name ?? line.name ?? poLine.name,
    billedQuantity: line.quantity,
    billedOnOtherBills: counted,
    orderedQuantity: poLine.quantity,
    receivedQuantity: received,
    billPrice: { amount: line.priceUnit, currency: billCurrency },
    poPrice: { amount: poLine.priceUnit, currency: poCurrency },
    priceDifference,
    priceDifferencePercent: priceDifference !== null && poLine.priceUnit !== 0 ? round((priceDifference / poLine.priceUnit) * 100, 2) : null,
    amountAtStake: null,
  };
  const found: Found[] = [];
  if (line.quantity > EPSILON) {
    const excess = round(line.quantity + counted - received);
    const qtyTolerance = thresholds.invoiceMatch.quantityTolerance;
    if (received <= EPSILON) {
      found.push({ kind: 'bill-nothing-received', match: { ...match, amountAtStake: { amount: round(line.quantity * line.priceUnit, 2), currency: billCurrency } } });
    } else if (excess > 0 && !withinTolerance(excess, received, qtyTolerance)) {
      found.push({ kind: 'bill-over-received', match: { ...match, amountAtStake: { amount: round(excess * line.priceUnit, 2), currency: billCurrency } } });
    }
  }
  if (priceDifference === null) {
    // No exchange rate in the records: the prices cannot be compared, and finance should know that.
    found.push({ kind: 'bill-price-mismatch', match });
  } else if (!withinPriceTolerance(priceDifference, poLine.priceUnit, line.quantity, priceToleranceFor(thresholds, billCurrency))) {
    found.push({ kind: 'bill-price-mismatch', match: { ...match, amountAtStake: { amount: round(priceDifference * line.quantity, 2), currency: billCurrency } } });
  }
  return found;
}

function severityOf(kind: MismatchKind, bill: VendorBill, matches: BillLineMatch[], thresholds: AlertThresholds): { severity: Severity; rule: string } {
  if (kind === 'bill-price-mismatch') {
    if (matches.every((m) => m.priceDifference === null)) {
      return { severity: 'warning', rule: `warning: billed in ${bill.currency?.name ?? '?'}, not the PO's currency (prices not compared)` };
    }
    const worst = Math.max(...matches.map((m) => Math.abs(m.priceDifferencePercent ?? 0)));
    const limit = thresholds.invoiceMatch.criticalPricePercent;
    return worst >= limit
      ? { severity: 'critical', rule: `critical: price off by ${worst}% (critical from ${limit}%)` }
      : { severity: 'warning', rule: `warning: price off by ${worst}%, beyond tolerance (critical from ${limit}%)` };
  }
  const what = kind === 'bill-nothing-received' ? 'billed with nothing received' : 'billed more than received';
  return bill.state === 'posted'
    ? { severity: 'critical', rule: `critical: ${what} on a posted bill` }
    : { severity: 'warning', rule: `warning: ${what} on a draft bill` };
}

function titleOf(kind: MismatchKind, ctx: BillContext, matches: BillLineMatch[]): string {
  const about = [ctx.bill.partner?.name, ctx.order?.name].filter(Boolean).join(', ');
  const who = `${billLabel(ctx.bill)}${about ? ` (${about})` : ''}`;
  const n = `${matches.length} line${matches.length === 1 ? '' : 's'}`;
  if (kind === 'bill-price-mismatch') {
    const m = matches[0];
    const first = m?.poPrice ? `: ${m.billPrice.amount} ${m.billPrice.currency ?? ''} vs ${m.poPrice.amount} ${m.poPrice.currency ?? ''} on the PO`.trimEnd() : '';
    return `${who}: price differs from the PO on ${n}${first}`;
  }
  if (kind === 'bill-nothing-received') return `${who}: billed ${n} with nothing received`;
  const billed = matches.reduce((s, m) => s + m.billedQuantity + m.billedOnOtherBills, 0);
  const received = matches.reduce((s, m) => s + (m.receivedQuantity ?? 0), 0);
  return `${who}: billed ${round(billed, 3)} against ${round(received, 3)} received on ${n}`;
}

/**
 * Three-way match of every bill line against its PO line and the quantity received, with the
 * tolerances of `alerts.invoice_match`. One exception per bill and kind:
 * - `bill-over-received`: billed (this bill, plus other bills of the same PO line when this is
 *   the latest of them) beyond received + quantity tolerance;
 * - `bill-nothing-received`: billed while nothing of the PO line was received;
 * - `bill-price-mismatch`: bill price vs PO price beyond the tolerance of the BILL's currency.
 *   Prices are compared in the bill's currency as they stand (no rate in the records); a bill in
 *   another currency than its PO is not compared and its note says so.
 * Posted and draft bills count, cancelled ones never; lines without a PO line are skipped (bills
 * without any are `bill-without-po`). Owner: finance of the bill's company.
 */
export function detectInvoiceMismatches(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  thresholds: AlertThresholds,
  now: Date,
  duplicates: ReadonlyMap<number, VendorBill> = duplicateBillsOf(indexSnapshot(snapshot)),
): ProcurementException[] {
  const snap = indexSnapshot(snapshot);
  const out: ProcurementException[] = [];
  for (const bill of snap.vendorBills) {
    if (bill.state === 'cancel') continue;
    const lines = snap.billLinesByBill.get(bill.id);
    if (!lines) continue;
    let ctx: BillContext | null = null;
    const byKind = new Map<MismatchKind, BillLineMatch[]>();
    let currencyNote: string | null = null;
    for (const line of lines) {
      const poLine = line.purchaseLine ? snap.orderLineById.get(line.purchaseLine.id) : undefined;
      if (!poLine) continue;
      ctx ??= billContextOf(bill, snap);
      for (const f of matchLine(line, poLine, ctx, snap, thresholds, duplicates)) {
        const list = byKind.get(f.kind);
        if (list) list.push(f.match);
        else byKind.set(f.kind, [f.match]);
      }
      if (bill.currency && ctx.order?.currency && bill.currency.id !== ctx.order.currency.id) {
        currencyNote = `bill in ${bill.currency.name}, PO in ${ctx.order.currency.name}: prices not compared`;
      }
    }
    if (!ctx) continue;
    for (const [kind, matches] of byKind) {
      const { severity, rule } = severityOf(kind, bill, matches, thresholds);
      out.push(
        makeException(kind, {
          severity,
          severityRule: rule,
          owner: billOwner(ctx),
          title: titleOf(kind, ctx, matches),
          facts: billFacts(ctx, matches, currencyNote),
          records: billRecords(
            ctx,
            matches.map((m) => ({ model: 'account.move.line' as const, id: m.billLineId, name: m.product })),
          ),
          // What is billed and at which price against what: a further receipt or a corrected price is material.
          material: matches.map((m) => [m.billLineId, m.billedQuantity, m.billedOnOtherBills, m.receivedQuantity, m.billPrice.amount, m.poPrice?.amount ?? null]),
          // A draft posted since (its number and state), a new due date...: the card follows.
          shown: billShown(ctx),
          now,
        }),
      );
    }
  }
  return out;
}
