import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';

let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness();
}, 60_000);
afterAll(async () => h?.close());

const RETRY_AFTER_S = 2;
const STORM_MS = 6_000;

describe('a Slack 429 storm on one channel', () => {
  it('makes at most one call per Retry-After window per method family on that channel, then catches up with the newest state', async () => {
    const pos = [await h.createWaitingPo({ amount: 7000 }), await h.createWaitingPo({ amount: 7100 }), await h.createWaitingPo({ amount: 7200 })];
    const cards = [];
    for (const po of pos) cards.push(await h.waitForCard(po.name));
    const stormStart = Date.now();
    h.slack.rateLimitChannel(CHANNEL, RETRY_AFTER_S, STORM_MS);
    // Every click queues card updates (queued, then written) for the same channel: six jobs, or more.
    for (const card of cards) expect((await h.click('avery', card, 'approve')).status).toBe(200);
    for (const card of cards) await h.waitForCardText(card, /written to Odoo/i, STORM_MS + 20_000);

    const limited = h.slack.calls.filter((c) => c.body.channel === CHANNEL && c.at >= stormStart && c.at < stormStart + STORM_MS);
    for (const method of new Set(limited.map((c) => c.method))) {
      const all = limited.filter((c) => c.method === method).map((c) => c.at).sort((a, b) => a - b);
      // Calls already in flight when Slack's first 429 came back are not held back by it; from then on, one per window.
      const ats = [all[0]!, ...all.filter((at) => at > all[0]! + 200)];
      // 50 ms of slack for the two clocks (Redis TIME decides, the fake stamps on arrival).
      for (let i = 1; i < ats.length; i++) expect(ats[i]! - ats[i - 1]!, `${method} calls ${i - 1} and ${i}`).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
      expect(ats.length).toBeLessThanOrEqual(Math.ceil(STORM_MS / (RETRY_AFTER_S * 1000)) + 1);
    }
    expect(limited.length).toBeGreaterThan(0);
    // Each card shows the newest state once the storm is over; nothing lost.
    for (const po of pos) expect(await h.admin.readState(po.id)).toBe('purchase');
  }, 60_000);
});
