import type { AlertThresholds } from '../alert-thresholds.ts';
import { billContextOf, billFacts, billLabel, billOwner, billRecords, billShown, unmatchedLine } from '../bill-context.ts';
import type { ProcurementException } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';
import { formatAmount } from '../../format/card-numbers.ts';

/**
 * Vendor bills with no PO behind them: no product line carries a purchase_line_id and there is no
 * invoice_origin, so nothing can be matched. Info while a draft (services are often billed so),
 * warning once posted. Cancelled bills never count. Owner: finance of the bill's company.
 */
export function detectBillsWithoutPo(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  _thresholds: AlertThresholds,
  now: Date,
): ProcurementException[] {
  const snap = indexSnapshot(snapshot);
  const out: ProcurementException[] = [];
  for (const bill of snap.vendorBills) {
    if (bill.state === 'cancel' || (bill.invoiceOrigin && bill.invoiceOrigin.trim() !== '')) continue;
    const lines = snap.billLinesByBill.get(bill.id) ?? [];
    if (lines.some((l) => l.purchaseLine !== null)) continue;
    const ctx = billContextOf(bill, snap);
    const currency = bill.currency?.name ?? null;
    const posted = bill.state === 'posted';
    out.push(
      makeException('bill-without-po', {
        severity: posted ? 'warning' : 'info',
        severityRule: posted ? 'warning: posted without a PO to match' : 'info: a draft without a PO to match',
        owner: billOwner(ctx),
        title: `${billLabel(bill)}${bill.partner ? ` from ${bill.partner.name}` : ''} (${formatAmount(bill.amountTotal, currency ?? null)}) has no purchase order`,
        facts: billFacts(ctx, lines.map((l) => unmatchedLine(l, currency))),
        records: billRecords(ctx),
        material: { amount: bill.amountTotal, lines: lines.map((l) => [l.id, l.quantity, l.priceUnit]) },
        shown: billShown(ctx),
        now,
      }),
    );
  }
  return out;
}
