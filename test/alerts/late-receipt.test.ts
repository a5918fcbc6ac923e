import { describe, expect, it } from 'vitest';
import { detectLateReceipts } from '../../src/alerts/detectors/late-receipt.ts';
import type { ProcurementException } from '../../src/alerts/exception.ts';
import { ROTTERDAM, at, po, receipt, thresholds, warehouses } from './fixtures.ts';

const NOW = at('2026-11-26T23:00:00Z');
const late = (exceptions: ProcurementException[]) => exceptions.filter((e) => e.type === 'late-receipt');

describe('detectLateReceipts', () => {
  it('raises an open receipt past its scheduled date, owned by its warehouse, with the facts to act', () => {
    const [e, ...rest] = detectLateReceipts({ receipts: [receipt()], purchaseOrders: [po()], warehouses }, thresholds(), NOW);
    expect(rest).toHaveLength(0);
    expect(e).toMatchObject({
      key: 'late-receipt:stock.picking:7',
      type: 'late-receipt',
      severity: 'critical',
      owner: { kind: 'warehouse', warehouseId: 1 },
      records: {
        subject: { model: 'stock.picking', id: 7, name: 'WH/IN/00007' },
        purchaseOrder: { model: 'purchase.order', id: 42, name: 'P00042' },
        company: { id: 1 },
        warehouse: { id: 1 },
        vendor: { id: 50 },
        buyer: { id: 7 },
      },
      detectedAt: NOW,
    });
    expect(e?.type === 'late-receipt' && e.facts).toMatchObject({
      receiptName: 'WH/IN/00007', poName: 'P00042', vendorName: 'Acme Janitorial', warehouseName: 'Joliet DC',
      scheduledDate: '2026-11-20T15:00:00Z', daysLate: 6, backorderOf: null,
    });
    expect(e?.severityRule).toBe('critical: 6 days late (critical from 5)');
    expect(e?.title).toBe('WH/IN/00007 (P00042) from Acme Janitorial is 6 days late');
  });

  it.each([
    ['done', { state: 'done' as const, dateDone: at('2026-11-25T10:00:00Z') }],
    ['cancelled', { state: 'cancel' as const }],
    ['not yet due', { scheduledDate: at('2026-11-27T15:00:00Z') }],
    ['due exactly now', { scheduledDate: NOW }],
    ['without a scheduled date', { scheduledDate: null }],
  ])('ignores a receipt %s', (_label, over) => {
    expect(detectLateReceipts({ receipts: [receipt(over)] }, thresholds(), NOW)).toEqual([]);
  });

  it('never raises a done picking, even validated after its scheduled date', () => {
    const r = receipt({ state: 'done', scheduledDate: at('2026-11-10T15:00:00Z'), dateDone: at('2026-11-25T10:00:00Z') });
    expect(detectLateReceipts({ receipts: [r] }, thresholds(), NOW)).toEqual([]);
  });

  it.each([
    ['waiting', 'waiting'], ['confirmed', 'confirmed'], ['draft', 'draft'], ['assigned', 'assigned'],
  ] as const)('raises a %s receipt', (_l, state) => {
    expect(detectLateReceipts({ receipts: [receipt({ state })] }, thresholds(), NOW)).toHaveLength(1);
  });

  it('grades severity by whole days late: info under a day, warning from 1, critical from 5', () => {
    const cases = [
      ['2026-11-26T20:00:00Z', 'info', 0],
      ['2026-11-25T23:00:00Z', 'warning', 1],
      ['2026-11-22T00:00:00Z', 'warning', 4],
      ['2026-11-21T23:00:00Z', 'critical', 5],
    ] as const;
    for (const [scheduled, severity, days] of cases) {
      const [e] = detectLateReceipts({ receipts: [receipt({ scheduledDate: at(scheduled) })] }, thresholds(), NOW);
      expect(e?.severity, scheduled).toBe(severity);
      expect(e?.type === 'late-receipt' && e.facts.daysLate, scheduled).toBe(days);
    }
    const [first] = detectLateReceipts({ receipts: [receipt({ scheduledDate: at('2026-11-26T20:00:00Z') })] }, thresholds(), NOW);
    expect(first?.title).toMatch(/is 3 h late$/);
  });

  it('waits for the grace hours of the warehouse, matched by code, name or id', () => {
    const scheduled = at('2026-11-26T15:00:00Z'); // 8 hours before NOW
    const r = receipt({ scheduledDate: scheduled });
    expect(detectLateReceipts({ receipts: [r], warehouses }, thresholds({ late_receipt: { grace_hours: 10 } }), NOW)).toHaveLength(0);
    expect(detectLateReceipts({ receipts: [r], warehouses }, thresholds({ late_receipt: { grace_hours: 10, warehouses: { wh: { grace_hours: 4 } } } }), NOW)).toHaveLength(1);
    expect(detectLateReceipts({ receipts: [r], warehouses }, thresholds({ late_receipt: { warehouses: { 'Joliet DC': { grace_hours: 8 } } } }), NOW)).toHaveLength(0);
    expect(detectLateReceipts({ receipts: [r], warehouses }, thresholds({ late_receipt: { warehouses: { 1: { grace_hours: 7.9 } } } }), NOW)).toHaveLength(1);
    // Another warehouse's override does not apply.
    expect(detectLateReceipts({ receipts: [r], warehouses }, thresholds({ late_receipt: { warehouses: { RTM: { grace_hours: 24 } } } }), NOW)).toHaveLength(1);
  });

  describe('time zones', () => {
    // 00:30 UTC on Nov 27 is 18:30 on Nov 26 in Chicago and 01:30 on Nov 27 in Rotterdam.
    const scheduled = at('2026-11-27T00:30:00Z');
    const now = at('2026-11-27T01:00:00Z');

    it('is late by the instant, whatever the zone: 30 minutes after a just-past-midnight UTC schedule', () => {
      const [e] = detectLateReceipts({ receipts: [receipt({ scheduledDate: scheduled })] }, thresholds(), now);
      expect(e?.type === 'late-receipt' && e.facts).toMatchObject({ hoursLate: 0.5, daysLate: 0 });
      expect(e?.severity).toBe('info');
      expect(e?.title).toBe('WH/IN/00007 (P00042) from Acme Janitorial is 30 min late');
    });

    it('shows the scheduled day as the warehouse sees it: the previous day in Chicago, the same day in Rotterdam', () => {
      const t = thresholds({ late_receipt: { warehouses: { RTM: { timezone: 'Europe/Amsterdam' } } } });
      const [joliet] = detectLateReceipts({ receipts: [receipt({ scheduledDate: scheduled })], warehouses }, t, now);
      const [rtm] = detectLateReceipts({ receipts: [receipt({ scheduledDate: scheduled, warehouse: ROTTERDAM })], warehouses }, t, now);
      expect(joliet?.type === 'late-receipt' && joliet.facts).toMatchObject({ scheduledLocalDate: '2026-11-26', timeZone: 'America/Chicago' });
      expect(rtm?.type === 'late-receipt' && rtm.facts).toMatchObject({ scheduledLocalDate: '2026-11-27', timeZone: 'Europe/Amsterdam' });
    });

    it('is not late a minute before a schedule that is still "today" locally', () => {
      expect(detectLateReceipts({ receipts: [receipt({ scheduledDate: scheduled })] }, thresholds(), at('2026-11-27T00:29:00Z'))).toEqual([]);
    });
  });

  describe('partial receipts and backorders', () => {
    const original = receipt({ id: 7, name: 'WH/IN/00007', state: 'done', dateDone: at('2026-11-20T18:00:00Z') });
    const backorder = receipt({ id: 8, name: 'WH/IN/00008', scheduledDate: at('2026-11-24T15:00:00Z'), backorderOf: { id: 7, name: 'WH/IN/00007' } });

    it('raises the overdue backorder as its own exception naming the original, not the done original', () => {
      const found = late(detectLateReceipts({ receipts: [original, backorder], purchaseOrders: [po({ receiptStatus: 'partial' })] }, thresholds(), NOW));
      expect(found.map((e) => e.key)).toEqual(['late-receipt:stock.picking:8']);
      const [e] = found;
      expect(e?.type === 'late-receipt' && e.facts.backorderOf).toEqual({ id: 7, name: 'WH/IN/00007' });
      expect(e?.records.related).toEqual([{ model: 'stock.picking', id: 7, name: 'WH/IN/00007' }]);
      expect(e?.title).toBe('WH/IN/00008 (P00042) from Acme Janitorial is 2 days late: backorder of WH/IN/00007');
    });

    it('does not raise a backorder scheduled in the future', () => {
      const future = { ...backorder, scheduledDate: at('2026-12-01T15:00:00Z') };
      expect(detectLateReceipts({ receipts: [original, future] }, thresholds(), NOW)).toEqual([]);
    });

    it('keeps both keys apart when the original and its backorder are both open and late', () => {
      const openOriginal = { ...original, state: 'assigned' as const, dateDone: null };
      const keys = detectLateReceipts({ receipts: [openOriginal, backorder] }, thresholds(), NOW).map((e) => e.key);
      expect(keys).toEqual(['late-receipt:stock.picking:7', 'late-receipt:stock.picking:8']);
    });
  });

  it('falls back to the buyer when the picking type has no warehouse', () => {
    const [e] = detectLateReceipts({ receipts: [receipt({ warehouse: null })], purchaseOrders: [po()] }, thresholds(), NOW);
    expect(e?.owner).toEqual({ kind: 'buyer', odooUserId: 7 });
  });

  it('keeps key and fingerprint across scans while only the clock moves; a new date changes the fingerprint', () => {
    const scan = (r = receipt(), now = NOW) => detectLateReceipts({ receipts: [r] }, thresholds(), now)[0];
    const a = scan();
    const b = scan(receipt(), at('2026-11-26T23:30:00Z'));
    expect(b?.key).toBe(a?.key);
    expect(b?.fingerprint).toBe(a?.fingerprint);
    expect(scan(receipt({ scheduledDate: at('2026-11-25T15:00:00Z') }))?.fingerprint).not.toBe(a?.fingerprint);
    // Severity up (warning -> critical) is a material change too.
    const warn = scan(receipt({ scheduledDate: at('2026-11-22T15:00:00Z') }), at('2026-11-26T14:00:00Z'));
    const crit = scan(receipt({ scheduledDate: at('2026-11-22T15:00:00Z') }), at('2026-11-27T16:00:00Z'));
    expect([warn?.severity, crit?.severity]).toEqual(['warning', 'critical']);
    expect(crit?.fingerprint).not.toBe(warn?.fingerprint);
  });
});
