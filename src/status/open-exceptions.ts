import type { PurchaseOrderLine, Receipt, VendorBill, VendorBillLine } from '../domain/odoo-records.ts';
import type { PoRecords } from './po-records.ts';

/**
 * The open exceptions of one PO, computed straight from its records. A stop-gap: the detectors
 * of src/alerts (tolerances from the policy, duplicates, severity) are the reference once they
 * are wired, and this should then read their exceptions store instead.
 */
export type OpenException =
  | { kind: 'late_receipt'; receipt: string; warehouse: string | null; scheduledDate: Date; daysLate: number; isBackorder: boolean }
  | { kind: 'bill_quantity'; bill: string; product: string; billed: number; received: number }
  | { kind: 'bill_price'; bill: string; product: string; billPrice: number; poPrice: number; percent: number };

/** A bill price more than this far from the PO price (either way) is a mismatch. */
export const PRICE_TOLERANCE_PERCENT = 2;
const EPSILON = 1e-6;
const DAY_MS = 86_400_000;

/** An incoming picking not done or cancelled whose scheduled date has passed. */
export function isLate(receipt: Receipt, now: Date): boolean {
  return receipt.state !== 'done' && receipt.state !== 'cancel' && receipt.scheduledDate !== null && receipt.scheduledDate.getTime() < now.getTime();
}

/** Whole days past the scheduled date (0 on the day itself). */
export function daysLate(scheduled: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - scheduled.getTime()) / DAY_MS));
}

/** A bill that still has money to move: not cancelled, not paid or being paid, not reversed. */
export function isOpenBill(bill: VendorBill): boolean {
  return bill.state !== 'cancel' && !['paid', 'in_payment', 'reversed'].includes(bill.paymentState ?? 'not_paid');
}

export function billLabel(bill: VendorBill): string {
  return bill.name && bill.name !== '/' ? bill.name : bill.ref ? `draft bill ${bill.ref}` : `draft bill #${bill.id}`;
}

export function lateReceipts(receipts: readonly Receipt[], now: Date): OpenException[] {
  return receipts
    .filter((r) => isLate(r, now))
    .sort((a, b) => a.scheduledDate!.getTime() - b.scheduledDate!.getTime())
    .map((r) => ({
      kind: 'late_receipt' as const,
      receipt: r.name,
      warehouse: r.warehouse?.name ?? null,
      scheduledDate: r.scheduledDate!,
      daysLate: daysLate(r.scheduledDate!, now),
      isBackorder: r.backorderOf !== null,
    }));
}

/**
 * Bill lines against their PO lines: billed more than received (over every bill of the line that
 * is not cancelled) or a unit price more than 2 % away from the PO's. Only bills still open count:
 * a paid bill's mismatch is history, not something to act on.
 */
export function billMismatches(lines: readonly PurchaseOrderLine[], bills: readonly VendorBill[], billLines: readonly VendorBillLine[]): OpenException[] {
  const billById = new Map(bills.map((b) => [b.id, b]));
  const out: OpenException[] = [];
  for (const line of lines) {
    if (line.displayType !== null) continue;
    const billed = billLines.filter((bl) => bl.purchaseLine?.id === line.id && billById.get(bl.bill.id)?.state !== 'cancel' && billById.has(bl.bill.id));
    const openOnes = billed.filter((bl) => isOpenBill(billById.get(bl.bill.id)!));
    if (openOnes.length === 0) continue;
    const product = line.product?.name ?? line.name;
    const quantity = billed.reduce((s, bl) => s + bl.quantity, 0);
    if (quantity > line.qtyReceived + EPSILON) {
      const latest = openOnes.reduce((a, b) => (b.bill.id > a.bill.id ? b : a));
      out.push({ kind: 'bill_quantity', bill: billLabel(billById.get(latest.bill.id)!), product, billed: round(quantity), received: round(line.qtyReceived) });
    }
    for (const bl of openOnes) {
      if (line.priceUnit === 0) continue;
      const percent = ((bl.priceUnit - line.priceUnit) / line.priceUnit) * 100;
      if (Math.abs(percent) > PRICE_TOLERANCE_PERCENT + EPSILON) {
        out.push({ kind: 'bill_price', bill: billLabel(billById.get(bl.bill.id)!), product, billPrice: bl.priceUnit, poPrice: line.priceUnit, percent: Math.round(percent * 10) / 10 });
      }
    }
  }
  return out;
}

/** Late receipts first (they block the warehouse), then bill mismatches. */
export function openExceptions(records: Pick<PoRecords, 'receipts' | 'lines' | 'bills' | 'billLines'>, now: Date): OpenException[] {
  return [...lateReceipts(records.receipts, now), ...billMismatches(records.lines, records.bills, records.billLines)];
}

/** One line of words per exception, raw text (renderers escape it). */
export function describeException(e: OpenException, formatDate: (d: Date) => string): string {
  switch (e.kind) {
    case 'late_receipt':
      return `${e.isBackorder ? 'Backorder' : 'Receipt'} ${e.receipt}${e.warehouse ? ` at ${e.warehouse}` : ''} ${lateWords(e.daysLate)} (scheduled ${formatDate(e.scheduledDate)})`;
    case 'bill_quantity':
      return `${e.bill} bills ${e.billed} of ${e.product}, ${e.received} received`;
    case 'bill_price':
      return `${e.bill} bills ${e.product} at ${e.billPrice} vs ${e.poPrice} on the PO (${e.percent > 0 ? '+' : ''}${e.percent}%)`;
  }
}

export function lateWords(days: number): string {
  return days === 0 ? 'is late since today' : `is late by ${days} day${days === 1 ? '' : 's'}`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
