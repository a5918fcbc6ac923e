import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, CHANNEL, SIGNING_SECRET, SLACK_USERS, startApprovalHarness, type ApprovalHarness, type Card } from '../support/approval-harness.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { shown, slashCommandRequest } from '../status/status-harness.ts';

// Two levels decided in order (category manager, then the CFO above 10,000), through signed
// Slack requests, the embedded Odoo and the fake Slack Web API.
let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness({ POLICY_FILE: resolve(PROJECT_ROOT, 'test/fixtures/sequential-approval-policy.yaml') });
}, 60_000);
afterAll(async () => h?.close());

const notesOn = (id: number, text: string) => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', id], ['body', 'ilike', text]]);
const levelNote = (id: number) => notesOn(id, 'Level 1 of 2 (Category manager) approved');
// Only the final note lists the chain (the level notes say "approved in Slack by" too).
const finalNotes = (id: number) => notesOn(id, 'Approval chain:');
const accepted = async (id: number) => (await h.bot.approvals.audit.forOrder(id)).filter((a) => a.outcome === 'accepted');

async function approveLevelOne(po: { id: number }, card: Card, user: keyof typeof SLACK_USERS = 'avery'): Promise<void> {
  expect((await h.click(user, card, 'approve')).status).toBe(200);
  await waitFor(async () => (await levelNote(po.id)).length === 1, 10_000, 'the level 1 note');
  await h.waitForCardText(card, /Level 1 · \*Category manager\*: approved by/);
}

describe('sequential approval from Slack', () => {
  it('approves level 1, notes it, asks the CFO, and approves the PO in Odoo only after level 2', async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    const first = JSON.stringify(h.slack.callsOf('chat.postMessage').find((c) => c.response?.ts === card.ts)!.body);
    expect(first).toMatch(/Approval chain/);
    expect(first).toMatch(/Level 1 · \*Category manager\*: waiting/);
    expect(first).toMatch(/Level 2 · \*CFO\*: next/);

    await approveLevelOne(po, card);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await finalNotes(po.id)).toHaveLength(0);
    const afterOne = await h.waitForCardText(card, /Level 2 · \*CFO\*: waiting/);
    expect(afterOne).toMatch(/approved by Avery Quinn/);
    expect(afterOne).toContain('approval_approve'); // still open: level 2 decides
    // Level 2's own cards: Helen's DM (the shared channel keeps its one card, updated).
    await waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.body.channel === 'D0HELEN' && String(c.body.text).includes(po.name)), 10_000, "the CFO's card");
    expect(h.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === CHANNEL && String(c.body.text).includes(po.name))).toHaveLength(1);

    expect((await h.click('helen', card, 'approve')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the PO to be approved in Odoo');
    const done = await h.waitForCardText(card, /Approved by Helen Vargas.*written to Odoo/s);
    expect(done).toMatch(/Level 2 · \*CFO\*: approved by Helen Vargas/);
    expect(done).not.toContain('approval_approve');
    const final = await finalNotes(po.id);
    expect(final).toHaveLength(1);
    const [body] = await h.admin.read('poMessage', final);
    expect(String(body?.body)).toMatch(/Level 1 \(Category manager\): approved by Avery Quinn/);
    expect(String(body?.body)).toMatch(/Level 2 \(CFO\): approved by Helen Vargas/);
    expect((await accepted(po.id)).map((a) => a.code)).toEqual(expect.arrayContaining(['level-1', 'level-2']));
  });

  it('ends the chain on a rejection at level 2: the PO is cancelled with the reason', async () => {
    const po = await h.createWaitingPo({ amount: 12500 });
    const card = await h.waitForCard(po.name);
    await approveLevelOne(po, card);
    const modals = h.slack.callsOf('views.open').length;
    await h.click('helen', card, 'reject');
    await waitFor(() => h.slack.callsOf('views.open').length > modals, 5_000, 'the reject modal');
    expect((await h.submitReject('helen', card, 'Budget frozen until Q3')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'cancel', 10_000, 'the PO to be cancelled');
    const text = await h.waitForCardText(card, /Rejected by Helen Vargas/);
    expect(text).toMatch(/Level 2 · \*CFO\*: rejected by Helen Vargas/);
    expect(text).toContain('Budget frozen until Q3');
    expect(await notesOn(po.id, 'Reason: Budget frozen until Q3')).toHaveLength(1);
  });

  it('refuses the person who decided level 1 at level 2, and writes nothing', async () => {
    const po = await h.createWaitingPo({ amount: 13000 });
    const card = await h.waitForCard(po.name);
    await approveLevelOne(po, card, 'daniel');
    await h.click('daniel', card, 'approve');
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes(`You already approved level 1 (Category manager) of ${po.name}`)), 10_000, 'the refusal');
    const refused = (await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'refused');
    expect(refused.map((a) => a.code)).toContain('already_decided_a_level');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await finalNotes(po.id)).toHaveLength(0);
    expect(await notesOn(po.id, 'Level 1 of 2')).toHaveLength(1);

    // The status answer names the level it waits on.
    const before = h.slack.callsOf('response_url').length;
    await postToSlackEndpoint(`${h.bot.url}/slack/events`, slashCommandRequest(SIGNING_SECRET, { command: '/po', text: po.name, userId: SLACK_USERS.bea.id, userName: 'bea', channelId: CHANNEL, responseUrl: h.slack.responseUrl }));
    await waitFor(() => h.slack.callsOf('response_url').length > before, 10_000, 'the status answer');
    expect(shown(h.slack.callsOf('response_url').at(-1)!)).toMatch(/Waiting on level 2, CFO, \d+ business (hour|minute)s?/);
  });

  it('refuses a level 2 approver while level 1 waits, and skips level 2 for an order not above 10,000', async () => {
    const big = await h.createWaitingPo({ amount: 14000 });
    const bigCard = await h.waitForCard(big.name);
    await h.click('helen', bigCard, 'approve');
    await waitFor(() => h.ephemeralsTo('helen').some((t) => t.includes(`${big.name} waits on level 1 (Category manager)`)), 10_000, 'the refusal');
    expect((await h.bot.approvals.audit.forOrder(big.id)).some((a) => a.code === 'not_at_this_level')).toBe(true);
    expect(await h.admin.readState(big.id)).toBe('to approve');

    const small = await h.createWaitingPo({ amount: 7000 });
    const card = await h.waitForCard(small.name);
    expect(JSON.stringify(h.slack.callsOf('chat.postMessage').find((c) => c.response?.ts === card.ts)!.body)).toMatch(/Level 2 · \*CFO\*: skipped/);
    await h.click('megan', card, 'approve');
    await waitFor(async () => (await h.admin.readState(small.id)) === 'purchase', 10_000, 'the approval after level 1 alone');
    // Odoo approves first, then the note is posted: wait for it.
    await waitFor(async () => (await finalNotes(small.id)).length === 1, 10_000, 'the final note');
    const [note] = await h.admin.read('poMessage', await finalNotes(small.id));
    expect(String(note?.body)).toMatch(/Level 2 \(CFO\): skipped/);
  });

  it('makes one level decision and one note per level out of 20 concurrent clicks at each level', async () => {
    const po = await h.createWaitingPo({ amount: 15000 });
    const card = await h.waitForCard(po.name);
    await Promise.all(Array.from({ length: 20 }, (_, i) => h.click(i % 2 ? 'avery' : 'megan', card, 'approve')));
    await waitFor(async () => (await levelNote(po.id)).length === 1, 15_000, 'the level 1 note');
    await h.waitForCardText(card, /Level 2 · \*CFO\*: waiting/);
    await Promise.all(Array.from({ length: 20 }, (_, i) => h.click(i % 2 ? 'helen' : 'daniel', card, 'approve')));
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 15_000, 'the approval');
    await h.waitForCardText(card, /written to Odoo/, 15_000);
    expect(await levelNote(po.id)).toHaveLength(1);
    expect(await finalNotes(po.id)).toHaveLength(1);
    const approvals = (await h.admin.search('poMessage', { domain: [['res_id', '=', po.id], ['message_type', '=', 'notification']] })).filter((m) => m.subtype?.name === 'RFQ Approved');
    expect(approvals).toHaveLength(1);
    expect((await accepted(po.id)).map((a) => a.code).sort()).toEqual(['level-1', 'level-2']);
  });

  it('voids the level approvals when the PO changes between levels: the chain restarts at level 1', async () => {
    const po = await h.createWaitingPo({ amount: 11000 });
    const card = await h.waitForCard(po.name);
    await approveLevelOne(po, card);
    const [line] = await h.admin.searchIds('purchase.order.line', [['order_id', '=', po.id]]);
    await h.admin.write('purchase.order.line', [line!], { price_unit: 11500 });
    await h.click('helen', card, 'approve');
    const text = await h.waitForCardText(card, /approval chain restarted at level 1/);
    expect(text).toMatch(/\$11,000\.00 → \$11,500\.00/);
    expect(text).toMatch(/Level 1 · \*Category manager\*: waiting/);
    await waitFor(() => h.ephemeralsTo('helen').some((t) => t.includes(`${po.name} changed`)), 10_000, 'Helen to be told the PO changed');
    expect(await h.admin.readState(po.id)).toBe('to approve');

    // Level 1 decides again on the new version; the earlier approval does not count.
    const update = h.slack.callsOf('chat.update').filter((c) => c.body.ts === card.ts).at(-1)!;
    const fresh: Card = { ...card, buttons: buttonsOf(update.body) };
    expect(fresh.buttons.approval_approve).not.toBe(card.buttons.approval_approve);
    await h.click('avery', fresh, 'approve');
    await waitFor(async () => (await levelNote(po.id)).length === 2, 10_000, 'a second level 1 note, for the new version');
    await h.click('helen', fresh, 'approve');
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the approval of the changed PO');
  });

  it('exposes approval aging per level and per approver on /metrics', async () => {
    const po = await h.createWaitingPo({ amount: 16000 });
    const card = await h.waitForCard(po.name);
    await approveLevelOne(po, card);
    const text = await (await fetch(`${h.bot.url}/metrics`)).text();
    expect(text).toMatch(/chatops_approval_level_waiting_business_hours\{rule="category-then-cfo",level="2"\} \d/);
    expect(text).toMatch(/chatops_approval_level_open_requests\{rule="category-then-cfo",level="2"\} [1-9]/);
    expect(text).toMatch(/chatops_approval_waiting_on_person_business_hours\{approver="Helen Vargas"\} \d/);
    expect(text).toMatch(/chatops_approval_level_wait_business_hours_count\{rule="category-then-cfo",level="1"\} [1-9]/);
  });
});
