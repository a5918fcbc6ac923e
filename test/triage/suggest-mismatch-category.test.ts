import { describe, expect, it } from 'vitest';
import type { BillLineMatch, ProcurementException } from '../../src/alerts/exception.ts';
import { suggestMismatchCategory, type BillMismatchException } from '../../src/triage/finance/suggest-mismatch-category.ts';

const line = (over: Partial<BillLineMatch> = {}): BillLineMatch => ({
  billLineId: 1, poLineId: 2, product: 'Mop heads', billedQuantity: 80, billedOnOtherBills: 0, orderedQuantity: 80, receivedQuantity: 70,
  billPrice: { amount: 157.5, currency: 'USD' }, poPrice: { amount: 150, currency: 'USD' }, priceDifference: 7.5, priceDifferencePercent: 5, amountAtStake: { amount: 600, currency: 'USD' }, ...over,
});
const exception = (type: BillMismatchException['type'], lines: BillLineMatch[], extra: Record<string, unknown> = {}) =>
  ({
    key: `${type}:account.move:9`, type, severity: 'warning', severityRule: '', owner: { kind: 'finance', companyId: 1 }, title: 't', fingerprint: 'f', detectedAt: new Date(),
    records: { subject: { model: 'account.move', id: 9, name: 'BILL/9' }, purchaseOrder: null, company: null, warehouse: null, vendor: null, buyer: null, related: [] },
    facts: { billName: 'BILL/9', billRef: 'INV-1', billState: 'posted', vendorName: 'Acme', poName: 'P00042', amountTotal: { amount: 1, currency: 'USD' }, comparedIn: 'USD', note: null, lines, ...extra },
  }) as unknown as ProcurementException as BillMismatchException;

describe('suggestMismatchCategory', () => {
  it('a price above the PO price is a price variance, with the figures', () => {
    const s = suggestMismatchCategory(exception('bill-price-mismatch', [line()]));
    expect(s.category).toBe('price_variance');
    expect(s.explanation).toBe('Mop heads: $157.50 billed vs $150.00 on P00042 (+5.0%), $600.00 at stake.');
  });
  it('a few cents is tax or rounding', () => {
    expect(suggestMismatchCategory(exception('bill-price-mismatch', [line({ priceDifference: 0.004, priceDifferencePercent: 0.003, amountAtStake: { amount: 0.32, currency: 'USD' } })])).category).toBe('tax_or_rounding');
  });
  it('a freight line without a PO line is freight or surcharge', () => {
    expect(suggestMismatchCategory(exception('bill-price-mismatch', [line(), line({ poLineId: null, product: 'Freight charge', poPrice: null, priceDifference: null })])).category).toBe('freight_or_surcharge');
  });
  it('billed more than received is a quantity variance; none received is a missing receipt', () => {
    expect(suggestMismatchCategory(exception('bill-over-received', [line({ priceDifference: 0 })])).category).toBe('quantity_variance');
    expect(suggestMismatchCategory(exception('bill-over-received', [line({ receivedQuantity: 0 })])).category).toBe('missing_receipt');
    expect(suggestMismatchCategory(exception('bill-nothing-received', [line({ receivedQuantity: 0 })])).explanation).toContain('nothing has been received');
  });
  it('duplicate references and bills without PO', () => {
    const dup = suggestMismatchCategory(exception('bill-duplicate-ref', [], { normalizedRef: 'INV1', original: { id: 3, name: 'BILL/3', state: 'posted', amountTotal: { amount: 10, currency: 'USD' } } }));
    expect(dup).toMatchObject({ category: 'duplicate_bill' });
    expect(dup.explanation).toContain('BILL/3');
    expect(suggestMismatchCategory(exception('bill-without-po', [line({ poLineId: null, product: 'Widgets' })])).category).toBe('no_po_reference');
  });
});
