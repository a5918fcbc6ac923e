/** What finance calls the reason a vendor bill does not match its PO and receipts. */
export const MISMATCH_CATEGORIES = [
  'price_variance',
  'quantity_variance',
  'missing_receipt',
  'duplicate_bill',
  'tax_or_rounding',
  'freight_or_surcharge',
  'no_po_reference',
  'other',
] as const;

export type MismatchCategory = (typeof MISMATCH_CATEGORIES)[number];

export function isMismatchCategory(value: string): value is MismatchCategory {
  return (MISMATCH_CATEGORIES as readonly string[]).includes(value);
}
