import type { VendorBill } from '../../domain/odoo-records.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { billContextOf, billFacts, billLabel, billNumber, billOwner, billRecords, billShown, unmatchedLine } from '../bill-context.ts';
import type { ProcurementException } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';

/** A vendor reference as people mistype it: case and spaces do not make another invoice. */
export function normalizeVendorRef(ref: string): string {
  return ref.toLowerCase().replace(/\s+/g, '');
}

/**
 * Bill id -> the earliest bill (lowest id) of the same vendor with the same normalized reference,
 * for every later one. Cancelled bills never count; drafts and posted bills both do.
 */
export function duplicateBillsOf(snap: IndexedSnapshot): Map<number, VendorBill> {
  const first = new Map<string, VendorBill>();
  const out = new Map<number, VendorBill>();
  // Id order, so the original is the one keyed in first whatever order the scan read them in.
  const bills = [...snap.vendorBills].sort((a, b) => a.id - b.id);
  for (const bill of bills) {
    if (bill.state === 'cancel' || !bill.partner || !bill.ref) continue;
    const norm = normalizeVendorRef(bill.ref);
    if (norm === '') continue;
    const k = `${bill.partner.id}|${norm}`;
    const original = first.get(k);
    if (original) out.set(bill.id, original);
    else first.set(k, bill);
  }
  return out;
}

/**
 * The same vendor reference billed twice by the same vendor (case- and space-insensitive): one
 * exception per later bill, naming the original. Critical when both are posted (a double payment
 * is one click away), else warning. Owner: finance of the bill's company.
 */
export function detectDuplicateBillRefs(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  _thresholds: AlertThresholds,
  now: Date,
  duplicates: ReadonlyMap<number, VendorBill> = duplicateBillsOf(indexSnapshot(snapshot)),
): ProcurementException[] {
  const snap = indexSnapshot(snapshot);
  const out: ProcurementException[] = [];
  for (const [billId, original] of duplicates) {
    const bill = snap.billById.get(billId);
    if (!bill) continue;
    const ctx = billContextOf(bill, snap);
    const currency = bill.currency?.name ?? null;
    const bothPosted = bill.state === 'posted' && original.state === 'posted';
    out.push(
      makeException('bill-duplicate-ref', {
        severity: bothPosted ? 'critical' : 'warning',
        severityRule: bothPosted ? 'critical: both bills are posted' : `warning: ${bill.state === 'posted' ? 'the original' : 'this bill'} is still a draft`,
        owner: billOwner(ctx),
        title: `${billLabel(bill)}: vendor ref ${bill.ref ?? ''} already billed on ${billLabel(original)}${ctx.bill.partner ? ` (${ctx.bill.partner.name})` : ''}`,
        facts: {
          ...billFacts(ctx, ctx.lines.map((l) => unmatchedLine(l, currency))),
          normalizedRef: normalizeVendorRef(bill.ref ?? ''),
          original: {
            id: original.id,
            name: billNumber(original),
            state: original.state,
            amountTotal: { amount: original.amountTotal, currency: original.currency?.name ?? null },
          },
        },
        records: billRecords(ctx, [{ model: 'account.move', id: original.id, name: original.name }]),
        material: { original: original.id, originalState: original.state, amount: bill.amountTotal },
        shown: { bill: billShown(ctx), original: billNumber(original) },
        now,
      }),
    );
  }
  return out;
}
