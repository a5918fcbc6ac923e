import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../src/delegation/delegation-days.ts';
import type { FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { buttonsOf, SIGNING_SECRET, SLACK_USERS, startApprovalHarness, type ApprovalHarness, type Card } from '../support/approval-harness.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { shown, slashCommandRequest } from '../status/status-harness.ts';

// Delegation inside approvals, end to end: `/po delegate` over signed Slack requests, the
// embedded Odoo, the fake Slack Web API. Where cards go, who may decide, and what Odoo's chatter,
// the audit log and the cards say. (A delegation loop is refused in test/delegation.)
let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness({ POLICY_FILE: resolve(PROJECT_ROOT, 'test/approvals/fixtures/delegated-approval-policy.yaml') });
}, 60_000);
afterAll(async () => h?.close());
afterEach(async () => {
  for (const d of await h.bot.delegation.store.list()) await h.bot.delegation.store.clear(d.from, { platform: 'slack', userId: 'U0TEST' }, new Date());
});

type User = keyof typeof SLACK_USERS;
const dm = (u: User) => `D${SLACK_USERS[u].id.slice(1)}`;
const until = () => addDays(dayIn(new Date(), 'America/Chicago'), 10);
const mention = (u: User) => `<@${SLACK_USERS[u].id}|${u}>`;
const notesOn = (id: number, text: string) => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', id], ['body', 'ilike', text]]);

async function slash(user: User, text: string): Promise<string> {
  const before = h.slack.callsOf('response_url').length;
  const u = SLACK_USERS[user];
  const res = await postToSlackEndpoint(`${h.bot.url}/slack/events`, slashCommandRequest(SIGNING_SECRET, { command: '/po', text, userId: u.id, userName: u.name, channelId: 'C0PROCURE', responseUrl: h.slack.responseUrl }));
  expect(res.status).toBe(200);
  await waitFor(() => h.slack.callsOf('response_url').length > before, 10_000, `the answer to /po ${text}`);
  return shown(h.slack.callsOf('response_url').at(-1)!);
}

const postsIn = (channel: string, orderName: string): FakeSlackCall[] =>
  h.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === channel && String(c.body.text ?? '').includes(orderName) && c.response?.ok);

/** The card of `orderName` posted in `user`'s DM. */
async function dmCard(user: User, orderName: string): Promise<{ card: Card; first: string }> {
  await waitFor(() => postsIn(dm(user), orderName).length > 0, 10_000, `the card of ${orderName} in ${user}'s DM`);
  const post = postsIn(dm(user), orderName)[0]!;
  return { card: { channel: dm(user), ts: String(post.response!.ts), buttons: buttonsOf(post.body) }, first: shown(post) };
}

describe('approvals while an approver is away', () => {
  it('sends a new request to the delegate "on behalf of" the approver, lets them approve, and names both in Odoo; after "off" the next request goes back', async () => {
    expect(await slash('avery', `delegate ${mention('daniel')} until ${until()}`)).toMatch(/Done: your approvals go to \*Daniel Okafor\*/);
    const po = await h.createWaitingPo({ amount: 8000 });
    const { card, first } = await dmCard('daniel', po.name);
    expect(first).toMatch(/On behalf of Avery Quinn\*, who is away/);
    expect(first).toContain(`${po.name} from`);
    expect(first).toContain('(on behalf of Avery Quinn)'); // the notification text, read on a phone's lock screen
    expect(postsIn(dm('avery'), po.name)).toHaveLength(0);

    expect((await h.click('daniel', card, 'approve')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the PO to be approved in Odoo');
    await h.waitForCardText(card, /Approved by Daniel Okafor on behalf of Avery Quinn at .*written to Odoo/s);
    await waitFor(async () => (await notesOn(po.id, 'Approved in Slack by Daniel Okafor on behalf of Avery Quinn')).length === 1, 10_000, 'the chatter note');
    const [note] = await h.admin.read('poMessage', await notesOn(po.id, 'on behalf of Avery Quinn'));
    expect(String(note?.body)).toMatch(/Odoo user dokafor@northgate-supply\.example, delegate of Odoo user approver@northgate-supply\.example/);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.find((a) => a.outcome === 'accepted')).toMatchObject({ odooLogin: 'dokafor@northgate-supply.example', detail: expect.stringMatching(/approved by Daniel Okafor on behalf of Avery Quinn/) });
    expect(audit.find((a) => a.outcome === 'written')?.detail).toMatch(/on behalf of Avery Quinn/);

    expect(await slash('avery', 'delegate off')).toMatch(/Done: your delegation to Daniel Okafor .* is off/);
    const next = await h.createWaitingPo({ amount: 8100 });
    const back = await dmCard('avery', next.name);
    expect(back.first).not.toMatch(/on behalf of/i);
    expect(postsIn(dm('daniel'), next.name)).toHaveLength(0);
  });

  it('moves a request already posted to the delegate, tells the approver on their card (buttons kept), and hands it back when the delegation ends', async () => {
    const po = await h.createWaitingPo({ amount: 8200 });
    const own = await dmCard('avery', po.name);
    expect(postsIn(dm('daniel'), po.name)).toHaveLength(0);

    await slash('avery', `delegate ${mention('daniel')} until ${until()}`);
    const moved = await dmCard('daniel', po.name);
    expect(moved.first).toMatch(/On behalf of Avery Quinn/);
    const told = await h.waitForCardText(own.card, /Delegated to Daniel Okafor\* while you are away/);
    expect(told).toContain('approval_approve');
    // The tick finds nothing more to move: one card for the delegate, however often it runs.
    const tick = await h.bot.queues.scan.add('approvals-remind', {});
    await waitFor(async () => (await tick.getState()) === 'completed', 10_000, 'the reminder tick');
    expect(postsIn(dm('daniel'), po.name)).toHaveLength(1);

    await slash('avery', 'delegate off');
    await h.waitForCardText(own.card, /Was delegated to Daniel Okafor\*: the delegation has ended/);
    await h.waitForCardText(moved.card, /that delegation has ended, so Avery Quinn decides again/);
    // Avery, back, decides on her own card.
    expect((await h.click('avery', own.card, 'approve')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the approval');
    await waitFor(async () => (await notesOn(po.id, 'Approved in Slack by Avery Quinn')).length === 1, 10_000, 'the note');
    expect(await notesOn(po.id, 'on behalf of')).toHaveLength(0);
  });

  it('refuses a delegate over their own limit, with a clear message, and writes nothing', async () => {
    await slash('avery', `delegate ${mention('megan')} until ${until()}`);
    const po = await h.createWaitingPo({ amount: 15000 });
    const { card, first } = await dmCard('megan', po.name);
    expect(first).toMatch(/On behalf of Avery Quinn/);
    await h.click('megan', card, 'approve');
    await waitFor(() => h.ephemeralsTo('megan').some((t) => t.includes(`Your own approval limit is $10,000.00; ${po.name} is $15,000.00`)), 10_000, 'the refusal');
    expect(h.ephemeralsTo('megan').find((t) => t.includes(po.name))).toMatch(/Acting for Avery Quinn does not raise your limit/);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'refused').map((a) => a.code)).toContain('over_limit');
    expect(audit.some((a) => a.outcome === 'accepted')).toBe(false);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await notesOn(po.id, 'Approved in Slack')).toHaveLength(0);
  });

  it("refuses a delegate who is the PO's buyer (segregation of duties)", async () => {
    expect(await slash('avery', `delegate ${mention('bea')} until ${until()}`)).toMatch(/Done/);
    const po = await h.createWaitingPo({ amount: 9000 });
    const { card } = await dmCard('bea', po.name);
    await h.click('bea', card, 'approve');
    await waitFor(() => h.ephemeralsTo('bea').some((t) => t.includes(`You are the buyer of ${po.name}`)), 10_000, 'the refusal');
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'refused').map((a) => a.code)).toContain('segregation_of_duties_buyer');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await notesOn(po.id, 'Approved in Slack')).toHaveLength(0);
  });

  it("refuses level 2 to the delegate of level 2's approver who already approved level 1; the approver herself still decides", async () => {
    await slash('helen', `delegate ${mention('daniel')} until ${until()}`);
    const po = await h.createWaitingPo({ amount: 30000 });
    const card = await h.waitForCard(po.name);
    expect((await h.click('daniel', card, 'approve')).status).toBe(200);
    await waitFor(async () => (await notesOn(po.id, 'Level 1 of 2 (Category manager) approved')).length === 1, 10_000, 'the level 1 note');
    await h.waitForCardText(card, /Level 2 · \*CFO\*: waiting/);

    const before = h.slack.callsOf('response_url').length;
    await postToSlackEndpoint(`${h.bot.url}/slack/events`, slashCommandRequest(SIGNING_SECRET, { command: '/po', text: po.name, userId: SLACK_USERS.bea.id, userName: 'bea', channelId: 'C0PROCURE', responseUrl: h.slack.responseUrl }));
    await waitFor(() => h.slack.callsOf('response_url').length > before, 10_000, 'the status answer');
    expect(shown(h.slack.callsOf('response_url').at(-1)!)).toMatch(/Waiting on level 2, CFO \(delegated to Daniel Okafor\), \d+ business (hour|minute)s?/);

    await h.click('daniel', card, 'approve');
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes(`You already approved level 1 (Category manager) of ${po.name}`)), 10_000, 'the refusal');
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'refused').map((a) => a.code)).toContain('already_decided_a_level');
    expect(await h.admin.readState(po.id)).toBe('to approve');

    // Helen is away, not locked out.
    await h.click('helen', card, 'approve');
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the approval by Helen');
    await h.waitForCardText(card, /Level 2 · \*CFO\*: approved by Helen Vargas/);
  });
});
