import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, SIGNING_SECRET, SLACK_USERS, startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { shown, slashCommandRequest } from '../status/status-harness.ts';

// The status feature wired into the real bot (start-bot), next to approvals on one Bolt app.
let h: ApprovalHarness;
beforeAll(async () => {
  h = await startApprovalHarness();
}, 60_000);
afterAll(async () => h?.close());

describe('/po in the running bot', () => {
  it('answers the status of a PO waiting for approval, naming who owns the next action', async () => {
    const po = await h.createWaitingPo({ amount: 9100 });
    await h.waitForCard(po.name);
    const before = h.slack.callsOf('response_url').length;
    const res = await postToSlackEndpoint(`${h.bot.url}/slack/events`, slashCommandRequest(SIGNING_SECRET, { command: '/po', text: po.name, userId: SLACK_USERS.bea.id, userName: 'bea', channelId: CHANNEL, responseUrl: h.slack.responseUrl }));
    expect(res.status).toBe(200);
    await waitFor(() => h.slack.callsOf('response_url').length > before, 10_000, 'the answer');
    const answer = shown(h.slack.callsOf('response_url').at(-1)!);
    expect(answer).toContain(po.name);
    expect(answer).toMatch(/approv/i);
  });
});
