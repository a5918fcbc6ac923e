/**
 * Slack and Teams in one bot: a rule routes a PO to a Slack channel AND a Teams channel, so both
 * cards are posted; a decision on either platform updates the other platform's card (chat.update
 * at the fake Slack API, PUT at the fake Bot Connector), and so does a decision made in Odoo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { APPROVALS_CHANNEL, CrossPlatformHarness, SLACK_APPROVALS } from './cross-platform-harness.ts';

const TEAMS_APPROVALS = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';

let h: CrossPlatformHarness;
beforeAll(async () => {
  h = await CrossPlatformHarness.start();
  await h.install(APPROVALS_CHANNEL);
}, 120_000);
afterAll(async () => h?.close());

const teamsUpdatesOf = (activityId: string) => h.connector.callsOf('updateActivity').filter((c) => c.activityId === activityId && c.method === 'PUT' && c.conversationId === TEAMS_APPROVALS);
const slackUpdatesOf = (ts: string) => h.slack.callsOf('chat.update').filter((c) => c.body.channel === SLACK_APPROVALS && c.body.ts === ts && c.response?.ok);

describe('one approval, two platforms', () => {
  it('posts both cards; an approval in Slack updates the Teams card in place', async () => {
    const po = await h.createPo({ amount: 12_000 });
    expect(po.state).toBe('to approve');
    const slackCard = await h.waitForSlackCard(po.name);
    const teamsCard = await h.waitForTeamsCard(TEAMS_APPROVALS, po.name);
    expect(h.actionData(h.teamsCard(teamsCard), TEAMS_VERBS.approvalApprove)).toMatchObject({ requestId: expect.any(String) });
    // Either card may be re-rendered once while the other is being posted: count from here.
    expect(JSON.stringify(h.teamsCard(teamsCard))).not.toContain('Approved by');
    const updatesBefore = teamsUpdatesOf(teamsCard.activityId).length;

    expect((await h.clickSlack('avery', slackCard, 'approve')).status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 20_000, 'the approval in Odoo');
    const text = await h.waitForTeamsCardText(teamsCard, /Approved by Avery Quinn/);
    expect(text).not.toContain(TEAMS_VERBS.approvalApprove);
    expect(teamsUpdatesOf(teamsCard.activityId).length).toBeGreaterThan(updatesBefore);
    await waitFor(() => /Approved by Avery Quinn/.test(h.slackCardText(slackCard.ts)), 20_000, 'the Slack card');
  });

  it('an approval in Teams (another PO) updates the Slack card', async () => {
    const po = await h.createPo({ amount: 9_500 });
    const slackCard = await h.waitForSlackCard(po.name);
    const teamsCard = await h.waitForTeamsCard(TEAMS_APPROVALS, po.name);
    expect(h.slackCardText(slackCard.ts)).not.toContain('Approved by');
    const updatesBefore = slackUpdatesOf(slackCard.ts).length;

    const data = h.actionData(h.teamsCard(teamsCard), TEAMS_VERBS.approvalApprove)!;
    const answer = await h.act('avery', APPROVALS_CHANNEL, teamsCard, TEAMS_VERBS.approvalApprove, data);
    expect(answer.status).toBe(200);
    await waitFor(async () => (await h.admin.readState(po.id)) === 'purchase', 20_000, 'the approval in Odoo');
    await waitFor(() => /Approved by Avery Quinn/.test(h.slackCardText(slackCard.ts)), 20_000, 'the Slack card to show the Teams decision');
    expect(h.slackCardText(slackCard.ts)).not.toContain('approval_approve');
    expect(slackUpdatesOf(slackCard.ts).length).toBeGreaterThan(updatesBefore);
    await h.waitForTeamsCardText(teamsCard, /Approved by Avery Quinn/);
  });

  it('a decision made in Odoo updates the Teams card', async () => {
    const po = await h.createPo({ amount: 7_200 });
    const slackCard = await h.waitForSlackCard(po.name);
    const teamsCard = await h.waitForTeamsCard(TEAMS_APPROVALS, po.name);
    const updatesBefore = teamsUpdatesOf(teamsCard.activityId).length;
    await h.admin.approvePurchaseOrder(po.id);
    const text = await h.waitForTeamsCardText(teamsCard, /Approved in Odoo/);
    expect(text).not.toContain(TEAMS_VERBS.approvalApprove);
    expect(teamsUpdatesOf(teamsCard.activityId).length).toBeGreaterThan(updatesBefore);
    await waitFor(() => /Approved in Odoo/i.test(h.slackCardText(slackCard.ts)), 20_000, 'the Slack card');
  });
});
