import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

/**
 * The running bot records the control tower's facts as it works: a PO approved from its Slack
 * card (clicked twice) shows in this week's measures as one decision in chat, once.
 */
let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('control tower facts from a real approval', () => {
  it('counts a decision made on a card once, in chat, for the week', async () => {
    const reader = h.bot.insights.reader;
    const period = () => ({ from: new Date(Date.now() - 7 * 86_400_000), to: new Date(Date.now() + 86_400_000) });
    const before = await reader.snapshot(period());
    const chatBefore = before.approvals.reduce((s, a) => s + a.decidedInChat, 0);
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    await h.click('avery', card, 'approve');
    await h.click('avery', card, 'approve');
    await h.waitForCardText(card, /written to Odoo/i, 30_000);
    // a fixed period ending tomorrow is not a rolling window: computed now, not from the cache above
    let chat = 0;
    await waitFor(async () => {
      const s = await reader.snapshot({ ...period(), to: new Date(Date.now() + 86_400_000 + Math.random() * 1000) });
      chat = s.approvals.reduce((n, a) => n + a.decidedInChat, 0);
      return chat > chatBefore;
    }, 20_000, 'the decision in the measures');
    expect(chat).toBe(chatBefore + 1);
  }, 90_000);

  it('refreshes the cached measures on the scan queue', async () => {
    const scan = h.bot.queues.scan;
    await waitFor(async () => (await scan.getJobs(['completed'])).some((j) => j.name === 'insights-refresh'), 30_000, 'an insights-refresh job completed');
    const failed = (await scan.getJobs(['failed'])).filter((j) => j.name === 'insights-refresh');
    expect(failed.map((j) => j.failedReason)).toEqual([]);
    const done = (await scan.getJobs(['completed'])).find((j) => j.name === 'insights-refresh');
    expect((done?.returnvalue as { refreshed: number }).refreshed).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('backfills the stores\' earlier history once, on the scan queue', async () => {
    const scan = h.bot.queues.scan;
    await waitFor(async () => (await scan.getJobs(['completed'])).some((j) => j.name === 'insights-backfill'), 30_000, 'the insights-backfill job completed');
    const runs = (await scan.getJobs(['completed', 'failed'])).filter((j) => j.name === 'insights-backfill');
    expect(runs.map((j) => j.failedReason ?? null)).toEqual([null]);
    expect(runs[0]?.returnvalue).toMatchObject({ skipped: false });
  }, 60_000);
});
