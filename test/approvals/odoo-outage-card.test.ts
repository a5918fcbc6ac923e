import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_JOBS } from '../../src/approvals/approval-jobs.ts';
import { blocksOf, buttonsOf, startApprovalHarness, SLACK_USERS, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

/**
 * Odoo goes down between the card and the click (the proxy refuses it). The click is recorded
 * from what the bot holds, the card says "waiting for Odoo" at once, and the write lands within
 * seconds of Odoo's return; an outage longer than the wait ends in a private Retry that works once.
 */
const WAIT_SECONDS = 6;
let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness({ WRITEBACK_ODOO_WAIT_SECONDS: String(WAIT_SECONDS), WRITEBACK_ODOO_RETRY_MS: '500' });
}, 60_000);
afterAll(async () => {
  h?.proxy.up();
  await h?.close();
});
// A test that fails while Odoo is cut off must not leave the next one without Odoo.
afterEach(() => h?.proxy.up());

/** Polls `probe` every 20 ms; resolves with the milliseconds it took. */
async function msUntil(probe: () => boolean | Promise<boolean>, ms: number, what: string): Promise<number> {
  const started = Date.now();
  const deadline = started + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

const notesOf = async (orderId: number, decisionId: string) =>
  h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', orderId], ['body', 'ilike', `Ref ${decisionId}`]]);

describe('a click while Odoo is down', () => {
  it('is recorded at once, says "waiting for Odoo" within 2 s, and "written" within 5 s of Odoo coming back', async () => {
    const po = await h.createWaitingPo({ amount: 7000 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    const clicked = Date.now();
    expect((await h.click('daniel', card, 'approve')).status).toBe(200);
    const toRecording = await msUntil(() => /Recording the approval/.test(h.cardText(card)) || /Waiting for Odoo \(retrying\)/.test(h.cardText(card)), 2_000, 'the click acknowledged on the card');
    const toWaiting = await msUntil(() => /Waiting for Odoo \(retrying\)/.test(h.cardText(card)), 2_000 - (Date.now() - clicked), '"waiting for Odoo" on the card');
    const clickToWaiting = Date.now() - clicked;
    expect(clickToWaiting).toBeLessThan(2_000);
    const request = await h.bot.approvals.store.openFor(po.id);
    expect(request?.decision?.actor.userId).toBe(SLACK_USERS.daniel.id);
    // A few retries into the outage, no attempt is spent and nothing failed.
    await new Promise((r) => setTimeout(r, 2_500));
    const job = await h.bot.queues.writeback.getJob(request!.decision!.id);
    expect(job?.attemptsMade ?? 0).toBe(0);
    expect(await h.bot.queues.writeback.getFailedCount()).toBe(0);

    h.proxy.up();
    const back = Date.now();
    await msUntil(() => /\*, written to Odoo/.test(h.cardText(card)), 5_000, '"written" after Odoo came back');
    const backToWritten = Date.now() - back;
    expect(backToWritten).toBeLessThan(5_000);
    expect(await h.admin.readState(po.id)).toBe('purchase');
    expect(await notesOf(po.id, request!.decision!.id)).toHaveLength(1);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'written')).toHaveLength(1);
    expect(audit.filter((a) => a.code === 'odoo_unreachable')).toHaveLength(1);
    process.stdout.write(`[odoo-outage] click -> recorded on card ${toRecording} ms, click -> "waiting for Odoo" ${clickToWaiting} ms (${toWaiting} ms after recorded), Odoo back -> "written" ${backToWritten} ms\n`);
  }, 40_000);

  it('writes nothing when the PO changed in Odoo meanwhile: the card shows the change, the clicker is told to decide again', async () => {
    const po = await h.createWaitingPo({ amount: 7200 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    await h.click('daniel', card, 'approve');
    await h.waitForCardText(card, /Waiting for Odoo \(retrying\)/, 2_000);
    // Someone edits the PO in Odoo (not through the bot's cut-off path) while the bot cannot see it.
    const [line] = await h.admin.searchIds('purchase.order.line', [['order_id', '=', po.id]]);
    await h.admin.write('purchase.order.line', [line!], { product_qty: 2 });
    h.proxy.up();
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes(`${po.name} changed in Odoo since this card was posted`)), 10_000, 'Daniel told the PO changed');
    const text = await h.waitForCardText(card, /Changed since/i);
    expect(text).toMatch(/amount: \$7,200\.00 → \$14,400\.00/);
    expect(await h.admin.readState(po.id)).toBe('to approve');
    const request = await h.bot.approvals.store.openFor(po.id);
    expect(request).toMatchObject({ status: 'pending', decision: null });
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.code === 'stale_card')).toHaveLength(1);
    expect(await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', 'Ref approve-po-']])).toHaveLength(0);
  }, 30_000);

  it('writes nothing when the PO was cancelled in Odoo meanwhile: the card closes and the clicker is told', async () => {
    const po = await h.createWaitingPo({ amount: 7300 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    await h.click('daniel', card, 'approve');
    await h.waitForCardText(card, /Waiting for Odoo \(retrying\)/, 2_000);
    await h.admin.cancelPurchaseOrder(po.id);
    h.proxy.up();
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes(`${po.name} is no longer waiting for approval: it is "cancel" in Odoo`)), 10_000, 'Daniel told the PO was cancelled');
    await h.waitForCardText(card, /Cancelled in Odoo/);
    expect(await h.admin.readState(po.id)).toBe('cancel');
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.code === 'not_waiting')).toHaveLength(1);
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'written')).toHaveLength(0);
  }, 30_000);

  it('records no chat approval when the PO was approved in Odoo meanwhile: the card says who approved it there', async () => {
    const po = await h.createWaitingPo({ amount: 7400 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    await h.click('daniel', card, 'approve');
    await h.waitForCardText(card, /Waiting for Odoo \(retrying\)/, 2_000);
    // Someone approves it in Odoo itself while the bot cannot reach Odoo.
    await h.admin.approvePurchaseOrder(po.id);
    h.proxy.up();
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes(`${po.name} is no longer waiting for approval: it is "purchase" in Odoo`)), 10_000, 'Daniel told the PO was approved in Odoo');
    const text = await h.waitForCardText(card, /approved in Odoo/i);
    expect(text).not.toMatch(/written to Odoo/);
    const request = (await h.bot.approvals.store.get((await h.bot.approvals.audit.forOrder(po.id)).find((a) => a.requestId)!.requestId!))!;
    expect(request).toMatchObject({ status: 'decided_elsewhere', decision: null, elsewhere: { outcome: 'approved' } });
    expect(request.elsewhere?.by).toBeTruthy();
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'written')).toHaveLength(0);
    expect(audit.filter((a) => a.code === 'not_waiting')).toHaveLength(1);
    // No chatter note claims a chat approval.
    expect(await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', 'Ref approve-po-']])).toHaveLength(0);
    expect(h.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name))).toHaveLength(0);
  }, 30_000);

  it('tells a clicker the bot has never identified that the click is kept, and answers it within seconds of Odoo coming back', async () => {
    const po = await h.createWaitingPo({ amount: 7500 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    const clicked = Date.now();
    await h.click('warehouse', card, 'approve'); // not a policy approver: who they are in Odoo is not known ahead
    await msUntil(() => h.ephemeralsTo('warehouse').some((t) => t.includes(`Your click on ${po.name} is kept and checked as soon as Odoo answers`)), 3_000, 'the clicker told the click is kept');
    const toKept = Date.now() - clicked;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(h.ephemeralsTo('warehouse').filter((t) => t.includes('is kept'))).toHaveLength(1); // told once, though checked again and again
    h.proxy.up();
    const back = Date.now();
    await msUntil(() => h.ephemeralsTo('warehouse').some((t) => t.includes(`You are not an approver of ${po.name}`)), 5_000, 'the click answered after Odoo came back');
    const backToAnswer = Date.now() - back;
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect((await h.bot.approvals.store.openFor(po.id))?.status).toBe('pending');
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.code === 'not_an_approver')).toHaveLength(1);
    process.stdout.write(`[odoo-outage] unknown clicker: click -> "kept" ${toKept} ms, Odoo back -> answered ${backToAnswer} ms\n`);
  }, 30_000);

  it('tells a clicker the bot could not identify, once the outage outlasts the wait, that the click was not recorded', async () => {
    const po = await h.createWaitingPo({ amount: 7600 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    await h.click('helen', card, 'approve');
    await msUntil(() => h.ephemeralsTo('helen').some((t) => t.includes(`your click on ${po.name} was not recorded. Click again once Odoo is back`)), (WAIT_SECONDS + 5) * 1000, 'the clicker told the click was not recorded');
    h.proxy.up();
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await h.bot.approvals.store.openFor(po.id))?.status).toBe('pending');
    expect((await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.code === 'odoo_unreachable' && a.outcome === 'refused')).toHaveLength(1);
    expect(await h.bot.queues.writeback.getFailedCount()).toBe(0);
  }, 30_000);

  it('tells the clicker privately when the wait is over, and their Retry writes the decision once however often it is pressed', async () => {
    const po = await h.createWaitingPo({ amount: 7100 });
    const card = await h.waitForCard(po.name);
    h.proxy.down();
    await h.click('daniel', card, 'approve');
    await h.waitForCardText(card, /Waiting for Odoo \(retrying\)/, 2_000);
    // The outage outlasts the wait: the card says it failed and Daniel alone is told, with a Retry.
    const offer = () => h.slack.callsOf('chat.postEphemeral').find((c) => c.body.user === SLACK_USERS.daniel.id && String(c.body.text ?? '').includes(`could not be written to Odoo`) && String(c.body.text ?? '').includes(po.name));
    const waited = await msUntil(() => offer() !== undefined, (WAIT_SECONDS + 5) * 1000, 'the private Retry offer');
    await h.waitForCardText(card, /could not be written to Odoo/, 2_000);
    const retry = buttonsOf(offer()!.body).approval_retry;
    expect(retry).toBeDefined();
    expect(JSON.stringify(blocksOf(offer()!.body))).toContain('Retry');
    expect(h.slack.callsOf('chat.postEphemeral').filter((c) => String(c.body.text ?? '').includes(`could not be written to Odoo`) && String(c.body.text ?? '').includes(po.name))).toHaveLength(1);
    expect(await h.admin.readState(po.id)).toBe('to approve');

    // Someone else's Retry is refused; Daniel's, pressed three times, re-queues the decision once.
    h.proxy.up();
    const withRetry = { ...card, buttons: { approval_retry: retry! } };
    await h.click('avery', withRetry, 'retry');
    await waitFor(() => h.ephemeralsTo('avery').some((t) => t.includes('can retry writing it to Odoo')), 10_000, 'Avery refused');
    await Promise.all([h.click('daniel', withRetry, 'retry'), h.click('daniel', withRetry, 'retry'), h.click('daniel', withRetry, 'retry')]);
    await h.waitForCardText(card, /\*, written to Odoo/, 10_000);
    expect(await h.admin.readState(po.id)).toBe('purchase');
    const request = (await h.bot.approvals.store.get((await h.bot.approvals.audit.forOrder(po.id)).find((a) => a.requestId)!.requestId!))!;
    expect(await notesOf(po.id, request.decision!.id)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_000));
    const writeBacks = (await h.bot.queues.writeback.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed'])).filter((j) => j.name === APPROVAL_JOBS.writeBack && String(j.id).startsWith(request.decision!.id));
    expect(writeBacks.map((j) => j.id).sort()).toHaveLength(2); // the one that gave up, and one retry
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'written')).toHaveLength(1);
    expect(audit.filter((a) => a.outcome === 'retrying' && a.code === 'retry_requested')).toHaveLength(1);
    expect(h.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name))).toHaveLength(1);
    process.stdout.write(`[odoo-outage] Retry offered ${waited} ms after "waiting for Odoo" (wait ${WAIT_SECONDS} s)\n`);
  }, 60_000);
});
