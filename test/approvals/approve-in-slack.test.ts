import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness();
}, 60_000);
afterAll(async () => h?.close());

describe('approve a PO from Slack', () => {
  it('posts a card when a PO enters to approve, approves it on a click, and writes it to Odoo once', async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    expect(card.buttons.approval_approve).toBeDefined();
    expect(card.buttons.approval_reject).toBeDefined();

    const answer = await h.click('avery', card, 'approve');
    expect(answer.status).toBe(200);

    await h.waitForCardText(card, /Approved by Avery Quinn/);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the PO to be approved in Odoo');
    const text = await h.waitForCardText(card, /written to Odoo/i);
    expect(text).not.toContain('approval_approve');

    const notes = await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', 'Approved in Slack by']]);
    expect(notes).toHaveLength(1);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.map((a) => a.outcome)).toEqual(expect.arrayContaining(['requested', 'accepted', 'written']));
  });
});
