/**
 * `/po` tells the whole decision history of a PO: who decided, when, where and why, each level of
 * a chain, delegates "on behalf of", and decisions taken in Odoo; a request that expired from the
 * store is told from the audit trail. Slack and Teams show the same lines.
 */
import { describe, expect, it } from 'vitest';
import { renderStatusAnswer } from '../../adapters/slack/blocks/status-answer.ts';
import { statusAnswerCard } from '../../adapters/teams/cards/status-answer.ts';
import type { ApprovalRequest, Decision } from '../../src/approvals/approval-request.ts';
import type { AuditEntry } from '../../src/ports/audit-log.ts';
import { decisionHistory } from '../../src/status/decision-history.ts';
import type { StatusAnswer } from '../../src/status/status-answer.ts';

const decision = (over: Partial<Decision>): Decision => ({
  id: 'd1', action: 'approve', actor: { platform: 'slack', userId: 'U0AVERY', displayName: 'Avery Quinn' }, odooUserId: 9, odooLogin: 'approver@northgate-supply.example',
  reason: null, version: 'v1', at: '2026-11-24T20:05:00Z', channel: 'C0APPROVALS', ...over,
});
const request = (id: string, over: Partial<ApprovalRequest>): ApprovalRequest => ({
  id, orderId: 253, revision: 3, version: 'v1', snapshot: { orderName: 'P00253' } as ApprovalRequest['snapshot'], subject: {} as ApprovalRequest['subject'], changes: [],
  ruleName: 'us-approvals', reason: 'amount', rejectAction: 'cancel', confirmAbove: null, requestedAt: '2026-11-24T15:00:00Z', status: 'decided',
  decision: null, writeback: { state: 'written', at: '2026-11-24T20:05:02Z' }, elsewhere: null, targets: [], cards: [], ...over,
});
const audit = (requestId: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: '2026-11-24T15:00:00Z', orderId: 253, orderName: 'P00253', requestId, action: 'request', outcome: 'requested', actor: null, odooLogin: null, version: null, channel: null, code: null, detail: null, ...over,
});

function deps(requests: ApprovalRequest[], entries: AuditEntry[]) {
  return {
    timeZone: 'America/Chicago',
    store: { get: async (id: string) => requests.find((r) => r.id === id) ?? null, openFor: async () => null, openIds: async () => [] },
    // Newest first, as the audit log answers.
    audit: { forOrder: async () => [...entries].reverse() },
  };
}

describe('decision history of a PO', () => {
  it('tells a rejection with its reason, who and when (in the policy zone), then an approval by a delegate on a second request', async () => {
    const rejected = request('r1', { decision: decision({ action: 'reject', reason: 'Price is 20% above the framework agreement', at: '2026-11-24T20:05:00Z' }) });
    const approved = request('r2', {
      requestedAt: '2026-11-25T15:00:00Z',
      decision: decision({ id: 'd2', at: '2026-11-25T16:30:00Z', actor: { platform: 'teams', userId: 'aad-dana', displayName: 'Dana Lee' }, onBehalfOf: { login: 'approver@northgate-supply.example', name: 'Avery Quinn', odooUserId: 9 } }),
    });
    const events = await decisionHistory(253, deps([rejected, approved], [audit('r1'), audit('r1', { outcome: 'accepted', action: 'reject' }), audit('r2', { at: '2026-11-25T15:00:00Z' })]));
    expect(events.map((e) => [e.day, e.label])).toEqual([
      ['2026-11-24 14:05 CST', 'Rejected in Slack by Avery Quinn: “Price is 20% above the framework agreement”'],
      ['2026-11-25 10:30 CST', 'Approved in Teams by Dana Lee on behalf of Avery Quinn'],
    ]);
  });

  it('tells each level of a chain, a decision taken in Odoo, and a failed write-back', async () => {
    const chain = request('c1', {
      chain: [
        { level: 1, label: 'Department head', state: 'approved', decision: decision({ at: '2026-11-24T16:00:00Z' }), since: '2026-11-24T15:00:00Z' },
        { level: 2, label: 'Finance', state: 'rejected', decision: decision({ action: 'reject', reason: 'No budget', at: '2026-11-24T17:00:00Z', actor: { platform: 'slack', userId: 'U0HELEN', displayName: 'Helen Vargas' } }), since: '2026-11-24T16:00:00Z' },
      ],
      decision: decision({ action: 'reject', reason: 'No budget', at: '2026-11-24T17:00:00Z', actor: { platform: 'slack', userId: 'U0HELEN', displayName: 'Helen Vargas' } }),
      writeback: { state: 'failed', reason: 'Odoo refused: the order is locked', code: 'odoo_refused' },
    });
    const inOdoo = request('o1', { requestedAt: '2026-11-26T15:00:00Z', status: 'decided_elsewhere', writeback: null, elsewhere: { outcome: 'approved', by: 'Casey Morgan', at: '2026-11-26T18:00:00Z' } });
    const labels = (await decisionHistory(253, deps([chain, inOdoo], [audit('c1'), audit('o1', { at: '2026-11-26T15:00:00Z' })]))).map((e) => e.label);
    expect(labels).toEqual([
      'Level 1 of 2 (Department head) approved in Slack by Avery Quinn',
      'Level 2 of 2 (Finance) rejected in Slack by Helen Vargas: “No budget”',
      'Not written to Odoo: Odoo refused: the order is locked',
      'Approved in Odoo by Casey Morgan',
    ]);
  });

  it('falls back on the audit trail when the request has expired, and tells nothing when no one decided', async () => {
    const entries = [audit('gone'), audit('gone', { at: '2026-11-24T18:00:00Z', action: 'approve', outcome: 'accepted', actor: { platform: 'slack', userId: 'U0AVERY', displayName: 'Avery Quinn' }, odooLogin: 'approver@northgate-supply.example' })];
    expect((await decisionHistory(253, deps([], entries))).map((e) => e.label)).toEqual(['Approved in Slack by Avery Quinn']);
    expect(await decisionHistory(253, deps([request('p1', { status: 'pending', writeback: null })], [audit('p1')]))).toEqual([]);
  });

  it('is shown the same on Slack and Teams', async () => {
    const events = await decisionHistory(253, deps([request('r1', { decision: decision({ action: 'reject', reason: 'Too dear' }) })], [audit('r1')]));
    const answer: StatusAnswer = {
      kind: 'po_status',
      po: {
        orderId: 253, orderName: 'P00253', state: 'cancel', stateWords: 'Cancelled', vendor: 'Acme', partnerRef: null, amountTotal: 100, currency: 'USD', buyer: 'Bea Buyer', company: null, warehouse: null,
        next: { owner: 'nobody', who: null, what: 'Cancelled: nothing left to do', since: null, waited: null },
        timeline: [{ label: 'Created', at: new Date('2026-11-24T14:00:00Z'), dated: true }, ...events], exceptions: [], odooUrl: 'https://odoo.example/x', alsoMatched: [],
      },
    };
    expect(JSON.stringify(renderStatusAnswer(answer).blocks)).toContain('2026-11-24 14:05 CST Rejected in Slack by Avery Quinn: “Too dear”');
    expect(JSON.stringify(statusAnswerCard(answer))).toContain('2026-11-24 14:05 CST Rejected in Slack by Avery Quinn: “Too dear”');
  });
});
