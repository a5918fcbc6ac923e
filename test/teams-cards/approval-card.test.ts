import { describe, expect, it } from 'vitest';
import { approvalAdaptiveCard } from '../../adapters/teams/cards/approval-card.ts';
import { TEAMS_INPUTS, TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { APPROVAL_STATUSES, CHAIN, HOSTILE } from '../mobile/card-views.ts';
import { cardView } from '../slack/card-view-fixture.ts';

type Node = Record<string, unknown>;
const verbsOf = (actions: unknown[] | undefined): string[] =>
  (actions ?? []).flatMap((a) => {
    const n = a as Node;
    if (n.type === 'Action.Execute') return [String(n.verb)];
    if (n.type === 'Action.ShowCard') return verbsOf((n.card as Node).actions as unknown[]).map((v) => `${String(n.title)}>${v}`);
    return [String(n.type)];
  });
const data = { requestId: 'req-po-42', version: 'v7a1b2c3d4' };

describe('the Teams approval card', () => {
  it('pending, as posted: Approve, Reject… (a required reason) and Open in Odoo; a refresh with the same data', () => {
    const card = approvalAdaptiveCard(cardView(), null);
    expect(verbsOf(card.actions)).toEqual([TEAMS_VERBS.approvalApprove, `Reject…>${TEAMS_VERBS.approvalReject}`, 'Action.OpenUrl']);
    expect(card.actions![0]).toMatchObject({ data });
    const reject = card.actions![1] as { card: { body: Node[]; actions: Node[] } };
    expect(reject.card.body.find((b) => b.type === 'Input.Text')).toMatchObject({ id: TEAMS_INPUTS.rejectReason, isRequired: true, isMultiline: true, maxLength: 2_000, errorMessage: expect.any(String) });
    expect(reject.card.actions[0]).toMatchObject({ verb: TEAMS_VERBS.approvalReject, associatedInputs: 'auto', data });
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: TEAMS_VERBS.approvalRefresh, data } });
    expect(card.refresh).not.toHaveProperty('userIds');
  });

  it('above confirm_above, Approve opens an inline confirmation that holds the real Approve', () => {
    const card = approvalAdaptiveCard(cardView({ confirmApprove: true }), null);
    expect(card.actions![0]).toMatchObject({ type: 'Action.ShowCard', title: 'Approve…' });
    expect(verbsOf(card.actions)[0]).toBe(`Approve…>${TEAMS_VERBS.approvalApprove}`);
    expect(JSON.stringify(card.actions![0])).toContain('Approve P00042 from Acme Industrial Supply for €12,500.00?');
  });

  it('refreshed for someone who may not decide: no decision buttons, and the note in the attention colour', () => {
    const card = approvalAdaptiveCard(cardView(), { mayDecide: false, mayRetry: false, note: 'You are not an approver of this PO' });
    expect(verbsOf(card.actions)).toEqual(['Action.OpenUrl']);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'viewer-note', color: 'attention', text: 'You are not an approver of this PO' }));
  });

  it('failed: Retry only for the viewer who may retry, and the status says who can', () => {
    const view = cardView({ status: APPROVAL_STATUSES.failed! });
    expect(verbsOf(approvalAdaptiveCard(view, null).actions)).toEqual(['Action.OpenUrl']);
    expect(verbsOf(approvalAdaptiveCard(view, { mayDecide: true, mayRetry: false }).actions)).toEqual(['Action.OpenUrl']);
    expect(verbsOf(approvalAdaptiveCard(view, { mayDecide: false, mayRetry: true }).actions)).toEqual([TEAMS_VERBS.approvalRetry, 'Action.OpenUrl']);
    expect(JSON.stringify(approvalAdaptiveCard(view, null).body)).toContain('Only Avery Quinn can retry it.');
  });

  it.each(['queued', 'retrying', 'written', 'rejected', 'decidedElsewhere', 'changed'])('%s: no decision buttons, a status line', (status) => {
    const card = approvalAdaptiveCard(cardView({ status: APPROVAL_STATUSES[status]! }), { mayDecide: true, mayRetry: true });
    expect(verbsOf(card.actions).filter((v) => v.includes('approval.approve') || v.includes('approval.reject'))).toEqual([]);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'status' }));
  });

  it('shows the chain, every level and its state, and who a delegate acted for', () => {
    const json = JSON.stringify(approvalAdaptiveCard(cardView({ chain: CHAIN, onBehalfOf: 'Avery Quinn' }), null).body);
    expect(json).toContain('Level 1 · Category manager');
    expect(json).toContain('✅ approved by Daniel Okafor on behalf of Avery Quinn');
    expect(json).toContain('⏳ waiting 6 business hours');
    expect(json).toContain('Level 3 · Board');
    expect(json).toContain('On behalf of Avery Quinn**, who is away and delegated their approvals to you');
  });

  it('a stale re-render lists what changed; a written rejection shows the reason', () => {
    expect(JSON.stringify(approvalAdaptiveCard(cardView({ changes: ['Amount went up'] }), null).body)).toContain('Changed since you looked');
    expect(JSON.stringify(approvalAdaptiveCard(cardView({ status: APPROVAL_STATUSES.rejected! }), null).body)).toContain('**Reason:** Price above \\\\*framework\\\\*');
  });

  it('escapes every Odoo string: no raw markdown, no live date function, no link', () => {
    const card = approvalAdaptiveCard(cardView({ vendorName: HOSTILE, reason: HOSTILE, buyerName: HOSTILE, onBehalfOf: HOSTILE }), null);
    const texts = JSON.stringify(card.body);
    expect(texts).not.toContain('{{DATE(2026-01-01');
    expect(texts).not.toContain('[pay](http');
    expect(texts).not.toMatch(/[^\\]\*Acme/);
    expect(texts).toContain('\\\\*Acme\\\\*');
  });
});
