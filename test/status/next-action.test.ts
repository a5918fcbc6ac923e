import { describe, expect, it } from 'vitest';
import { nextAction } from '../../src/status/next-action.ts';
import { at, bill, billLine, line, message, nextDeps, pending, po, receipt, records } from './fixtures.ts';

// Tuesday 2026-11-24, 10:00 in Chicago (the policy's calendar: Mon-Fri 08:00-18:00).
const NOW = at('2026-11-24T16:00:00Z');
const deps = nextDeps();

describe('nextAction: who owns the next step, and since when', () => {
  it('draft: the buyer has to send or confirm the RFQ', () => {
    const next = nextAction(records({ order: po({ state: 'draft', dateApprove: null }) }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'buyer', who: 'Megan Holt', since: at('2026-11-09T15:00:00Z'), waited: '15 days' });
  });

  it('sent: the vendor owes a quote, since the RFQ Sent notification', () => {
    const sent = message({ subtype: { id: 10, name: 'RFQ Sent' }, date: at('2026-11-20T15:00:00Z') });
    const next = nextAction(records({ order: po({ state: 'sent', dateApprove: null }), messages: [sent] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'vendor', who: 'Acme Janitorial', since: sent.date, waited: '4 days' });
  });

  it('to approve with a request: the approvers asked who can approve the amount, in business hours', () => {
    const next = nextAction(records({ order: po({ state: 'to approve', dateApprove: null }) }), pending(), NOW, deps);
    // Avery Quinn's limit is 20,000 and the PO is 12,000: all three are asked (the buyer is refused at the click).
    expect(next.owner).toBe('approvers');
    expect(next.who).toBe('Avery Quinn or Daniel Okafor or Megan Holt');
    expect(next.waited).toBe('11 business hours');
    expect(next.what).toContain('rule us-approvals');
    expect(next.since).toEqual(at('2026-11-23T15:00:00Z'));
  });

  it('to approve over an approver limit: that approver is not named', () => {
    const big = pending({ subject: { ...pending().subject, amount: 30_000 } });
    expect(nextAction(records({ order: po({ state: 'to approve' }) }), big, NOW, deps).who).toBe('Daniel Okafor or Megan Holt');
  });

  it('to approve without a request: waiting in Odoo since it was submitted', () => {
    const submitted = message({ subtype: { id: 7, name: 'RFQ Confirmed' }, date: at('2026-11-23T15:00:00Z') });
    const next = nextAction(records({ order: po({ state: 'to approve', dateApprove: null }), messages: [submitted] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'approvers', who: null, since: submitted.date, waited: '11 business hours' });
    expect(next.what).toMatch(/^Waiting for approval in Odoo since 2026-11-23/);
  });

  it('to approve, decided in chat and being written', () => {
    const decided = pending({ status: 'decided', writeback: { state: 'retrying', attempt: 2, reason: 'Odoo timeout' }, decision: { id: 'd', action: 'approve', actor: { platform: 'slack', userId: 'U1', displayName: 'Avery Quinn' }, odooUserId: 3, odooLogin: 'approver@x', reason: null, version: 'v1', at: '2026-11-24T15:30:00.000Z', channel: 'C1' } });
    const next = nextAction(records({ order: po({ state: 'to approve' }) }), decided, NOW, deps);
    expect(next.what).toBe('Approved by Avery Quinn in chat; writing it to Odoo is being retried (Odoo timeout)');
  });

  it('confirmed but the vendor never confirmed the date', () => {
    const next = nextAction(records({ order: po({ receptionConfirmed: false }), receipts: [receipt({ scheduledDate: at('2026-11-30T15:00:00Z') })] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'vendor', since: at('2026-11-10T16:00:00Z'), waited: '14 days' });
    expect(next.what).toBe('Vendor confirmation missing: confirmed 14 days ago and Acme Janitorial has not confirmed the receipt date');
  });

  it('receipt due on a date at a warehouse', () => {
    const next = nextAction(records({ receipts: [receipt({ scheduledDate: at('2026-11-30T15:00:00Z') })] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'vendor', what: 'Receipt WH/IN/00100 due on 2026-11-30 at Joliet DC' });
  });

  it('late receipt: late by N days at the warehouse, since the scheduled date', () => {
    const next = nextAction(records({ order: po({ receptionConfirmed: false }), receipts: [receipt({ scheduledDate: at('2026-11-20T15:00:00Z') })] }), null, NOW, deps);
    expect(next.owner).toBe('vendor');
    expect(next.what).toBe('Receipt WH/IN/00100 late by 4 days at Joliet DC (scheduled 2026-11-20): Acme Janitorial has not delivered and never confirmed the date');
    expect(next.since).toEqual(at('2026-11-20T15:00:00Z'));
  });

  it('partial receipt with a backorder still to come', () => {
    const first = receipt({ state: 'done', dateDone: at('2026-11-21T15:00:00Z') });
    const backorder = receipt({ id: 101, name: 'WH/IN/00101', backorderOf: { id: 100, name: 'WH/IN/00100' }, scheduledDate: at('2026-11-28T15:00:00Z') });
    const next = nextAction(records({ order: po({ receiptStatus: 'partial' }), lines: [line({ qtyReceived: 40 })], receipts: [first, backorder] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'vendor', since: at('2026-11-21T15:00:00Z') });
    expect(next.what).toBe('Partially received on 2026-11-21; backorder WH/IN/00101 due on 2026-11-28 at Joliet DC');
  });

  it('bill mismatch: finance holds it, whatever else is open', () => {
    const done = receipt({ state: 'done', dateDone: at('2026-11-21T15:00:00Z') });
    const next = nextAction(
      records({ order: po({ receiptStatus: 'full', invoiceStatus: 'invoiced', invoiceIds: [300] }), lines: [line({ qtyReceived: 70, qtyInvoiced: 80 })], receipts: [done], bills: [bill()], billLines: [billLine({ quantity: 80, priceUnit: 157.5 })] }),
      null, NOW, deps,
    );
    expect(next.owner).toBe('finance');
    expect(next.what).toBe('Bill mismatch with finance: BILL/2026/11/0003 bills 80 of [AJ-MH24] Mop head, 70 received');
    expect(next.since).toEqual(at('2026-11-24T12:00:00Z'));
  });

  it('everything received and no bill: awaiting the vendor\'s bill', () => {
    const done = receipt({ state: 'done', dateDone: at('2026-11-21T15:00:00Z') });
    const next = nextAction(records({ order: po({ receiptStatus: 'full', invoiceStatus: 'to invoice' }), lines: [line({ qtyReceived: 80 })], receipts: [done] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'vendor', what: "Awaiting Acme Janitorial's bill (received 2026-11-21)", waited: '3 days' });
  });

  it('billed, matching, not paid: finance pays', () => {
    const done = receipt({ state: 'done', dateDone: at('2026-11-21T15:00:00Z') });
    const next = nextAction(records({ order: po({ receiptStatus: 'full', invoiceStatus: 'invoiced', invoiceIds: [300] }), lines: [line({ qtyReceived: 80, qtyInvoiced: 80 })], receipts: [done], bills: [bill()], billLines: [billLine()] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'finance', what: 'Bill BILL/2026/11/0003 to pay, due 2026-12-24' });
  });

  it('paid: nothing left to do', () => {
    const done = receipt({ state: 'done', dateDone: at('2026-11-21T15:00:00Z') });
    const next = nextAction(records({ order: po({ state: 'done', receiptStatus: 'full', invoiceStatus: 'invoiced', invoiceIds: [300] }), lines: [line({ qtyReceived: 80, qtyInvoiced: 80 })], receipts: [done], bills: [bill({ paymentState: 'paid' })], billLines: [billLine()] }), null, NOW, deps);
    expect(next).toMatchObject({ owner: 'nobody', what: 'Received and paid: nothing left to do' });
  });

  it('cancelled: nothing to do', () => {
    expect(nextAction(records({ order: po({ state: 'cancel' }) }), null, NOW, deps)).toMatchObject({ owner: 'nobody', what: 'Cancelled: nothing left to do' });
  });
});
