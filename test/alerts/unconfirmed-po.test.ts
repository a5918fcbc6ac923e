import { describe, expect, it } from 'vitest';
import { detectUnconfirmedOrders } from '../../src/alerts/detectors/unconfirmed-po.ts';
import { at, po, thresholds } from './fixtures.ts';

const NOW = at('2026-11-26T23:00:00Z');
const scan = (over: Parameters<typeof po>[0], raw: unknown = {}) => detectUnconfirmedOrders({ purchaseOrders: [po(over)] }, thresholds(raw), NOW);

describe('detectUnconfirmedOrders', () => {
  it('raises a PO confirmed N days ago that the vendor has not confirmed, for its buyer', () => {
    const [e, ...rest] = scan({ receptionConfirmed: false, dateApprove: at('2026-11-23T20:00:00Z'), amountTotal: 5400 });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      key: 'unconfirmed-po:purchase.order:42', type: 'unconfirmed-po', severity: 'warning',
      owner: { kind: 'buyer', odooUserId: 7 }, title: 'P00042: Acme Janitorial has not confirmed the order (confirmed 3 days ago)',
    });
    expect(e?.type === 'unconfirmed-po' && e.facts).toMatchObject({ since: '2026-11-23T20:00:00Z', daysWaiting: 3, amount: { amount: 5400, currency: 'USD' } });
  });

  it('waits exactly after_days (boundary included) and turns critical', () => {
    expect(scan({ receptionConfirmed: false, dateApprove: at('2026-11-24T23:00:01Z') })).toEqual([]);
    expect(scan({ receptionConfirmed: false, dateApprove: at('2026-11-24T23:00:00Z') })).toHaveLength(1);
    expect(scan({ receptionConfirmed: false, dateApprove: at('2026-11-19T23:00:00Z') })[0]?.severity).toBe('critical');
    expect(scan({ receptionConfirmed: false, dateApprove: at('2026-11-25T23:00:00Z') }, { unconfirmed_po: { after_days: 1 } })).toHaveLength(1);
  });

  it.each([
    ['the vendor confirmed', { receptionConfirmed: true }],
    ['the field does not exist on that Odoo (null)', { receptionConfirmed: null }],
    ['goods already arrived', { receptionConfirmed: false, receiptStatus: 'full' as const }],
    ['part of the goods arrived', { receptionConfirmed: false, receiptStatus: 'partial' as const }],
    ['it is locked (done)', { receptionConfirmed: false, state: 'done' as const }],
    ['it is cancelled', { receptionConfirmed: false, state: 'cancel' as const }],
    ['it has no confirmation date', { receptionConfirmed: false, dateApprove: null }],
  ])('skips a PO when %s', (_label, over) => {
    expect(scan(over)).toEqual([]);
  });

  it('raises an RFQ sent N days ago with no answer, and not a draft RFQ', () => {
    const [e] = scan({ state: 'sent', dateApprove: null, receptionConfirmed: false, dateOrder: at('2026-11-20T15:00:00Z') });
    expect(e).toMatchObject({ key: 'rfq-unanswered:purchase.order:42', type: 'rfq-unanswered', severity: 'warning' });
    expect(e?.title).toBe('RFQ P00042 to Acme Janitorial unanswered for 6 days');
    expect(scan({ state: 'sent', dateOrder: at('2026-11-24T15:00:00Z') })).toEqual([]);
    expect(scan({ state: 'draft', dateOrder: at('2026-11-01T15:00:00Z') })).toEqual([]);
    expect(scan({ state: 'sent', dateOrder: at('2026-11-10T15:00:00Z') })[0]?.severity).toBe('critical');
  });
});
