/**
 * Status questions in Microsoft Teams: `po P00042` in a personal chat, and with an @mention in a
 * channel (answered in the question's thread); a channel message that does not mention the bot
 * gets no answer. Real message activities POSTed to /api/messages, answers recorded at the fake
 * Bot Connector as Adaptive Cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotConnectorCall } from '../fakes/fake-bot-connector.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { cardOfCall } from '../support/teams-harness.ts';
import { APPROVALS_CHANNEL, CrossPlatformHarness, personalChat } from './cross-platform-harness.ts';

const CHANNEL_ID = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';
const AVERY_CHAT = personalChat('avery');
const AVERY_CHAT_ID = AVERY_CHAT.kind === 'personal' ? AVERY_CHAT.conversationId : '';

let h: CrossPlatformHarness;
let po: { id: number; name: string; state: string };

beforeAll(async () => {
  h = await CrossPlatformHarness.start();
  await h.install(APPROVALS_CHANNEL);
  po = await h.createPo({ amount: 12_000 });
  expect(po.state).toBe('to approve');
}, 120_000);
afterAll(async () => h?.close());

async function answerTo(conversationId: string, activityId: string): Promise<BotConnectorCall> {
  let reply: BotConnectorCall | undefined;
  await waitFor(() => {
    reply = h.repliesIn(conversationId).find((c) => c.activityId === activityId);
    return reply !== undefined;
  }, 15_000, `the answer to ${activityId}`);
  return reply!;
}

describe('status questions in Teams', () => {
  it('answers `po P00042` in a personal chat with the PO status card', async () => {
    const { answer, activityId } = await h.say('avery', AVERY_CHAT, `po ${po.name}`);
    expect(answer.status).toBe(200);
    const reply = await answerTo(AVERY_CHAT_ID, activityId);
    const card = cardOfCall(reply);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const text = JSON.stringify(card);
    expect(text).toContain(po.name);
    expect(text).toContain('Next: approval');
    expect(text).toContain('Action.OpenUrl');
  });

  it('answers help and a list command in the personal chat', async () => {
    const help = await h.say('avery', AVERY_CHAT, 'help');
    expect(JSON.stringify(cardOfCall(await answerTo(AVERY_CHAT_ID, help.activityId)))).toContain('po late');
    // Teams bots have no home tab: `po home` answers the same overview as a card.
    const home = await h.say('avery', AVERY_CHAT, 'po home');
    expect(JSON.stringify(cardOfCall(await answerTo(AVERY_CHAT_ID, home.activityId)))).toMatch(/Procurement for Avery Quinn.*Waiting for your approval/);
    // The seeded POs waiting for Avery: a list card, most urgent first.
    const list = await h.say('avery', AVERY_CHAT, 'po approvals');
    expect(JSON.stringify(cardOfCall(await answerTo(AVERY_CHAT_ID, list.activityId)))).toMatch(/Waiting for your approval.*most urgent first/);
  });

  it('answers an @mention in a channel in the question thread, without the mention text', async () => {
    const { answer, activityId } = await h.say('daniel', APPROVALS_CHANNEL, `po ${po.name}`, { mentionBot: true });
    expect(answer.status).toBe(200);
    const reply = await answerTo(CHANNEL_ID, activityId);
    expect(reply.body.replyToId).toBe(activityId);
    expect(JSON.stringify(cardOfCall(reply))).toContain(po.name);
  });

  it('does not answer a channel message that does not mention the bot', async () => {
    const { answer, activityId } = await h.say('daniel', APPROVALS_CHANNEL, `po ${po.name}`);
    expect(answer.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(h.repliesIn(CHANNEL_ID).filter((c) => c.activityId === activityId)).toHaveLength(0);
    expect(h.connector.callsOf('sendToConversation').filter((c) => c.conversationId === CHANNEL_ID && JSON.stringify(c.body).includes('Next:'))).toHaveLength(0);
  });

  it('routes `po delegate @name until ...` to the delegation feature, with the Teams mention tied to the account', async () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const DANIEL_CHAT = personalChat('daniel');
    const { activityId } = await h.say('daniel', DANIEL_CHAT, `po delegate <at>Avery Quinn</at> until ${until}`, { mentions: ['avery'] });
    const reply = await answerTo(DANIEL_CHAT.kind === 'personal' ? DANIEL_CHAT.conversationId : '', activityId);
    expect(String(reply.body.text)).toContain('Avery Quinn');
    const active = await h.bot.delegation.active();
    expect(active).toEqual([expect.objectContaining({ from: 'dokafor@northgate-supply.example', to: 'approver@northgate-supply.example', createdBy: expect.objectContaining({ platform: 'teams' }) })]);
  });
});
