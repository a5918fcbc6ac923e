import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { submittedData } from '../support/teams-card-inputs.ts';
import { APPROVALS_CHANNEL, TEAMS_USERS, startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
  expect((await h.install()).status).toBe(200);
}, 90_000);
afterAll(async () => h?.close());

const notesOn = (id: number, text: string) => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', id], ['body', 'ilike', text]]);

describe('approvals in Microsoft Teams', () => {
  it('stores the channel reference when the bot is added, and finds it by team/channel name', async () => {
    const channelId = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';
    const teams = h.bot.teams!;
    expect(await teams.conversations.get(channelId)).toMatchObject({ kind: 'channel', serviceUrl: h.connector.url, channelName: 'Approvals', teamName: 'Purchasing' });
    expect((await teams.conversations.find('purchasing/APPROVALS'))?.conversation.id).toBe(channelId);
    expect((await teams.conversations.find('Approvals'))?.conversation.id).toBe(channelId);
    // The person who added the bot is in the member directory, found by email and by UPN.
    expect(await teams.members.findByEmail(TEAMS_USERS.daniel.email)).toMatchObject({ id: TEAMS_USERS.daniel.id, aadObjectId: TEAMS_USERS.daniel.aadObjectId });
    expect((await teams.members.findByEmail(TEAMS_USERS.daniel.userPrincipalName.toUpperCase()))?.id).toBe(TEAMS_USERS.daniel.id);
  });

  it('posts the card to the channel, approves it on an invoke, writes Odoo once and updates the card in place', async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    const posted = h.cardOf(card);
    expect(posted).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const data = h.actionData(posted, TEAMS_VERBS.approvalApprove)!;
    expect(data).toMatchObject({ requestId: expect.any(String), version: expect.any(String) });

    const answer = await h.act('avery', card, TEAMS_VERBS.approvalApprove, data);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `Recording your approval of ${po.name}…` });

    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the PO to be approved in Odoo');
    const text = await h.waitForCardText(card, /Approved by Avery Quinn.*written to Odoo/);
    expect(h.connector.callsOf('updateActivity').some((c) => c.activityId === card.activityId && c.method === 'PUT')).toBe(true);
    expect(text).not.toContain(TEAMS_VERBS.approvalApprove);
    expect(await notesOn(po.id, 'in Teams by Avery Quinn')).toHaveLength(1);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.find((a) => a.outcome === 'accepted')).toMatchObject({ actor: { platform: 'teams', userId: TEAMS_USERS.avery.aadObjectId }, odooLogin: TEAMS_USERS.avery.email });
  });

  it('rejects with the reason from the input, cancels the PO and writes the reason in the chatter', async () => {
    const po = await h.createWaitingPo({ amount: 9000 });
    const card = await h.waitForCard(po.name);
    // Typed into the Reason box of Reject…, gathered as Teams gathers it (by the input's id).
    const data = submittedData(h.cardOf(card), TEAMS_VERBS.approvalReject, { Reason: 'Price is 20% above the framework agreement **now**' });
    const answer = await h.act('avery', card, TEAMS_VERBS.approvalReject, data);
    expect(answer.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: `Recording your rejection of ${po.name}…` });
    await waitFor(async () => (await h.admin.readState(po.id)) === 'cancel', 15_000, 'the PO to be cancelled');
    const text = await h.waitForCardText(card, /Rejected by Avery Quinn.*written to Odoo/);
    expect(text).toContain('framework agreement');
    expect(await notesOn(po.id, 'Reason: Price is 20% above the framework agreement')).toHaveLength(1);
  });

  it('refuses a reject without a reason with the card showing the error, and queues nothing', async () => {
    const po = await h.createWaitingPo({ amount: 8000 });
    const card = await h.waitForCard(po.name);
    const data = submittedData(h.cardOf(card), TEAMS_VERBS.approvalReject, { Reason: '   ' });
    const answer = await h.act('avery', card, TEAMS_VERBS.approvalReject, data);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(answer.body)).toContain('A rejection needs a reason');
    const decideJobs = await h.bot.queues.writeback.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
    expect(decideJobs.filter((j) => (j.data as { requestId?: string }).requestId === data.requestId)).toHaveLength(0);
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });

  it('makes one decision out of a double click (two invokes)', async () => {
    const po = await h.createWaitingPo({ amount: 7000 });
    const card = await h.waitForCard(po.name);
    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    const answers = await Promise.all([h.act('daniel', card, TEAMS_VERBS.approvalApprove, data), h.act('daniel', card, TEAMS_VERBS.approvalApprove, data)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the approval');
    await h.waitForCardText(card, /Approved by Daniel Okafor.*written to Odoo/);
    expect(await notesOn(po.id, 'in Teams by')).toHaveLength(1);
    const approved = (await h.admin.search('poMessage', { domain: [['res_id', '=', po.id], ['message_type', '=', 'notification']] })).filter((m) => m.subtype?.name === 'RFQ Approved');
    expect(approved).toHaveLength(1);
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'accepted')).toHaveLength(1);
  });

  it('refuses a click on a stale card, re-renders it with what changed, and tells the clicker', async () => {
    const po = await h.createWaitingPo({ amount: 10000 });
    const card = await h.waitForCard(po.name);
    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    const [line] = await h.admin.searchIds('purchase.order.line', [['order_id', '=', po.id]]);
    await h.admin.write('purchase.order.line', [line!], { product_qty: 2 });

    expect((await h.act('avery', card, TEAMS_VERBS.approvalApprove, data)).status).toBe(200);
    await waitFor(() => h.messagesTo('avery').some((t) => t.includes(`${po.name} changed in Odoo since this card was posted`)), 15_000, 'Avery to be told the card was stale');
    const text = await h.waitForCardText(card, /Changed since/i);
    expect(text).toMatch(/20,000\.00/);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    const fresh = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove);
    expect(fresh?.version).not.toBe(data.version);
  });

  it('refuses a Teams user who is not an approver, telling them in their personal chat', async () => {
    const po = await h.createWaitingPo({ amount: 6000 });
    const card = await h.waitForCard(po.name);
    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    expect((await h.act('warehouse', card, TEAMS_VERBS.approvalApprove, data)).status).toBe(200);
    await waitFor(() => h.messagesTo('warehouse').some((t) => t.includes(`You are not an approver of ${po.name}`)), 15_000, 'the refusal in the personal chat');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect((await h.bot.approvals.audit.forOrder(po.id)).find((a) => a.outcome === 'refused')).toMatchObject({ code: 'not_an_approver' });
  });

  it('tells the clicker when the card names a request the bot does not know, and writes nothing', async () => {
    const po = await h.createWaitingPo({ amount: 6100 });
    const card = await h.waitForCard(po.name);
    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    expect((await h.act('avery', card, TEAMS_VERBS.approvalApprove, { ...data, requestId: 'po-999999-unknown1' })).status).toBe(200);
    await waitFor(() => h.messagesTo('avery').some((t) => t.includes('This approval request is no longer known to the bot')), 15_000, 'the answer in the personal chat');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect((await h.bot.approvals.audit.forOrder(po.id)).some((a) => a.outcome === 'accepted')).toBe(false);
  });

  it('answers refresh with the card for that viewer: the approver sees the buttons, the buyer does not', async () => {
    const po = await h.createWaitingPo({ amount: 6500 });
    const card = await h.waitForCard(po.name);
    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalRefresh) ?? (h.cardOf(card).refresh as { action: { data: Record<string, unknown> } }).action.data;
    const approver = await h.act('avery', card, TEAMS_VERBS.approvalRefresh, data, 'automatic');
    const buyer = await h.act('bea', card, TEAMS_VERBS.approvalRefresh, data, 'automatic');
    expect(approver.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(buyer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(approver.body)).toContain(TEAMS_VERBS.approvalApprove);
    expect(JSON.stringify(buyer.body)).not.toContain(TEAMS_VERBS.approvalApprove);
    expect(JSON.stringify(buyer.body)).toContain('buyer');
  });

  it('answers a malformed action with 400 and queues nothing', async () => {
    const po = await h.createWaitingPo({ amount: 5600 });
    const card = await h.waitForCard(po.name);
    const answer = await h.act('avery', card, TEAMS_VERBS.approvalApprove, { requestId: 'no spaces allowed', version: '!' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    const unknown = await h.act('avery', card, 'nobody.knows', {});
    expect(unknown.status).toBe(400);
    expect(await h.admin.readState(po.id)).toBe('to approve');
  });
});
