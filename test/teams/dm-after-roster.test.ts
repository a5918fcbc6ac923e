import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { TEAMS_USERS, startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';

let h: TeamsHarness;
beforeAll(async () => {
  // DMs on; the bot is not in any team yet, so nobody can be found in Teams by email.
  h = await startTeamsHarness({ POLICY_FILE: resolve(PROJECT_ROOT, 'test/teams/fixtures/teams-dm-policy.yaml') });
}, 90_000);
afterAll(async () => h?.close());

describe('an approver the bot could not find in Teams yet', () => {
  it('gets the card in a personal chat once the bot joins a team they are in', async () => {
    const po = await h.createWaitingPo({ amount: 7000 });
    // This PO's job only: the seeded POs waiting for approval have DM cards for Avery that fail the same way.
    const unresolved = async () => (await h.bot.queues.notify.getFailed()).filter((j) => String(j.id).includes(`po-${po.id}-`) && /no teams account found for approver@northgate-supply\.example/.test(j.failedReason ?? ''));
    await waitFor(async () => (await unresolved()).length === 1, 15_000, "the job of Avery's DM card to fail: no Teams account known");

    expect((await h.install()).status).toBe(200); // Daniel adds the bot to the team: the roster names Avery
    await waitFor(async () => (await unresolved()).length === 0, 10_000, 'the failed DM job to be retried');
    const opened = () => h.connector.callsOf('createConversation').find((c) => (c.body.members as Array<{ id: string }>)[0]?.id === TEAMS_USERS.avery.id);
    await waitFor(() => opened()?.createdId !== undefined, 10_000, 'a personal chat with Avery');
    await waitFor(() => h.connector.callsOf('sendToConversation').some((c) => c.conversationId === opened()!.createdId && JSON.stringify(c.body).includes(po.name)), 10_000, "the card in Avery's personal chat");
    // The channel card, which waited for the installation too, arrived once.
    const channelCard = await h.waitForCard(po.name);
    expect(channelCard.activityId).toBeTruthy();
  });
});
