import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, blocksOf, CHANNEL, SIGNING_SECRET, startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint, signedRawRequest } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';

let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness();
}, 60_000);
afterAll(async () => h?.close());

const told = (user: Parameters<ApprovalHarness['ephemeralsTo']>[0], text: string) =>
  waitFor(() => h.ephemeralsTo(user).some((t) => t.includes(text)), 10_000, `${user} to be told "${text}"`);
const accepted = async (id: number) => (await h.bot.approvals.audit.forOrder(id)).filter((a) => a.outcome === 'accepted');

describe('refused clicks change nothing', () => {
  it('refuses a click on a stale card, re-renders it with what changed, and accepts the fresh card', async () => {
    const po = await h.createWaitingPo({ amount: 10000 });
    const card = await h.waitForCard(po.name);
    const [line] = await h.admin.searchIds('purchase.order.line', [['order_id', '=', po.id]]);
    await h.admin.write('purchase.order.line', [line!], { product_qty: 2 });

    await h.click('avery', card, 'approve');
    await told('avery', `${po.name} changed in Odoo since this card was posted`);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    const text = await h.waitForCardText(card, /Changed since/i);
    expect(text).toMatch(/amount: \$10,000\.00 → \$20,000\.00/);

    const fresh = h.slack.callsOf('chat.update').filter((c) => c.body.ts === card.ts).at(-1)!;
    const approveValue = buttonsOf(fresh.body).approval_approve;
    expect(approveValue).toBeDefined();
    await h.click('daniel', { ...card, buttons: { ...card.buttons, approval_approve: approveValue! } }, 'approve');
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the approval of the fresh card');
  });

  it('refuses a user who is not an approver', async () => {
    const po = await h.createWaitingPo({ amount: 6000 });
    const card = await h.waitForCard(po.name);
    await h.click('warehouse', card, 'approve');
    await told('warehouse', `You are not an approver of ${po.name}`);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await accepted(po.id)).toHaveLength(0);
    expect((await h.bot.approvals.audit.forOrder(po.id)).find((a) => a.outcome === 'refused')).toMatchObject({ code: 'not_an_approver' });
  });

  it('tells a person who clicks the same refused card again and again once, and audits every click', async () => {
    const po = await h.createWaitingPo({ amount: 6050 });
    const card = await h.waitForCard(po.name);
    for (let i = 0; i < 10; i++) expect((await h.click('helen', card, 'approve')).status).toBe(200);
    await told('helen', `You are not an approver of ${po.name}`);
    await waitFor(async () => (await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'refused').length === 10, 15_000, 'every click audited');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(h.ephemeralsTo('helen').filter((t) => t.includes(po.name))).toHaveLength(1);
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });

  it('refuses the buyer approving their own PO, even when listed as an approver', async () => {
    const po = await h.createWaitingPo({ amount: 6500, buyerLogin: 'mholt@northgate-supply.example' });
    const card = await h.waitForCard(po.name);
    await h.click('megan', card, 'approve');
    await told('megan', `You are the buyer of ${po.name}, so you cannot approve it`);
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });

  it('refuses an approver over their limit, and asks for confirmation above the configured amount', async () => {
    const po = await h.createWaitingPo({ amount: 24000 });
    const card = await h.waitForCard(po.name);
    const post = h.slack.callsOf('chat.postMessage').find((c) => c.response?.ts === card.ts)!;
    expect(JSON.stringify(blocksOf(post.body))).toContain('"confirm"');
    await h.click('avery', card, 'approve');
    await told('avery', 'Your approval limit is $20,000.00');
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });

  it('refuses a Slack user with no Odoo account', async () => {
    const po = await h.createWaitingPo({ amount: 5500 });
    const card = await h.waitForCard(po.name);
    await h.click('stranger', card, 'approve');
    await told('stranger', 'No Odoo user has the login or email stranger@elsewhere.example');
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });

  it('answers 401 to a bad signature or a 6-minute-old timestamp, 400 to a malformed payload, and changes nothing', async () => {
    const po = await h.createWaitingPo({ amount: 5600 });
    const card = await h.waitForCard(po.name);
    const payload = buttonClickPayload({ actionId: 'approval_approve', value: card.buttons.approval_approve!, userId: 'U0AVERY', channel: CHANNEL, messageTs: card.ts, actionTs: '1900000000.000001' });
    const url = `${h.bot.url}/slack/events`;
    expect((await postToSlackEndpoint(url, interactivityRequest('not-the-secret', payload))).status).toBe(401);
    expect((await postToSlackEndpoint(url, interactivityRequest(SIGNING_SECRET, payload, Math.floor(Date.now() / 1000) - 6 * 60))).status).toBe(401);
    expect((await postToSlackEndpoint(url, signedRawRequest(SIGNING_SECRET, 'payload=%7Bnot-json', 'application/x-www-form-urlencoded'))).status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await accepted(po.id)).toHaveLength(0);
    expect(await h.bot.queues.writeback.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toMatchObject({ failed: 0 });
  });

  it('updates the card when the PO is approved in Odoo directly', async () => {
    const po = await h.createWaitingPo({ amount: 5700 });
    const card = await h.waitForCard(po.name);
    await h.admin.approvePurchaseOrder(po.id);
    const text = await h.waitForCardText(card, /Approved in Odoo by/i);
    expect(text).not.toContain('approval_approve');
    await h.click('avery', card, 'approve');
    await told('avery', `${po.name} was approved in Odoo`);
  });
});

describe('write-back failures', () => {
  it('retries while Odoo is down during the write-back, shows it on the card, and writes once when Odoo is back', async () => {
    const po = await h.createWaitingPo({ amount: 5800 });
    const card = await h.waitForCard(po.name);
    h.proxy.failRequestsContaining('button_approve');
    try {
      await h.click('avery', card, 'approve');
      await h.waitForCardText(card, /Retrying/i, 15_000);
      expect(await h.admin.readState(po.id)).toBe('to approve');
    } finally {
      h.proxy.failRequestsContaining(null);
    }
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 20_000, 'the retried write-back');
    await h.waitForCardText(card, /written to Odoo/i, 10_000);
    expect(await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', 'in Slack by']])).toHaveLength(1);
  });
});
