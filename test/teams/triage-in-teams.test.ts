/**
 * Triage confirmations in Microsoft Teams: the unmatched channel is a Teams channel, so the buyer
 * is looked up in Teams first; the card goes to her personal chat with the bot; Confirm arrives as
 * an invoke (twice: a double click) and Odoo is written exactly once; bad invokes change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_INPUTS, TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { submittedData } from '../support/teams-card-inputs.ts';
import { APPROVALS_CHANNEL, CrossPlatformHarness, personalChat, TEAMS_USERS, type PostedTeamsCard } from './cross-platform-harness.ts';

const BEA_CHAT = personalChat('bea');
const BEA_CHAT_ID = BEA_CHAT.kind === 'personal' ? BEA_CHAT.conversationId : '';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let h: CrossPlatformHarness;
let po: { id: number; name: string; state: string };
let card: PostedTeamsCard;

beforeAll(async () => {
  h = await CrossPlatformHarness.start();
  await h.install(APPROVALS_CHANNEL);
  await h.installPersonal('bea');
  po = await h.createPo({ amount: 45 });
  const eta = day(12);
  const status = await h.postSupplierEmail({ from: 'Sales <sales@vendor.example>', subject: `Delay ${po.name}`, text: `Unfortunately ${po.name} is delayed. New delivery date: ${eta}.`, received_at: new Date().toISOString(), message_id: `<teams-triage-${po.id}@vendor.example>` });
  expect(status).toBe(202);
  card = await h.waitForTeamsCard(BEA_CHAT_ID, TEAMS_VERBS.triageConfirm);
}, 120_000);
afterAll(async () => h?.close());

const notes = () => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', 'Supplier email triaged']]);

describe('triage in Teams', () => {
  it('sends the card to the buyer found in Teams (not to her Slack DM), with the triage verbs', async () => {
    const posted = h.teamsCard(card);
    expect(JSON.stringify(posted)).toContain(po.name);
    expect(h.actionData(posted, TEAMS_VERBS.triageConfirm)).toMatchObject({ proposalId: expect.any(String), category: expect.any(String), revision: expect.any(Number) });
    expect(h.actionData(posted, TEAMS_VERBS.triageSetCategory)).toMatchObject({ proposalId: expect.any(String) });
    expect(h.actionData(posted, TEAMS_VERBS.triageDismiss)).not.toBeNull();
    expect(h.slack.callsOf('chat.postMessage').some((c) => JSON.stringify(c.body).includes(po.name) && JSON.stringify(c.body).includes('triage_'))).toBe(false);
  });

  it('refuses malformed invokes with an error and queues nothing', async () => {
    const data = h.actionData(h.teamsCard(card), TEAMS_VERBS.triageConfirm)!;
    const before = (await h.writebackJobs()).length;
    const badId = await h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageConfirm, { ...data, proposalId: '../../etc/passwd' });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'invalid_action' } });
    const badCategory = await h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageSetCategory, { proposalId: data.proposalId, [TEAMS_INPUTS.triageCategory]: 'Pay Now!' });
    expect(badCategory.status).toBe(400);
    const noCategory = await h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageSetCategory, { proposalId: data.proposalId });
    expect(noCategory.body).toMatchObject({ value: { code: 'category_required' } });
    const badRevision = await h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageDismiss, { proposalId: data.proposalId, revision: 'seven' });
    expect(badRevision.status).toBe(400);
    expect((await h.writebackJobs()).length).toBe(before);
  });

  it('changes the category with the choice set: the value Teams gathers under the input id is the one applied', async () => {
    const data = submittedData(h.teamsCard(card), TEAMS_VERBS.triageSetCategory, { 'Change category (then Set category)': 'partial_shipment' });
    expect(data[TEAMS_INPUTS.triageCategory]).toBe('partial_shipment');
    expect((await h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageSetCategory, data)).status).toBe(200);
    await waitFor(async () => (await h.bot.triage.store.get(String(data.proposalId)))?.category === 'partial_shipment', 15_000, 'the category change');
    await h.waitForTeamsCardText(card, /Confirm: partial shipment/);
  });

  it('confirms on a double click: one decision, one write to Odoo, the card updated in place', async () => {
    const data = h.actionData(h.teamsCard(card), TEAMS_VERBS.triageConfirm)!;
    const answers = await Promise.all([h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageConfirm, data), h.act('bea', BEA_CHAT, card, TEAMS_VERBS.triageConfirm, data)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Recording your confirmation…' });
    const proposalId = String(data.proposalId);
    await waitFor(async () => (await h.bot.triage.store.get(proposalId))?.writeback?.state === 'written', 20_000, 'the write-back');
    const text = await h.waitForTeamsCardText(card, /Confirmed as .* by Bea Buyer/);
    expect(text).not.toContain(TEAMS_VERBS.triageConfirm);
    expect(h.connector.callsOf('updateActivity').some((c) => c.activityId === card.activityId && c.conversationId === BEA_CHAT_ID)).toBe(true);
    expect((await h.bot.triage.store.get(proposalId))?.decision).toMatchObject({ actor: { platform: 'teams', userId: TEAMS_USERS.bea.aadObjectId } });
    await waitFor(async () => (await notes()).length >= 1, 10_000, 'the chatter note');
    // The second click was told (in her personal chat) and wrote nothing.
    await waitFor(() => h.textsTo('bea').some((t) => /already confirmed/i.test(t)), 15_000, 'the already-confirmed answer');
    await new Promise((r) => setTimeout(r, 500));
    expect(await notes()).toHaveLength(1);
  });
});
