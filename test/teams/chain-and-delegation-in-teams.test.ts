/**
 * Multi-level approvals and delegation in Microsoft Teams, at parity with Slack: real activities
 * POSTed to /api/messages, the whole bot with the embedded Odoo, the fake Bot Connector. Two
 * levels decided in order on the channel card; a delegation set with `po delegate @name until ...`
 * in a personal chat sends the approver's cards to the delegate, who decides "on behalf of" within
 * their own limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { submittedData } from '../support/teams-card-inputs.ts';
import type { TeamsCard, TeamsUserKey } from '../support/teams-harness.ts';
import { personalChat, personalChatId, startTeamsChainHarness, type TeamsChainHarness } from './teams-chain-harness.ts';

let h: TeamsChainHarness;
beforeAll(async () => {
  h = await startTeamsChainHarness();
  expect((await h.install()).status).toBe(200);
  // The bot learns each person's personal chat and profile (email) when they install it.
  for (const user of ['avery', 'daniel', 'warehouse'] as const) await h.installPersonal(user);
}, 90_000);
afterAll(async () => h?.close());

const notesOn = (id: number, text: string) => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', id], ['body', 'ilike', text]]);
const levelOneNote = (id: number) => notesOn(id, 'Level 1 of 2 (Category manager) approved');
const accepted = async (id: number) => (await h.bot.approvals.audit.forOrder(id)).filter((a) => a.outcome === 'accepted');
const json = (card: TeamsCard) => JSON.stringify(h.cardOf(card));
const refreshData = (card: TeamsCard) => (h.cardOf(card).refresh as { action: { data: Record<string, unknown> } }).action.data;
const canDecide = (answer: { body: unknown }) => JSON.stringify(answer.body).includes(TEAMS_VERBS.approvalApprove);

/** Every page of the `po approvals` answer in the person's personal chat, as JSON. */
async function approvalsListOf(user: TeamsUserKey): Promise<string> {
  const pages: string[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const asked = await h.say(user, personalChat(user), page === 1 ? 'po approvals' : `po approvals page ${page}`);
    let answer = '';
    await waitFor(() => {
      answer = JSON.stringify(h.connector.calls.find((c) => c.activityId === asked.activityId && c.status === 201)?.body ?? '');
      return answer.includes('Waiting for your approval') || answer.includes('Nothing waits for your approval');
    }, 15_000, `page ${page} of the approvals list of ${user}`);
    pages.push(answer);
    if (!answer.includes(`approvals page ${page + 1}`)) break;
  }
  return pages.join('\n');
}

async function approve(user: TeamsUserKey, card: TeamsCard): Promise<void> {
  const answer = await h.act(user, card, TEAMS_VERBS.approvalApprove, h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!);
  expect(answer.status).toBe(200);
}

async function approveLevelOne(po: { id: number }, card: TeamsCard, user: TeamsUserKey = 'avery'): Promise<void> {
  await approve(user, card);
  await waitFor(async () => (await levelOneNote(po.id)).length === 1, 15_000, 'the level 1 note');
  await h.waitForCardText(card, /Level 2 · CFO","value":"⏳ waiting/);
}

describe('sequential approval in Teams', () => {
  it('shows the chain, keeps the PO waiting after level 1, and approves it in Odoo only after level 2', async () => {
    const po = await h.createWaitingPo({ amount: 6000 });
    const card = await h.waitForCard(po.name);
    const first = json(card);
    expect(first).toContain('**Approval chain**');
    expect(first).toMatch(/Level 1 · Category manager","value":"⏳ waiting/);
    expect(first).toMatch(/Level 2 · CFO","value":"⚪ next, once the level before approves/);

    await approveLevelOne(po, card);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    const afterOne = json(card);
    expect(afterOne).toMatch(/Level 1 · Category manager","value":"✅ approved by Avery Quinn at/);
    expect(afterOne).toContain(TEAMS_VERBS.approvalApprove); // still open: level 2 decides

    await approve('daniel', card);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the PO to be approved in Odoo');
    const done = await h.waitForCardText(card, /Approved by Daniel Okafor at .*written to Odoo/);
    expect(done).toMatch(/Level 2 · CFO","value":"✅ approved by Daniel Okafor at/);
    expect(done).not.toContain(TEAMS_VERBS.approvalApprove);
    expect(await notesOn(po.id, 'Approval chain:')).toHaveLength(1);
    expect((await accepted(po.id)).map((a) => a.code).sort()).toEqual(['level-1', 'level-2']);
  });

  it('ends the chain on a rejection at level 2: the PO is cancelled with the reason', async () => {
    const po = await h.createWaitingPo({ amount: 6100 });
    const card = await h.waitForCard(po.name);
    await approveLevelOne(po, card);
    const data = submittedData(h.cardOf(card), TEAMS_VERBS.approvalReject, { Reason: 'Budget frozen until Q3' });
    expect((await h.act('daniel', card, TEAMS_VERBS.approvalReject, data)).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'cancel', 15_000, 'the PO to be cancelled');
    const text = await h.waitForCardText(card, /Rejected by Daniel Okafor/);
    expect(text).toMatch(/Level 2 · CFO","value":"⛔ rejected by Daniel Okafor/);
    expect(text).toContain('Budget frozen until Q3');
    expect(await notesOn(po.id, 'Reason: Budget frozen until Q3')).toHaveLength(1);
  });

  it('refuses the person who decided level 1 at level 2, and shows them no buttons on refresh', async () => {
    const po = await h.createWaitingPo({ amount: 6200 });
    const card = await h.waitForCard(po.name);
    // Level 1: Casey (on both levels) sees the buttons; Daniel (level 2 only) does not yet.
    expect(canDecide(await h.act('warehouse', card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic'))).toBe(true);
    expect(canDecide(await h.act('daniel', card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic'))).toBe(false);
    // `po approvals` lists a chain only for the people of the level it waits on.
    expect(await approvalsListOf('daniel')).not.toContain(po.name);
    expect(await approvalsListOf('warehouse')).toContain(po.name);
    await approveLevelOne(po, card, 'warehouse');
    expect(await approvalsListOf('warehouse')).not.toContain(po.name);
    // Card markdown escapes the parentheses: `on level 2 \\(CFO\\)`.
    expect(await approvalsListOf('daniel')).toMatch(new RegExp(`${po.name}(?:(?!\\*\\*\\[P0).)*?on level 2 \\W*CFO`));

    const refreshed = await h.act('warehouse', card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic');
    expect(canDecide(refreshed)).toBe(false);
    expect(JSON.stringify(refreshed.body)).toContain('each level of this approval must be decided by a different person');
    expect(canDecide(await h.act('avery', card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic'))).toBe(false);
    expect(canDecide(await h.act('daniel', card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic'))).toBe(true);

    await approve('warehouse', card);
    await waitFor(() => h.textsIn(personalChatId('warehouse')).some((t) => t.includes(`You already approved level 1 (Category manager) of ${po.name}`)), 15_000, 'the refusal in the personal chat');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'refused').map((a) => a.code)).toContain('already_decided_a_level');
    expect((await accepted(po.id)).map((a) => a.code)).toEqual(['level-1']);
  });

  it('makes one decision per level out of concurrent invokes at each level', async () => {
    const po = await h.createWaitingPo({ amount: 6300 });
    const card = await h.waitForCard(po.name);
    const one = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    await Promise.all(Array.from({ length: 10 }, (_, i) => h.act(i % 2 ? 'avery' : 'warehouse', card, TEAMS_VERBS.approvalApprove, one)));
    await waitFor(async () => (await levelOneNote(po.id)).length === 1, 15_000, 'the level 1 note');
    await h.waitForCardText(card, /Level 2 · CFO","value":"⏳ waiting/);
    const two = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    await Promise.all(Array.from({ length: 10 }, (_, i) => h.act(i % 2 ? 'daniel' : 'warehouse', card, TEAMS_VERBS.approvalApprove, two)));
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the approval');
    await h.waitForCardText(card, /written to Odoo/);
    expect(await levelOneNote(po.id)).toHaveLength(1);
    expect(await notesOn(po.id, 'Approval chain:')).toHaveLength(1);
    const approvals = (await h.admin.search('poMessage', { domain: [['res_id', '=', po.id], ['message_type', '=', 'notification']] })).filter((m) => m.subtype?.name === 'RFQ Approved');
    expect(approvals).toHaveLength(1);
    expect((await accepted(po.id)).map((a) => a.code).sort()).toEqual(['level-1', 'level-2']);
  });
});

describe('delegation in Teams', () => {
  const AVERY = personalChat('avery');
  const DANIEL = personalChat('daniel');

  beforeAll(async () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const { answer, activityId } = await h.say('daniel', DANIEL, `po delegate <at>Avery Quinn</at> until ${until}`, ['avery']);
    expect(answer.status).toBe(200);
    await waitFor(() => h.connector.calls.some((c) => c.activityId === activityId && String(c.body.text ?? '').includes('Avery Quinn')), 15_000, 'the delegation answer');
    expect(await h.bot.delegation.active()).toEqual([expect.objectContaining({ from: 'dokafor@northgate-supply.example', to: 'approver@northgate-supply.example' })]);
  }, 30_000);

  it('sends the request to the delegate "on behalf of", lists it in their approvals, shows them the buttons and names both in Odoo', async () => {
    const po = await h.createWaitingPo({ amount: 12_000 });
    const card = await h.waitForCardIn(personalChatId('avery'), po.name);
    const first = json(card);
    expect(first).toContain('On behalf of Daniel Okafor**, who is away and delegated their approvals to you. Your own approval limit applies.');
    const post = h.connector.callsOf('sendToConversation').find((c) => c.createdId === card.activityId)!;
    expect(String(post.body.summary)).toContain('(on behalf of Daniel Okafor)');

    // `po approvals`: the delegate's list marks it.
    expect(await approvalsListOf('avery')).toMatch(new RegExp(`${po.name}.*on behalf of Daniel Okafor`));

    // Refresh: the delegate sees Approve / Reject on this copy, which still says whom it is for.
    const refreshed = await h.actIn('avery', AVERY, card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic');
    expect(canDecide(refreshed)).toBe(true);
    expect(JSON.stringify(refreshed.body)).toContain('On behalf of Daniel Okafor');

    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    expect((await h.actIn('avery', AVERY, card, TEAMS_VERBS.approvalApprove, data)).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the PO to be approved in Odoo');
    await h.waitForCardText(card, /Approved by Avery Quinn on behalf of Daniel Okafor at .*written to Odoo/);
    await waitFor(async () => (await notesOn(po.id, 'by Avery Quinn on behalf of Daniel Okafor')).length === 1, 15_000, 'the chatter note');
    expect((await accepted(po.id))[0]).toMatchObject({ odooLogin: 'approver@northgate-supply.example', detail: expect.stringMatching(/on behalf of Daniel Okafor/) });
  });

  it('refuses the delegate over their own limit, tells them why, and writes nothing', async () => {
    const po = await h.createWaitingPo({ amount: 25_000 });
    const card = await h.waitForCardIn(personalChatId('avery'), po.name);
    const data = h.actionData(h.cardOf(card), TEAMS_VERBS.approvalApprove)!;
    // The refresh still shows the buttons: a rejection commits no money, so no limit restricts it.
    expect(canDecide(await h.actIn('avery', AVERY, card, TEAMS_VERBS.approvalRefresh, refreshData(card), 'automatic'))).toBe(true);
    expect((await h.actIn('avery', AVERY, card, TEAMS_VERBS.approvalApprove, data)).status).toBe(200);
    await waitFor(() => h.textsIn(personalChatId('avery')).some((t) => t.includes('Your own approval limit is $20,000.00') && t.includes(po.name)), 15_000, 'the refusal');
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'refused').map((a) => a.code)).toContain('over_limit');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await notesOn(po.id, 'Approved in Teams')).toHaveLength(0);
  });
});
