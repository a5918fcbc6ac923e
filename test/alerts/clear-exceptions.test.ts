import { describe, expect, it } from 'vitest';
import { clearedKeys, diffExceptions, keysOfTypes } from '../../src/alerts/clear-exceptions.ts';
import { detectAll } from '../../src/alerts/detect-all.ts';
import { exceptionKey, fingerprintOf, parseExceptionKey } from '../../src/alerts/exception.ts';
import { at, bill, billLine, po, poLine, receipt, thresholds } from './fixtures.ts';

const NOW = at('2026-11-26T23:00:00Z');

describe('exception keys and fingerprints', () => {
  it('keys are type:model:id and parse back', () => {
    const key = exceptionKey('late-receipt', 'stock.picking', 42);
    expect(key).toBe('late-receipt:stock.picking:42');
    expect(parseExceptionKey(key)).toEqual({ type: 'late-receipt', model: 'stock.picking', id: 42 });
    expect(parseExceptionKey('nope:stock.picking:42')).toBeNull();
    expect(parseExceptionKey('late-receipt:stock.picking:x')).toBeNull();
  });

  it('fingerprints ignore key order and undefined values', () => {
    expect(fingerprintOf({ a: 1, b: [at('2026-01-01T00:00:00Z')] })).toBe(fingerprintOf({ b: [at('2026-01-01T00:00:00Z')], a: 1, c: undefined }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
  });
});

describe('clearing between scans', () => {
  const lateScan = (state: 'assigned' | 'done') => detectAll({ receipts: [receipt({ state })], purchaseOrders: [po()] }, thresholds(), NOW).exceptions;

  it('a late receipt clears once received', () => {
    const before = lateScan('assigned').map((e) => e.key);
    expect(before).toEqual(['late-receipt:stock.picking:7']);
    expect(clearedKeys(before, lateScan('done'))).toEqual(['late-receipt:stock.picking:7']);
    expect(clearedKeys(before, lateScan('assigned'))).toEqual([]);
  });

  it('a bill mismatch clears once the bill is corrected; an unconfirmed PO once confirmed', () => {
    const scan = (price: number, confirmed: boolean) =>
      detectAll(
        {
          purchaseOrders: [po({ receptionConfirmed: confirmed, dateApprove: at('2026-11-20T15:00:00Z'), receiptStatus: 'pending' })],
          purchaseOrderLines: [poLine()],
          vendorBills: [bill()],
          vendorBillLines: [billLine({ priceUnit: price })],
        },
        thresholds(),
        NOW,
      ).exceptions;
    const before = scan(170, false).map((e) => e.key).sort();
    expect(before).toEqual(['bill-price-mismatch:account.move:300', 'unconfirmed-po:purchase.order:42']);
    expect(clearedKeys(before, scan(150, false))).toEqual(['bill-price-mismatch:account.move:300']);
    expect(clearedKeys(before, scan(150, true)).sort()).toEqual(before);
  });

  it('a partial scan only clears the types it covered', () => {
    const open = ['late-receipt:stock.picking:7', 'bill-price-mismatch:account.move:300'];
    expect(clearedKeys(open, [], keysOfTypes(['bill-price-mismatch', 'bill-over-received']))).toEqual(['bill-price-mismatch:account.move:300']);
  });

  it('diffExceptions sorts opened, changed (escalated or not), unchanged and cleared', () => {
    const day1 = detectAll({ receipts: [receipt({ scheduledDate: at('2026-11-26T12:00:00Z') }), receipt({ id: 8, name: 'WH/IN/00008' })] }, thresholds(), NOW).exceptions;
    const known = new Map(day1.map((e) => [e.key, { fingerprint: e.fingerprint, severity: e.severity }]));
    const later = at('2026-11-28T00:00:00Z');
    const day2 = detectAll({ receipts: [receipt({ scheduledDate: at('2026-11-26T12:00:00Z') }), receipt({ id: 9, name: 'WH/IN/00009' })] }, thresholds(), later).exceptions;
    const d = diffExceptions(known, day2);
    expect(d.opened.map((e) => e.key)).toEqual(['late-receipt:stock.picking:9']);
    expect(d.changed.map((c) => [c.exception.key, c.escalated])).toEqual([['late-receipt:stock.picking:7', true]]);
    expect(d.unchanged).toEqual([]);
    expect(d.cleared).toEqual(['late-receipt:stock.picking:8']);
    const same = diffExceptions(new Map(day2.map((e) => [e.key, { fingerprint: e.fingerprint, severity: e.severity }])), day2);
    expect(same.unchanged).toHaveLength(2);
  });
});
