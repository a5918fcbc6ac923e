import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { ODOO_PROFILES, profileName } from '../support/odoo-profile.ts';
import { waitFor } from '../support/spawn-bot.ts';

/**
 * The approval flows against every Odoo the bot supports: the embedded Odoo 17 and 18 over
 * XML-RPC, 19 over XML-RPC and over JSON-2 (its own field names, `locked` instead of `done`,
 * message_post answering [id]). The other e2e suites run on one profile chosen by
 * TEST_ODOO_VERSION / TEST_ODOO_PROTOCOL (test/support/odoo-profile.ts).
 */
describe.each(ODOO_PROFILES)('approvals on %s', (profile) => {
  let h: ApprovalHarness;
  beforeAll(async () => {
    h = await startApprovalHarness({}, { profile });
  }, 90_000);
  afterAll(async () => h?.close());

  const notesOn = (id: number, text: string) => h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', id], ['body', 'ilike', text]]);

  it(`approve from Slack writes to Odoo once (${profileName(profile)})`, async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    expect((await h.click('avery', card, 'approve')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 10_000, 'the PO to be approved in Odoo');
    await h.waitForCardText(card, /Approved by Avery Quinn.*written to Odoo/is);
    expect(await notesOn(po.id, 'Approved in Slack by Avery Quinn')).toHaveLength(1);
  });

  it('reject with a reason cancels the PO and writes the reason in the chatter', async () => {
    const po = await h.createWaitingPo({ amount: 9000 });
    const card = await h.waitForCard(po.name);
    await h.click('avery', card, 'reject');
    await waitFor(() => h.slack.callsOf('views.open').length > 0, 5_000, 'the reject modal');
    expect((await h.submitReject('avery', card, 'Too expensive')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'cancel', 10_000, 'the PO to be cancelled');
    await h.waitForCardText(card, /Rejected by Avery Quinn/i);
    expect(await notesOn(po.id, 'Reason: Too expensive')).toHaveLength(1);
  });

  it('a PO approved in Odoo directly updates its card', async () => {
    const po = await h.createWaitingPo({ amount: 5700 });
    const card = await h.waitForCard(po.name);
    await h.admin.approvePurchaseOrder(po.id);
    const text = await h.waitForCardText(card, /Approved in Odoo by/i, 15_000);
    expect(text).not.toContain('approval_approve');
  });
});
