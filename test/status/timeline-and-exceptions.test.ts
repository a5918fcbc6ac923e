import { describe, expect, it } from 'vitest';
import { dayIn } from '../../src/status/day-format.ts';
import { billMismatches, describeException, lateReceipts, openExceptions } from '../../src/status/open-exceptions.ts';
import { buildTimeline } from '../../src/status/timeline.ts';
import { at, bill, billLine, line, message, po, receipt, records } from './fixtures.ts';

const NOW = at('2026-11-24T16:00:00Z');

describe('buildTimeline', () => {
  it('tells the life of a PO from its records, oldest first', () => {
    const first = receipt({ state: 'done', dateDone: at('2026-11-21T15:00:00Z') });
    const backorder = receipt({ id: 101, name: 'WH/IN/00101', state: 'done', dateDone: at('2026-11-23T15:00:00Z'), backorderOf: { id: 100, name: 'WH/IN/00100' } });
    const timeline = buildTimeline(records({
      order: po({ state: 'done', receiptStatus: 'full', invoiceIds: [300] }),
      receipts: [backorder, first],
      bills: [bill({ paymentState: 'paid', writeDate: at('2026-11-26T10:00:00Z') })],
      messages: [
        message({ subtype: { id: 10, name: 'RFQ Sent' }, date: at('2026-11-09T18:00:00Z') }),
        message({ id: 501, messageType: 'email', author: { id: 50, name: 'Acme Janitorial' }, subject: 'Re: P00042 delivery', date: at('2026-11-12T09:00:00Z') }),
      ],
    }));
    expect(timeline.map((t) => t.label)).toEqual([
      'Created',
      'Sent to the vendor',
      'Approved',
      'Vendor confirmed the receipt date',
      'Vendor email: Re: P00042 delivery',
      'Received partially (WH/IN/00100, Joliet DC)',
      'Received in full (WH/IN/00101, Joliet DC)',
      'Billed: BILL/2026/11/0003',
      'Paid: BILL/2026/11/0003',
    ]);
    expect(timeline.find((t) => t.label.startsWith('Billed'))?.day).toBe('2026-11-24');
    expect(timeline.find((t) => t.label.startsWith('Vendor confirmed'))?.dated).toBe(false);
  });

  it('shows a waiting PO as submitted, and a cancelled one as cancelled', () => {
    const submitted = message({ subtype: { id: 7, name: 'RFQ Confirmed' }, date: at('2026-11-23T15:00:00Z') });
    expect(buildTimeline(records({ order: po({ state: 'to approve', dateApprove: null, receptionConfirmed: false }), messages: [submitted] })).map((t) => t.label)).toEqual(['Created', 'Submitted for approval']);
    expect(buildTimeline(records({ order: po({ state: 'cancel', dateApprove: null, writeDate: at('2026-11-20T10:00:00Z') }) })).map((t) => t.label)).toEqual(['Created', 'Cancelled']);
  });
});

describe('open exceptions from the records', () => {
  it('a late receipt: not done, scheduled date passed', () => {
    const late = lateReceipts([receipt({ scheduledDate: at('2026-11-20T15:00:00Z') }), receipt({ id: 2, state: 'done', scheduledDate: at('2026-11-01T00:00:00Z') }), receipt({ id: 3, scheduledDate: at('2026-12-01T00:00:00Z') })], NOW);
    expect(late).toHaveLength(1);
    expect(describeException(late[0]!, dayIn('America/Chicago'))).toBe('Receipt WH/IN/00100 at Joliet DC is late by 4 days (scheduled 2026-11-20)');
  });

  it('billed more than received, and a price more than 2% off the PO', () => {
    const found = billMismatches([line({ qtyReceived: 70 })], [bill()], [billLine({ quantity: 80, priceUnit: 157.5 })]);
    expect(found).toEqual([
      { kind: 'bill_quantity', bill: 'BILL/2026/11/0003', product: '[AJ-MH24] Mop head', billed: 80, received: 70 },
      { kind: 'bill_price', bill: 'BILL/2026/11/0003', product: '[AJ-MH24] Mop head', billPrice: 157.5, poPrice: 150, percent: 5 },
    ]);
  });

  it('tolerates 2%, and forgets mismatches of paid or cancelled bills', () => {
    expect(billMismatches([line({ qtyReceived: 80 })], [bill()], [billLine({ priceUnit: 153 })])).toEqual([]);
    expect(billMismatches([line({ qtyReceived: 70 })], [bill({ paymentState: 'paid' })], [billLine({ priceUnit: 200 })])).toEqual([]);
    expect(billMismatches([line({ qtyReceived: 0 })], [bill({ state: 'cancel' })], [billLine()])).toEqual([]);
    expect(openExceptions(records(), NOW)).toEqual([]);
  });
});
