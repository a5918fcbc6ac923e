import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { BusinessCalendar } from '../../src/time/index.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';

/**
 * The control tower tests' small world: Europe/Brussels, business hours Monday to Friday
 * 09:00-17:00, two weeks of March 2026, and builders of the stored records the measures read.
 */
export const TZ = 'Europe/Brussels';
const day = [{ startMinute: 9 * 60, endMinute: 17 * 60 }];
export const calendar: BusinessCalendar = { timeZone: TZ, week: [[], day, day, day, day, day, []], holidays: new Set() };
export const NOW = new Date('2026-03-12T12:00:00Z');
/** Brussels midnights: Monday 2026-03-02 to Monday 2026-03-16. */
export const PERIOD = { from: new Date('2026-03-01T23:00:00Z'), to: new Date('2026-03-15T23:00:00Z') };

export const decision = (at: string, odooUserId = 5) => ({ id: `d-${at}`, action: 'approve', actor: { platform: 'slack', userId: 'U1' }, odooUserId, odooLogin: 'avery', reason: null, version: 'v1', at, channel: 'C1' });

export function exception(over: Partial<TrackedException> & { key: string; type: string }, records: Record<string, unknown>): TrackedException {
  return {
    status: 'open', fingerprint: 'f', severity: 'warning', channels: ['#ops'], routedOwner: null, acknowledged: null, owner: null, snoozedUntil: null,
    snoozedBy: null, realertDue: null, escalatedAt: null, clearedAt: null, clearedReason: null, messages: [], posts: 1, revision: 1,
    exception: { type: over.type, title: 't', detectedAt: '2026-03-02T08:00:00Z', records: { subject: { model: 'purchase.order', id: 1, name: 'PO' }, purchaseOrder: null, company: null, warehouse: null, vendor: null, buyer: null, related: [], ...records } },
    ...over,
  } as unknown as TrackedException;
}

export function proposal(id: string, proposed: string, reader: string | null, decided: { action: 'confirm' | 'dismiss'; category: string; at: string }, orderId?: number): TriageProposal {
  const base = { id, revision: 2, createdAt: decided.at, status: decided.action === 'confirm' ? 'confirmed' : 'dismissed', proposed, category: decided.category, changedBy: null, writeback: null, target: { kind: 'channel', channel: '#t' }, cards: [] };
  const d = { id: `td-${id}`, action: decided.action, category: decided.category, actor: { platform: 'slack', userId: 'U2' }, odooUserId: 5, odooLogin: 'avery', at: decided.at, channel: 'C2' };
  const p = reader
    ? { ...base, kind: 'supplier-email', source: 'webhook', email: { from: 'a@b', subject: 's', receivedAt: decided.at, messageKey: id }, match: { kind: 'reference', detail: '' }, order: orderId ? { id: orderId, name: 'PO' } : null, reading: { provider: reader } }
    : { ...base, kind: 'bill-mismatch', exceptionKey: 'k', exceptionType: 'bill-price-mismatch', title: 't', bill: { id: 1 }, explanation: '', proposedCategory: proposed };
  return { ...p, decision: d } as unknown as TriageProposal;
}
