import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_USERS, startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness();
}, 60_000);
afterAll(async () => h?.close());

const notesOn = (id: number, text: string) => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', id], ['body', 'ilike', text]]);
const approvedNotifications = (id: number) => h.admin.search('poMessage', { domain: [['res_id', '=', id], ['message_type', '=', 'notification']] });

describe('approve and reject from Slack', () => {
  it('posts a card when a PO enters to approve, approves it on a click, writes it to Odoo once and tells the buyer', async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    expect(card.buttons.approval_approve).toBeDefined();
    expect(card.buttons.approval_reject).toBeDefined();
    // One request, one card, even though Odoo POSTed the webhook for this PO version more than once.
    expect(h.slack.callsOf('chat.postMessage').filter((c) => String(c.body.text).includes(po.name) && c.body.channel === card.channel)).toHaveLength(1);

    const answer = await h.click('avery', card, 'approve');
    expect(answer.status).toBe(200);

    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the PO to be approved in Odoo');
    const text = await h.waitForCardText(card, /Approved by Avery Quinn.*written to Odoo/is);
    expect(text).not.toContain('approval_approve');
    expect(await notesOn(po.id, 'Approved in Slack by Avery Quinn')).toHaveLength(1);

    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.map((a) => a.outcome)).toEqual(expect.arrayContaining(['requested', 'accepted', 'written']));
    expect(audit.find((a) => a.outcome === 'accepted')).toMatchObject({ actor: { userId: SLACK_USERS.avery.id }, odooLogin: SLACK_USERS.avery.email, channel: card.channel });

    await waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name)), 5_000, 'the buyer DM');
    // Money reads as on the card, the approver by their name (the click carried the handle avery.quinn).
    const dm = String(h.slack.callsOf('chat.postMessage').find((c) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name))!.body.text);
    expect(dm).toContain('$12,000.00');
    expect(dm).not.toContain('12000.00 USD');
    expect(dm).toContain('approved by Avery Quinn');
    expect(dm).not.toContain('avery.quinn');
  });

  it('rejects with a reason through the modal, cancels the PO and writes the reason in the chatter', async () => {
    const po = await h.createWaitingPo({ amount: 9000 });
    const card = await h.waitForCard(po.name);
    const opened = await h.click('avery', card, 'reject');
    expect(opened.status).toBe(200);
    await waitFor(() => h.slack.callsOf('views.open').length > 0, 5_000, 'the reject modal');

    const empty = await h.submitReject('avery', card, '  ');
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('"response_action":"errors"');

    const submitted = await h.submitReject('avery', card, 'Price is 20% above the framework agreement <!channel>');
    expect(submitted.status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'cancel', 10_000, 'the PO to be cancelled');
    const text = await h.waitForCardText(card, /Rejected by Avery Quinn/i);
    expect(text).toContain('framework agreement');
    expect(text).not.toContain('<!channel>');
    expect(await notesOn(po.id, 'Reason: Price is 20% above the framework agreement')).toHaveLength(1);
  });

  it('makes exactly one approval and one note out of 50 concurrent clicks on the same card', async () => {
    const po = await h.createWaitingPo({ amount: 7000 });
    const card = await h.waitForCard(po.name);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => h.click(i % 2 ? 'avery' : 'daniel', card, 'approve')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the approval');
    await h.waitForCardText(card, /written to Odoo/i, 15_000);
    expect(await notesOn(po.id, 'in Slack by')).toHaveLength(1);
    expect((await approvedNotifications(po.id)).filter((m) => m.subtype?.name === 'RFQ Approved')).toHaveLength(1);
    const accepted = (await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'accepted');
    expect(accepted).toHaveLength(1);
    const loser = accepted[0]!.actor!.userId === SLACK_USERS.avery.id ? 'daniel' : 'avery';
    await waitFor(() => h.ephemeralsTo(loser).some((t) => t.includes(`${po.name} was already approved by`)), 10_000, 'the loser to be told who decided');
  });

  it('lets one of two approvers clicking at once win: the other is told who decided', async () => {
    const po = await h.createWaitingPo({ amount: 8000 });
    const card = await h.waitForCard(po.name);
    const [a, d] = await Promise.all([h.click('avery', card, 'approve'), h.click('daniel', card, 'reject')]);
    expect([a.status, d.status]).toEqual([200, 200]);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the approval');
    // Daniel's Reject only opened the modal; his late submission is refused.
    await h.submitReject('daniel', card, 'too expensive');
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes(`${po.name} was already approved by Avery Quinn`)), 10_000, 'Daniel to be told');
    expect(await h.admin.readState(po.id)).toBe('purchase');
  });

  it('posts every line in the card thread when Details is clicked', async () => {
    const po = await h.createWaitingPo({ amount: 5200 });
    const card = await h.waitForCard(po.name);
    await h.click('avery', card, 'details');
    await waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.body.thread_ts === card.ts), 10_000, 'the details in the thread');
    const thread = h.slack.callsOf('chat.postMessage').find((c) => c.body.thread_ts === card.ts)!;
    expect(JSON.stringify(thread.body)).toContain('1 Units');
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });
});
