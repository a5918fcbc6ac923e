import type { BillFacts, BillLineMatch, DuplicateRefFacts, ProcurementException } from '../../alerts/exception.ts';
import type { MismatchCategory } from './mismatch-category.ts';
import { formatAmount } from '../../format/card-numbers.ts';

/** The bill exceptions of the alerts detectors that finance categorises. */
export const BILL_MISMATCH_TYPES = ['bill-price-mismatch', 'bill-over-received', 'bill-nothing-received', 'bill-without-po', 'bill-duplicate-ref'] as const;
export type BillMismatchType = (typeof BILL_MISMATCH_TYPES)[number];
export type BillMismatchException = Extract<ProcurementException, { type: BillMismatchType }>;

export interface MismatchSuggestion {
  category: MismatchCategory;
  /** One line from the bill, PO and receipt facts: why this category. */
  explanation: string;
  /** 0..1: how sure the rules are (a fixed figure per rule; there is no model here). */
  confidence: number;
}

// A line billed without a PO line whose text says it is a charge, not goods (en, de, es, fr).
const CHARGE = /\b(freight|shipping|carriage|delivery charge|surcharge|fuel|handling|logistics|fracht|versand|zuschlag|porte|flete|recargo|transport|frais de port|supplément)\b/i;
// Under this much money at stake, or this share of the price, a difference is rounding or tax.
const ROUNDING_AMOUNT = 1;
const ROUNDING_PERCENT = 0.5;

export function isBillMismatch(e: ProcurementException): e is BillMismatchException {
  return (BILL_MISMATCH_TYPES as readonly string[]).includes(e.type);
}

/**
 * Suggests why a vendor bill does not match, from the facts the alerts detectors collected: a
 * pure function over the exception (no Odoo, no model), so finance sees the same suggestion for
 * the same facts. Finance confirms or changes it on the card.
 */
export function suggestMismatchCategory(exception: BillMismatchException): MismatchSuggestion {
  const f = exception.facts as BillFacts;
  const bill = f.billName ?? 'the bill';
  const lines = f.lines ?? [];
  const charge = lines.find((l) => l.poLineId === null && CHARGE.test(`${l.product ?? ''}`));
  switch (exception.type) {
    case 'bill-without-po':
      if (charge) return { category: 'freight_or_surcharge', explanation: `${bill} bills "${charge.product}" with no PO behind it: a freight or surcharge line.`, confidence: 0.6 };
      return { category: 'no_po_reference', explanation: `${bill} from ${f.vendorName ?? 'the vendor'} names no purchase order (no PO line linked, no known origin).`, confidence: 0.9 };
    case 'bill-duplicate-ref': {
      const d = exception.facts as DuplicateRefFacts;
      const other = d.original?.name ?? `bill ${d.original?.id ?? '?'}`;
      return { category: 'duplicate_bill', explanation: `${bill} repeats vendor reference ${d.normalizedRef || f.billRef || '?'} of ${other} (${d.original?.state ?? 'unknown state'}, ${money(d.original?.amountTotal)}).`, confidence: 0.9 };
    }
    case 'bill-nothing-received': {
      const l = lines[0];
      return { category: 'missing_receipt', explanation: `${bill} bills ${l ? `${qty(l.billedQuantity)} of ${l.product ?? 'a product'}` : 'goods'} on ${f.poName ?? 'its PO'}, but nothing has been received yet.`, confidence: 0.85 };
    }
    case 'bill-over-received': {
      const none = lines.find((l) => l.receivedQuantity === 0 && l.billedQuantity > 0);
      if (none) return { category: 'missing_receipt', explanation: `${bill} bills ${qty(none.billedQuantity)} of ${none.product ?? 'a product'}, none received on ${f.poName ?? 'the PO'}.`, confidence: 0.8 };
      const twice = lines.find((l) => l.billedOnOtherBills > 0 && l.receivedQuantity !== null && l.billedOnOtherBills >= l.receivedQuantity);
      if (twice) return { category: 'duplicate_bill', explanation: `${qty(twice.billedOnOtherBills)} of ${twice.product ?? 'a product'} were already billed on other bills for the ${qty(twice.receivedQuantity ?? 0)} received.`, confidence: 0.6 };
      const over = worst(lines, (l) => l.billedQuantity + l.billedOnOtherBills - (l.receivedQuantity ?? 0));
      if (!over) return { category: 'quantity_variance', explanation: `${bill} bills more than was received on ${f.poName ?? 'its PO'}.`, confidence: 0.6 };
      return { category: 'quantity_variance', explanation: `${bill} bills ${qty(over.billedQuantity)} of ${over.product ?? 'a product'}, but ${qty(over.receivedQuantity ?? 0)} were received${over.orderedQuantity !== null ? ` (ordered ${qty(over.orderedQuantity)})` : ''}.`, confidence: 0.8 };
    }
    case 'bill-price-mismatch': {
      if (charge) return { category: 'freight_or_surcharge', explanation: `${bill} adds "${charge.product}" (${money(charge.billPrice)}) that is not on ${f.poName ?? 'the PO'}.`, confidence: 0.7 };
      const line = worst(lines.filter((l) => l.priceDifference !== null), (l) => Math.abs(l.amountAtStake?.amount ?? (l.priceDifference ?? 0) * l.billedQuantity));
      if (!line) return { category: 'other', explanation: f.note ?? `${bill}: the prices could not be compared with ${f.poName ?? 'the PO'}.`, confidence: 0.3 };
      const pct = line.priceDifferencePercent;
      const stake = Math.abs(line.amountAtStake?.amount ?? (line.priceDifference ?? 0) * line.billedQuantity);
      const unit = `${formatAmount(line.billPrice.amount, line.billPrice.currency)} billed vs ${line.poPrice ? formatAmount(line.poPrice.amount, line.poPrice.currency) : '?'} on ${f.poName ?? 'the PO'}`;
      if (stake < ROUNDING_AMOUNT || (pct !== null && Math.abs(pct) < ROUNDING_PERCENT)) {
        return { category: 'tax_or_rounding', explanation: `${line.product ?? 'A line'}: ${unit}, ${formatAmount(stake, line.billPrice.currency)} at stake: rounding or tax.`, confidence: 0.7 };
      }
      return { category: 'price_variance', explanation: `${line.product ?? 'A line'}: ${unit}${pct !== null ? ` (${pct > 0 ? '+' : ''}${pct.toFixed(1)}%)` : ''}, ${formatAmount(stake, line.billPrice.currency)} at stake.`, confidence: 0.85 };
    }
  }
}

function worst(lines: BillLineMatch[], score: (l: BillLineMatch) => number): BillLineMatch | undefined {
  let best: BillLineMatch | undefined;
  for (const l of lines) if (score(l) > 0 && (!best || score(l) > score(best))) best = l;
  return best;
}

function qty(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function money(m: { amount: number; currency: string | null } | undefined | null): string {
  return m ? formatAmount(m.amount, m.currency) : 'unknown amount';
}
