import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/spawn-bot.ts';
import { APPROVALS_CHANNEL, TEAMS_USERS, startTeamsHarness, type TeamsHarness } from '../support/teams-harness.ts';
import { TEAMS_BOT, postActivity } from '../support/teams-activities.ts';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
}, 90_000);
afterAll(async () => h?.close());

// Approval DMs find people by their Odoo email: people who never talked to the bot must be
// findable too, or an approver in Teams gets no card.
describe('the roster of a team the bot is added to', () => {
  it('stores every member when the bot is added, so a person who never wrote to the bot gets a DM', async () => {
    const teams = h.bot.teams!;
    expect(await teams.members.findByEmail(TEAMS_USERS.avery.email)).toBeNull();
    expect((await h.install()).status).toBe(200); // added by Daniel
    expect(h.connector.callsOf('getPagedMembers')).toHaveLength(1);
    for (const user of Object.values(TEAMS_USERS)) {
      expect(await teams.members.findByEmail(user.email)).toMatchObject({ id: user.id, aadObjectId: user.aadObjectId, name: user.name, serviceUrl: h.connector.url });
      expect((await teams.members.findByEmail(user.userPrincipalName))?.id).toBe(user.id);
    }
    // Avery never talked to the bot: a direct message opens a personal chat with her and lands there.
    await teams.chat.sendDirect({ platform: 'teams', userId: TEAMS_USERS.avery.aadObjectId }, 'PO P00042 was approved.');
    const opened = h.connector.callsOf('createConversation').find((c) => (c.body.members as Array<{ id: string }>)[0]?.id === TEAMS_USERS.avery.id);
    expect(opened?.createdId).toBeTruthy();
    await waitFor(() => h.connector.callsOf('sendToConversation').some((c) => c.conversationId === opened!.createdId && String(c.body.text).includes('P00042 was approved')), 5_000, 'the DM');
  });

  it('stores a person added to the team later, with one member lookup', async () => {
    const teams = h.bot.teams!;
    const newcomer = { id: `29:1newcomer-${'y'.repeat(80)}`, aadObjectId: '00000000-0000-4000-8000-00000000beef', name: 'Nora Newcomer', email: 'nora@northgate-supply.example', userPrincipalName: 'nora@northgate.onmicrosoft.com' };
    h.connector.addMember(newcomer);
    const channelId = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';
    const lookups = h.connector.callsOf('getMember').length;
    const answer = await postActivity(h.bot.url, {
      type: 'conversationUpdate', id: 'f:added-nora', timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl: h.connector.url,
      from: { id: TEAMS_USERS.daniel.id, name: TEAMS_USERS.daniel.name, aadObjectId: TEAMS_USERS.daniel.aadObjectId }, recipient: { ...TEAMS_BOT },
      conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-0001' },
      channelData: { tenant: { id: 'tenant-0001' }, team: { id: APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.teamId : '' }, eventType: 'teamMemberAdded' },
      membersAdded: [{ id: newcomer.id, aadObjectId: newcomer.aadObjectId }],
    });
    expect(answer.status).toBe(200);
    expect(await teams.members.findByEmail(newcomer.email)).toMatchObject({ id: newcomer.id, name: 'Nora Newcomer' });
    expect(h.connector.callsOf('getPagedMembers')).toHaveLength(1); // no second roster read
    expect(h.connector.callsOf('getMember').length).toBeGreaterThan(lookups);
  });
});
