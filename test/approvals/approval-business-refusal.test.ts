import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

// The bot logs in to Odoo as a purchase user, not a manager: Odoo answers button_approve with {}
// and changes nothing, which the write-back must catch by re-reading the state.
let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness({ ODOO_USERNAME: 'pnair@northgate-supply.example', ODOO_PASSWORD: 'pnair' });
}, 60_000);
afterAll(async () => h?.close());

describe('an approval Odoo refuses', () => {
  it('says so in /readyz', async () => {
    const body = (await (await fetch(`${h.bot.url}/readyz`)).json()) as { warnings: string[] };
    expect(body.warnings).toContain("The bot's Odoo user pnair@northgate-supply.example is not in Purchase / Administrator: approvals decided in chat cannot be written to Odoo");
  });

  it('fails the write-back without retrying, shows the reason and a Retry button only the clicker may use', async () => {
    const po = await h.createWaitingPo({ amount: 6100 });
    const card = await h.waitForCard(po.name);
    await h.click('avery', card, 'approve');
    const text = await h.waitForCardText(card, /Odoo did not approve/i, 15_000);
    expect(text).toContain('Purchase / Administrator');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    const failed = (await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ code: 'odoo_ignored_approve' });

    const latest = h.slack.callsOf('chat.update').filter((c) => c.body.ts === card.ts).at(-1)!;
    const retryValue = buttonsOf(latest.body).approval_retry;
    expect(retryValue).toBeDefined();
    const withRetry = { ...card, buttons: { ...card.buttons, approval_retry: retryValue! } };

    await h.click('daniel', withRetry, 'retry');
    await waitFor(() => h.ephemeralsTo('daniel').some((t) => t.includes('who made this decision, can retry')), 10_000, 'Daniel to be refused');

    await h.click('avery', withRetry, 'retry');
    await waitFor(async () => (await h.bot.approvals.audit.forOrder(po.id)).filter((a) => a.outcome === 'failed').length === 2, 15_000, 'the retried write-back to fail again');
    expect(await h.admin.readState(po.id)).toBe('to approve');
    expect(await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', 'in Slack by']])).toHaveLength(0);
  });
});
