import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownTargetOf } from '../../adapters/teams/redeliver-on-install.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { APPROVALS_CHANNEL, TEAMS_USERS, startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { botAddedActivity, postActivity, TEAMS_BOT } from '../support/teams-activities.ts';

let h: TeamsHarness;
beforeAll(async () => {
  // The bot is NOT added to the Approvals channel yet: cards routed there cannot be delivered.
  h = await startTeamsHarness();
}, 90_000);
afterAll(async () => h?.close());

describe('a Teams channel the bot joins after cards were routed to it', () => {
  it('keeps the card as a failed job, then delivers it when the bot is installed there', async () => {
    const po = await h.createWaitingPo({ amount: 8000 });
    const failedFor = async () => (await h.bot.queues.notify.getFailed()).filter((j) => unknownTargetOf(j.failedReason) !== null && JSON.stringify(j.data).includes('teams'));
    await waitFor(async () => (await failedFor()).length > 0, 15_000, 'the Teams card job to fail for the unknown channel');
    expect(h.connector.callsOf('sendToConversation').length).toBe(0);

    expect((await h.install()).status).toBe(200);
    const card = await h.waitForCard(po.name);
    expect(card.activityId).toBeTruthy();
    await waitFor(async () => (await failedFor()).length === 0, 10_000, 'the failed job to be retried and done');
    // Installed twice (a second conversationUpdate): the card is not posted again.
    expect((await h.install()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const posts = h.connector.callsOf('sendToConversation').filter((c) => JSON.stringify(c.body).includes(po.name));
    expect(posts).toHaveLength(1);
  });

  it('forgets the channel when the bot is removed, then delivers what was routed there once it is back', async () => {
    const teams = h.bot.teams!;
    const channelId = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';
    const removal = { ...botAddedActivity(h.connector.url, TEAMS_USERS.daniel, APPROVALS_CHANNEL), membersAdded: [], membersRemoved: [{ id: TEAMS_BOT.id }] };
    expect((await postActivity(h.bot.url, removal)).status).toBe(200);
    expect(await teams.conversations.get(channelId)).toBeNull();
    expect(await teams.conversations.find('Purchasing/Approvals')).toBeNull();

    const po = await h.createWaitingPo({ amount: 8500 });
    const failed = async () => (await h.bot.queues.notify.getFailed()).filter((j) => unknownTargetOf(j.failedReason) === 'Purchasing/Approvals');
    await waitFor(async () => (await failed()).length === 1, 15_000, 'the card job to wait for the channel');
    expect((await h.install()).status).toBe(200);
    await h.waitForCard(po.name);
    await waitFor(async () => (await failed()).length === 0, 10_000, 'the waiting job to be done');
  });

  it('reads the conversation out of the refusal message only', () => {
    expect(unknownTargetOf('the bot knows no Teams conversation "Purchasing/Approvals": add the bot')).toBe('Purchasing/Approvals');
    expect(unknownTargetOf('odoo_unavailable: timeout')).toBeNull();
    expect(unknownTargetOf(undefined)).toBeNull();
  });
});
