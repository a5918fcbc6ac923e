import { describe, expect, it } from 'vitest';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import { exceptionEvents } from '../../src/events/exception-events.ts';
import { triageEvents } from '../../src/events/triage-events.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';

const po = { model: 'purchase.order' as const, id: 42, name: 'P00042' };
function tracked(over: Partial<TrackedException>): TrackedException {
  return {
    key: 'late-receipt:stock.picking:9', type: 'late-receipt', status: 'open', fingerprint: 'f', severity: 'warning',
    firstSeenAt: '2026-12-01T08:00:00.000Z', lastSeenAt: '2026-12-01T08:00:00.000Z', channels: ['#receiving'], routedOwner: null,
    acknowledged: null, owner: null, snoozedUntil: null, snoozedBy: null, realertDue: null, escalatedAt: null, clearedAt: null, clearedReason: null,
    messages: [], posts: 1, revision: 1,
    exception: { title: 'WH/IN/00009 is 3 days late', records: { subject: { model: 'stock.picking', id: 9, name: 'WH/IN/00009' }, purchaseOrder: po, company: null, warehouse: { model: 'stock.warehouse', id: 1, name: 'Joliet DC' }, vendor: { model: 'res.partner', id: 5, name: 'Sunvale' }, buyer: null, related: [] } } as unknown as TrackedException['exception'],
    ...over,
  };
}
const wes = { chat: { platform: 'slack' as const, userId: 'U0WES', displayName: 'Wes Warehouse' }, odooUserId: 7, odooLogin: 'warehouse@x.example', at: '2026-12-01T09:00:00.000Z' };

describe('exception events follow the stored lifecycle', () => {
  it('opens on the first detection, with the PO, vendor and warehouse', () => {
    const [e, ...rest] = exceptionEvents(null, tracked({}));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ type: 'exception.opened', subject: { model: 'stock.picking', id: 9 }, data: { exception_type: 'late-receipt', purchase_order: { id: 42, name: 'P00042' }, vendor: 'Sunvale', warehouse: 'Joliet DC' } });
  });
  it('says nothing for a change that is not a transition (a re-scan, a snooze)', () => {
    expect(exceptionEvents(tracked({}), tracked({ revision: 2, lastSeenAt: '2026-12-02T08:00:00.000Z' }))).toEqual([]);
    expect(exceptionEvents(tracked({}), tracked({ revision: 2, snoozedUntil: '2026-12-03T08:00:00.000Z' }))).toEqual([]);
  });
  it('acknowledged once, with who, and the same id when derived again', () => {
    const a = exceptionEvents(tracked({}), tracked({ status: 'acknowledged', acknowledged: wes, revision: 2 }));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ type: 'exception.acknowledged', data: { by: { name: 'Wes Warehouse', odoo_login: 'warehouse@x.example' } } });
    expect(exceptionEvents(tracked({}), tracked({ status: 'acknowledged', acknowledged: wes, revision: 2 }))[0]!.id).toBe(a[0]!.id);
    expect(exceptionEvents(tracked({ status: 'acknowledged', acknowledged: wes }), tracked({ status: 'acknowledged', acknowledged: wes, revision: 3 }))).toEqual([]);
  });
  it('cleared with the reason, and opened again when it comes back', () => {
    const cleared = tracked({ status: 'cleared', clearedAt: '2026-12-02T10:00:00.000Z', clearedReason: 'received', revision: 3 });
    expect(exceptionEvents(tracked({}), cleared)).toMatchObject([{ type: 'exception.cleared', data: { reason: 'received' } }]);
    expect(exceptionEvents(cleared, tracked({ revision: 4, firstSeenAt: '2026-12-05T08:00:00.000Z' }))).toMatchObject([{ type: 'exception.opened' }]);
  });
});

describe('triage.confirmed', () => {
  const proposal = (over: Partial<TriageProposal>) => ({
    kind: 'supplier-email', id: 'tri-abc', revision: 1, createdAt: '', status: 'open', proposed: 'delay', category: 'delay', changedBy: null, decision: null, writeback: null,
    target: { kind: 'channel', channel: '#purchasing' }, cards: [], source: 'webhook', email: { from: 'ops@sunvale.example', subject: 'PO P00042 delayed', receivedAt: '2026-12-01T08:00:00.000Z', messageKey: 'k' },
    match: { kind: 'reference', detail: '' }, order: { id: 42, name: 'P00042' },
    reading: { category: 'delay', summary: 'Delayed to Dec 9', new_eta: '2026-12-09', confirmed_date: null, quantities: null, price_change_pct: null, confidence: 0.9, evidence: '', injection_suspected: false, provider: 'heuristic', fallback_reason: null },
    ...over,
  }) as unknown as TriageProposal;
  const decision = { id: 'd1', action: 'confirm' as const, category: 'partial_shipment', actor: { platform: 'slack' as const, userId: 'U0BEA', displayName: 'Bea Buyer' }, odooUserId: 3, odooLogin: 'buyer@x.example', at: '2026-12-01T09:00:00.000Z', channel: 'D1' };

  it('is told once when a person confirms, saying whether they changed the category', () => {
    const [e] = triageEvents(proposal({}), proposal({ status: 'confirmed', decision }));
    expect(e).toMatchObject({ type: 'triage.confirmed', subject: { id: 42, name: 'P00042' }, data: { proposed: 'delay', confirmed: 'partial_shipment', changed: true, reading: { new_eta: '2026-12-09' } } });
    expect(triageEvents(proposal({ status: 'confirmed', decision }), proposal({ status: 'confirmed', decision, revision: 3 }))).toEqual([]);
  });
  it('says nothing for a dismissal', () => {
    expect(triageEvents(proposal({}), proposal({ status: 'dismissed', decision: { ...decision, action: 'dismiss' } }))).toEqual([]);
  });
});
