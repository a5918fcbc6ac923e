/**
 * Exception alerts in Microsoft Teams: a late receipt routed `teams:Purchasing/Receiving` is
 * posted there as an Adaptive Card; Acknowledge, Snooze, Take ownership and Ask buyer arrive as
 * `adaptiveCard/action` invokes, go through the same use case as Slack's buttons, and the card is
 * updated in place (PUT at the Bot Connector). Bad invokes are refused and queue nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { APPROVALS_CHANNEL, CrossPlatformHarness, RECEIVING_CHANNEL, TEAMS_USERS, type PostedTeamsCard } from './cross-platform-harness.ts';

const RECEIVING = RECEIVING_CHANNEL.kind === 'channel' ? RECEIVING_CHANNEL.channelId : '';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

let h: CrossPlatformHarness;
let card: PostedTeamsCard;
let key: string;
let pickingId: number;

beforeAll(async () => {
  h = await CrossPlatformHarness.start();
  await h.install(APPROVALS_CHANNEL);
  await h.install(RECEIVING_CHANNEL);
  // The buyer has the bot in a personal chat: the bot knows her Teams account (Ask buyer mentions her).
  await h.installPersonal('bea');
  const po = await h.createPo({ amount: 40, vendorId: await h.teamsVendor(), datePlanned: daysAgo(4) });
  expect(po.state).toBe('purchase');
  [pickingId] = (await h.admin.searchIds('stock.picking', [['origin', '=', po.name]], { limit: 1 })) as [number];
  key = `late-receipt:stock.picking:${pickingId}`;
  await h.bot.alerts.scan('receipts');
  card = await h.waitForTeamsCard(RECEIVING, TEAMS_VERBS.exceptionRefresh);
}, 120_000);
afterAll(async () => h?.close());

const notesOn = (text: string) => h.admin.searchIds('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', pickingId], ['body', 'ilike', text]]);

describe('exception alerts in Teams', () => {
  it('posts the routed late receipt to the Teams channel as a card with the exception verbs, and nothing to Slack', async () => {
    const posted = h.teamsCard(card);
    expect(posted).toMatchObject({ type: 'AdaptiveCard', version: '1.5', refresh: { action: { verb: TEAMS_VERBS.exceptionRefresh, data: { key } } } });
    for (const verb of ['exception.acknowledge', 'exception.snooze-1h', 'exception.own', 'exception.ask-buyer']) expect(h.actionData(posted, verb)).toEqual({ key });
    expect(JSON.stringify(posted)).toContain('Action.OpenUrl');
    // The worker records the message after the connector answered the post: wait for that write.
    await waitFor(async () => ((await h.bot.alerts.store.get(key))?.messages.length ?? 0) > 0, 10_000, 'the posted message in the exception store');
    expect((await h.bot.alerts.store.get(key))?.messages).toEqual([expect.objectContaining({ platform: 'teams', channel: RECEIVING, messageId: card.activityId, route: 'teams:Purchasing/Receiving' })]);
    expect(h.slack.callsOf('chat.postMessage').some((c) => JSON.stringify(c.body).includes(key))).toBe(false);
  });

  it('acknowledges on an invoke: the state in the store, the card updated in place, one chatter note saying Teams', async () => {
    const answer = await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.acknowledge', h.actionData(h.teamsCard(card), 'exception.acknowledge')!);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Recording your acknowledgement…' });
    await waitFor(async () => (await h.bot.alerts.store.get(key))?.status === 'acknowledged', 20_000, 'the acknowledged state');
    expect((await h.bot.alerts.store.get(key))?.acknowledged).toMatchObject({ chat: { platform: 'teams', userId: TEAMS_USERS.warehouse.aadObjectId }, odooLogin: TEAMS_USERS.warehouse.email });
    const text = await h.waitForTeamsCardText(card, /Acknowledged by Wes Warehouse/);
    expect(text).not.toContain('exception.acknowledge');
    expect(h.connector.callsOf('updateActivity').some((c) => c.activityId === card.activityId && c.method === 'PUT' && c.conversationId === RECEIVING)).toBe(true);
    await waitFor(async () => (await notesOn('Acknowledged in Teams by Wes Warehouse')).length === 1, 20_000, 'the chatter note');
  });

  it('the refresh answers the card in its newest state for the viewer', async () => {
    const answer = await h.act('daniel', RECEIVING_CHANNEL, card, TEAMS_VERBS.exceptionRefresh, { key }, 'automatic');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(answer.body)).toContain('Acknowledged by Wes Warehouse');
  });

  it('snoozes and takes ownership through the same use case', async () => {
    expect((await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.snooze-4h', { key })).status).toBe(200);
    await waitFor(async () => Boolean((await h.bot.alerts.store.get(key))?.snoozedUntil), 20_000, 'the snooze');
    const snoozed = (await h.bot.alerts.store.get(key))!;
    expect(Date.parse(snoozed.snoozedUntil!) - Date.now()).toBeGreaterThan(3.5 * 3_600_000);
    await h.waitForTeamsCardText(card, /Snoozed until .* by Wes Warehouse/);

    expect((await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.own', { key })).status).toBe(200);
    await waitFor(async () => (await h.bot.alerts.store.get(key))?.status === 'owned', 20_000, 'the ownership');
    expect((await h.bot.alerts.store.get(key))?.owner).toMatchObject({ chat: { platform: 'teams' }, odooLogin: TEAMS_USERS.warehouse.email });
    await waitFor(async () => (await notesOn('Taken over in Teams by Wes Warehouse')).length === 1, 20_000, 'the take-over note');
  });

  it('asks the buyer in the card thread with a real Teams mention', async () => {
    expect((await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.ask-buyer', { key })).status).toBe(200);
    await waitFor(() => h.repliesIn(RECEIVING).some((c) => c.activityId === card.activityId && JSON.stringify(c.body).includes('asks about')), 20_000, 'the Ask buyer reply');
    const reply = h.repliesIn(RECEIVING).find((c) => c.activityId === card.activityId && JSON.stringify(c.body).includes('asks about'))!;
    expect(String(reply.body.text)).toMatch(/^<at>Bea Buyer<\/at> Wes Warehouse asks about/);
    expect(reply.body.entities).toEqual([expect.objectContaining({ type: 'mention', text: '<at>Bea Buyer</at>', mentioned: expect.objectContaining({ id: TEAMS_USERS.bea.id }) })]);
  });

  it('refuses malformed invokes with an error and queues nothing', async () => {
    const before = (await h.writebackJobs()).length;
    const badKey = await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.acknowledge', { key: 'not a key; DROP' });
    expect(badKey.status).toBe(400);
    expect(badKey.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'invalid_action' } });
    const noKey = await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.own', {});
    expect(noKey.status).toBe(400);
    const unknownVerb = await h.act('warehouse', RECEIVING_CHANNEL, card, 'exception.delete-everything', { key });
    expect(unknownVerb.body).toMatchObject({ value: { code: 'unknown_verb' } });
    const unknownRefresh = await h.act('warehouse', RECEIVING_CHANNEL, card, TEAMS_VERBS.exceptionRefresh, { key: 'late-receipt:stock.picking:999999' }, 'automatic');
    expect(unknownRefresh.status).toBe(400);
    expect((await h.writebackJobs()).length).toBe(before);
  });
});
