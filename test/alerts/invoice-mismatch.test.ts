import { describe, expect, it } from 'vitest';
import { detectBillsWithoutPo } from '../../src/alerts/detectors/bill-without-po.ts';
import { detectDuplicateBillRefs, normalizeVendorRef } from '../../src/alerts/detectors/duplicate-bill-ref.ts';
import { detectInvoiceMismatches, withinPriceTolerance, withinTolerance } from '../../src/alerts/detectors/invoice-mismatch.ts';
import { detectAll } from '../../src/alerts/detect-all.ts';
import type { ProcurementException } from '../../src/alerts/exception.ts';
import type { ProcurementSnapshot } from '../../src/alerts/procurement-snapshot.ts';
import { ACME, EU_CO, EUR, ROTTERDAM, at, bill, billLine, companies, po, poLine, thresholds } from './fixtures.ts';

const NOW = at('2026-11-26T23:00:00Z');
const snapshot = (over: ProcurementSnapshot = {}): ProcurementSnapshot => ({
  purchaseOrders: [po()], purchaseOrderLines: [poLine()], vendorBills: [bill()], vendorBillLines: [billLine()], companies, ...over,
});
const mismatches = (s: ProcurementSnapshot, raw: unknown = {}) => detectInvoiceMismatches(s, thresholds(raw), NOW);
const types = (es: ProcurementException[]) => es.map((e) => e.type);

describe('detectInvoiceMismatches (three-way match)', () => {
  it('finds nothing in a bill that matches its PO and receipt', () => {
    expect(mismatches(snapshot())).toEqual([]);
  });

  it('flags billed more than received: the recorded flow bills 80 at 157.50 against 70 received at 150.00', () => {
    const s = snapshot({ purchaseOrderLines: [poLine({ qtyReceived: 70 })], vendorBillLines: [billLine({ priceUnit: 157.5 })] });
    const found = mismatches(s);
    expect(types(found).sort()).toEqual(['bill-over-received', 'bill-price-mismatch']);
    const over = found.find((e) => e.type === 'bill-over-received');
    expect(over).toMatchObject({ key: 'bill-over-received:account.move:300', severity: 'critical', owner: { kind: 'finance', companyId: 1 } });
    expect(over?.severityRule).toBe('critical: billed more than received on a posted bill');
    expect(over?.type === 'bill-over-received' && over.facts).toMatchObject({
      billName: 'BILL/2026/11/0001', billRef: 'INV-1001', poName: 'P00042', comparedIn: 'USD',
      lines: [{ billLineId: 900, poLineId: 100, billedQuantity: 80, receivedQuantity: 70, orderedQuantity: 80, amountAtStake: { amount: 1575, currency: 'USD' } }],
    });
    expect(over?.title).toBe('BILL/2026/11/0001 (Acme Janitorial, P00042): billed 80 against 70 received on 1 line');
    const price = found.find((e) => e.type === 'bill-price-mismatch');
    expect(price?.type === 'bill-price-mismatch' && price.facts.lines[0]).toMatchObject({ priceDifference: 7.5, priceDifferencePercent: 5, amountAtStake: { amount: 600, currency: 'USD' } });
    expect(price?.severity).toBe('warning');
    expect(price?.title).toBe('BILL/2026/11/0001 (Acme Janitorial, P00042): price differs from the PO on 1 line: 157.5 USD vs 150 USD on the PO');
  });

  it('is a warning on a draft bill, and never looks at a cancelled bill', () => {
    const short = { purchaseOrderLines: [poLine({ qtyReceived: 70 })] };
    expect(mismatches(snapshot({ ...short, vendorBills: [bill({ state: 'draft', name: '/' })] }))[0]).toMatchObject({ severity: 'warning', title: expect.stringMatching(/^draft bill INV-1001 /) });
    expect(mismatches(snapshot({ ...short, vendorBills: [bill({ state: 'cancel' })] }))).toEqual([]);
  });

  it('never names a draft bill "/" (17/18) or false (19), and its card follows it when posted', () => {
    const short = { purchaseOrderLines: [poLine({ qtyReceived: 70 })], vendorBillLines: [billLine({ priceUnit: 157.5 })] };
    for (const name of ['/', null]) {
      const found = mismatches(snapshot({ ...short, vendorBills: [bill({ state: 'draft', name })] }));
      for (const e of found) {
        expect(e.facts).toMatchObject({ billName: null, billState: 'draft' });
        expect(e.records.subject.name).toBe('draft bill INV-1001');
        expect(e.title).not.toMatch(/\/|false|null/);
      }
    }
    const draft = mismatches(snapshot({ ...short, vendorBills: [bill({ state: 'draft', name: '/' })] }));
    const posted = mismatches(snapshot({ ...short, vendorBills: [bill({ state: 'posted', name: 'BILL/2026/11/0001' })] }));
    const price = (es: ProcurementException[]) => es.find((e) => e.type === 'bill-price-mismatch')!;
    // Same quantities, prices and severity: only what the card shows changed, and the fingerprint says so.
    expect(price(posted).severity).toBe(price(draft).severity);
    expect(price(posted).fingerprint).not.toBe(price(draft).fingerprint);
    // The clock alone changes nothing.
    const later = detectInvoiceMismatches(snapshot({ ...short, vendorBills: [bill({ state: 'draft', name: '/' })] }), thresholds({}), at('2026-12-20T09:00:00Z'));
    expect(price(later).fingerprint).toBe(price(draft).fingerprint);
  });

  it('does not flag over-received lines billed for what was received', () => {
    expect(mismatches(snapshot({ purchaseOrderLines: [poLine({ quantity: 80, qtyReceived: 86 })], vendorBillLines: [billLine({ quantity: 86 })] }))).toEqual([]);
    const [e] = mismatches(snapshot({ purchaseOrderLines: [poLine({ quantity: 80, qtyReceived: 86 })], vendorBillLines: [billLine({ quantity: 90 })] }));
    expect(e?.type).toBe('bill-over-received');
  });

  it('separates billed with nothing received from billed more than received', () => {
    const s = snapshot({
      purchaseOrderLines: [poLine({ id: 100, qtyReceived: 0 }), poLine({ id: 101, qtyReceived: 10 })],
      vendorBillLines: [billLine({ id: 900 }), billLine({ id: 901, purchaseLine: { id: 101, name: 'x' }, quantity: 20 })],
    });
    const found = mismatches(s);
    expect(found.map((e) => e.key).sort()).toEqual(['bill-nothing-received:account.move:300', 'bill-over-received:account.move:300']);
    const nothing = found.find((e) => e.type === 'bill-nothing-received');
    expect(nothing?.title).toBe('BILL/2026/11/0001 (Acme Janitorial, P00042): billed 1 line with nothing received');
    expect(nothing?.type === 'bill-nothing-received' && nothing.facts.lines.map((l) => l.billLineId)).toEqual([900]);
  });

  describe('quantity tolerance, at the boundary', () => {
    const at70 = (qty: number, raw: unknown) => mismatches(snapshot({ purchaseOrderLines: [poLine({ qtyReceived: 70 })], vendorBillLines: [billLine({ quantity: qty })] }), raw);
    it.each([
      ['absolute: 2 units over with 2 tolerated', 72, { invoice_match: { quantity_tolerance: { absolute: 2 } } }, 0],
      ['absolute: 2.5 units over with 2 tolerated', 72.5, { invoice_match: { quantity_tolerance: { absolute: 2 } } }, 1],
      ['percent: 10 % of 70 = 7 over', 77, { invoice_match: { quantity_tolerance: { percent: 10 } } }, 0],
      ['percent: 8 over is beyond 10 %', 78, { invoice_match: { quantity_tolerance: { percent: 10 } } }, 1],
      ['none by default: 0.001 over', 70.001, {}, 1],
    ])('%s', (_label, qty, raw, count) => {
      expect(at70(qty, raw)).toHaveLength(count);
    });
  });

  describe('price tolerance, per bill currency, at the boundary', () => {
    const priced = (price: number, raw: unknown = {}) => mismatches(snapshot({ vendorBillLines: [billLine({ priceUnit: price })] }), raw);
    it.each([
      ['2 % over is tolerated (default)', 153, 0],
      ['2.01 % over is not', 153.02, 1],
      ['2 % under is tolerated', 147, 0],
      ['more than 2 % under is not', 146.99, 1],
    ])('%s', (_label, price, count) => {
      expect(priced(price)).toHaveLength(count);
    });

    it('tolerates a difference worth less than `absolute` on the whole line, that the percentage would flag', () => {
      const cheap = (price: number, quantity = 80) =>
        mismatches(snapshot({ purchaseOrderLines: [poLine({ priceUnit: 0.3, quantity, qtyReceived: quantity })], vendorBillLines: [billLine({ priceUnit: price, quantity })] }));
      expect(cheap(0.31)).toEqual([]); // 3.3 % but 0.80 on the line
      expect(cheap(0.3125)).toEqual([]); // 4.2 %, but exactly 1.00 on the line: at the boundary, tolerated
      expect(cheap(0.3126)).toHaveLength(1); // 1.008 on the line
      expect(cheap(0.32)).toHaveLength(1); // 1.60 on the line
      // A cent on a cheap item billed 31,500 times is 315: not hidden by a per-unit tolerance.
      expect(cheap(0.31, 31_500)).toHaveLength(1);
    });

    it('grades critical from critical_price_percent', () => {
      expect(priced(165)[0]?.severity).toBe('critical');
      expect(priced(164.99)[0]?.severity).toBe('warning');
      expect(priced(165)[0]?.severityRule).toBe('critical: price off by 10% (critical from 10%)');
    });

    it('compares an EUR bill on an EUR PO in EUR, with the EUR tolerance', () => {
      const eu = snapshot({
        purchaseOrders: [po({ company: EU_CO, currency: EUR, warehouse: ROTTERDAM })],
        vendorBills: [bill({ currency: EUR })],
        vendorBillLines: [billLine({ priceUnit: 154 })], // 2.67 % over
      });
      const raw = { invoice_match: { price_tolerance: { EUR: { percent: 3 } } } };
      expect(mismatches(eu, raw)).toEqual([]);
      const [e] = mismatches(eu);
      expect(e).toMatchObject({ type: 'bill-price-mismatch', owner: { kind: 'finance', companyId: 2 } });
      expect(e?.type === 'bill-price-mismatch' && e.facts).toMatchObject({
        comparedIn: 'EUR', note: null, lines: [{ billPrice: { amount: 154, currency: 'EUR' }, poPrice: { amount: 150, currency: 'EUR' }, priceDifference: 4 }],
      });
      // The USD tolerance does not apply to an EUR bill.
      expect(mismatches(eu, { invoice_match: { price_tolerance: { USD: { percent: 3 } } } })).toHaveLength(1);
    });

    it('does not compare prices of a bill in another currency than its PO, and says so', () => {
      const [e, ...rest] = mismatches(snapshot({ vendorBills: [bill({ currency: EUR })], vendorBillLines: [billLine({ priceUnit: 150 })] }));
      expect(rest).toEqual([]);
      expect(e).toMatchObject({ type: 'bill-price-mismatch', severity: 'warning', severityRule: "warning: billed in EUR, not the PO's currency (prices not compared)" });
      expect(e?.type === 'bill-price-mismatch' && e.facts).toMatchObject({ note: 'bill in EUR, PO in USD: prices not compared', lines: [{ priceDifference: null }] });
    });
  });

  it('adds up billing of the same PO line over several bills and blames the latest one', () => {
    const s = snapshot({
      purchaseOrderLines: [poLine({ qtyReceived: 70 })],
      vendorBills: [bill({ id: 300 }), bill({ id: 301, name: 'BILL/2026/11/0002', ref: 'INV-1002' })],
      vendorBillLines: [billLine({ id: 900, quantity: 50 }), billLine({ id: 901, bill: { id: 301, name: 'BILL/2026/11/0002' }, quantity: 30 })],
    });
    const found = mismatches(s);
    expect(found.map((e) => e.key)).toEqual(['bill-over-received:account.move:301']);
    expect(found[0]?.type === 'bill-over-received' && found[0].facts.lines[0]).toMatchObject({ billedQuantity: 30, billedOnOtherBills: 50, receivedQuantity: 70 });
    // A cancelled earlier bill does not count.
    const cancelled = { ...s, vendorBills: [bill({ id: 300, state: 'cancel' }), bill({ id: 301, ref: 'INV-1002' })] };
    expect(mismatches(cancelled)).toEqual([]);
  });
});

describe('tolerances', () => {
  it('quantities: within absolute units or percent of the received quantity', () => {
    expect(withinTolerance(2, 70, { percent: 0, absolute: 2 })).toBe(true);
    expect(withinTolerance(7, 70, { percent: 10, absolute: 0 })).toBe(true);
    expect(withinTolerance(7.01, 70, { percent: 10, absolute: 7 })).toBe(false);
    expect(withinTolerance(1, 0, { percent: 100, absolute: 0 })).toBe(false);
  });

  it('prices: within percent of the PO price, or absolute on the whole line', () => {
    expect(withinPriceTolerance(3, 150, 80, { percent: 2, absolute: 1 })).toBe(true);
    expect(withinPriceTolerance(-0.01, 0.3, 100, { percent: 2, absolute: 1 })).toBe(true);
    expect(withinPriceTolerance(-0.01, 0.3, 101, { percent: 2, absolute: 1 })).toBe(false);
    expect(withinPriceTolerance(0.01, 0, 1000, { percent: 100, absolute: 0 })).toBe(false);
  });
});

describe('detectDuplicateBillRefs', () => {
  it('normalizes case and spaces only', () => {
    expect(normalizeVendorRef(' Inv 1001 ')).toBe('inv1001');
    expect(normalizeVendorRef('INV-1001')).not.toBe(normalizeVendorRef('INV1001'));
  });

  it('flags the later bill of the same vendor with the same reference, naming the original', () => {
    const s = snapshot({
      vendorBills: [bill({ id: 300, ref: 'INV-1001' }), bill({ id: 305, ref: ' inv-1001', state: 'draft', name: '/' })],
      vendorBillLines: [billLine({ id: 900 }), billLine({ id: 905, bill: { id: 305, name: '/' } })],
    });
    const found = detectDuplicateBillRefs(s, thresholds(), NOW);
    expect(found.map((e) => e.key)).toEqual(['bill-duplicate-ref:account.move:305']);
    const [e] = found;
    expect(e).toMatchObject({ severity: 'warning', owner: { kind: 'finance', companyId: 1 }, records: { related: [{ model: 'account.move', id: 300 }] } });
    expect(e?.type === 'bill-duplicate-ref' && e.facts).toMatchObject({ normalizedRef: 'inv-1001', original: { id: 300, name: 'BILL/2026/11/0001', state: 'posted' } });
    // The duplicate's quantities are not a second over-billing of the PO line.
    expect(detectAll(s, thresholds(), NOW).exceptions.map((x) => x.key)).toEqual(['bill-duplicate-ref:account.move:305']);
  });

  it('is critical when both are posted; ignores other vendors, cancelled bills and empty refs', () => {
    const other = { id: 51, name: 'Other Vendor' };
    const bills = [
      bill({ id: 300, ref: 'A 1' }), bill({ id: 301, ref: 'a1' }),
      bill({ id: 302, ref: 'B1' }), bill({ id: 303, ref: 'b1', partner: other }),
      bill({ id: 304, ref: 'C1' }), bill({ id: 305, ref: 'C1', state: 'cancel' }),
      bill({ id: 306, ref: null }), bill({ id: 307, ref: null }), bill({ id: 308, ref: ' ' }), bill({ id: 309, ref: '' }),
    ];
    const found = detectDuplicateBillRefs({ vendorBills: bills }, thresholds(), NOW);
    expect(found.map((e) => [e.key, e.severity])).toEqual([['bill-duplicate-ref:account.move:301', 'critical']]);
  });
});

describe('detectBillsWithoutPo', () => {
  it('flags a bill with no PO line on any line and no origin; info while draft, warning posted', () => {
    const lone = bill({ id: 310, invoiceOrigin: null, currency: EUR });
    const lines = [billLine({ id: 910, bill: { id: 310, name: 'x' }, purchaseLine: null })];
    const [e] = detectBillsWithoutPo({ vendorBills: [lone], vendorBillLines: lines, companies }, thresholds(), NOW);
    expect(e).toMatchObject({ key: 'bill-without-po:account.move:310', severity: 'warning', owner: { kind: 'finance', companyId: 2 } });
    expect(e?.title).toBe('BILL/2026/11/0001 from Acme Janitorial (€12,000.00) has no purchase order');
    expect(detectBillsWithoutPo({ vendorBills: [{ ...lone, state: 'draft' }], vendorBillLines: lines }, thresholds(), NOW)[0]?.severity).toBe('info');
    expect(detectBillsWithoutPo({ vendorBills: [{ ...lone, state: 'cancel' }], vendorBillLines: lines }, thresholds(), NOW)).toEqual([]);
  });

  it('does not flag a bill with an origin or with one linked line', () => {
    expect(detectBillsWithoutPo({ vendorBills: [bill({ invoiceOrigin: 'P00042' })], vendorBillLines: [billLine({ purchaseLine: null })] }, thresholds(), NOW)).toEqual([]);
    expect(detectBillsWithoutPo({ vendorBills: [bill({ invoiceOrigin: null })], vendorBillLines: [billLine(), billLine({ id: 901, purchaseLine: null })] }, thresholds(), NOW)).toEqual([]);
  });

  it('leaves the company open when no PO and no single company tells it', () => {
    const [e] = detectBillsWithoutPo({ vendorBills: [bill({ invoiceOrigin: null, partner: ACME })], vendorBillLines: [] }, thresholds(), NOW);
    expect(e?.owner).toEqual({ kind: 'finance', companyId: null });
  });
});
