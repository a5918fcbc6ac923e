import { resolve } from 'node:path';
import type { BotConnectorCall } from '../fakes/fake-bot-connector.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { cardActionActivity, installationActivity, messageActivity, postActivity, type ActivityAnswer, type TeamsPlace } from '../support/teams-activities.ts';
import { cardOfCall, startTeamsHarness, TEAMS_USERS, type TeamsCard, type TeamsHarness, type TeamsUserKey } from '../support/teams-harness.ts';
import { personalChat } from './cross-platform-harness.ts';

export { personalChat };

/** The id of a person's personal chat with the bot in these tests. */
export function personalChatId(user: TeamsUserKey): string {
  const chat = personalChat(user);
  return chat.kind === 'personal' ? chat.conversationId : '';
}

/**
 * The Teams approval harness (whole bot, embedded Odoo, fake Bot Connector) with the sequential
 * and delegation policy, plus what its tests need: personal chats, messages with @mentions, clicks
 * from any conversation, cards and texts by conversation.
 */
export interface TeamsChainHarness extends TeamsHarness {
  /** The person installs the bot in their personal scope: the bot learns their chat and profile. */
  installPersonal(user: TeamsUserKey): Promise<void>;
  /** A message in a conversation; `mentions` are people written `<at>Name</at>`, one entity each. */
  say(user: TeamsUserKey, place: TeamsPlace, text: string, mentions?: TeamsUserKey[]): Promise<{ answer: ActivityAnswer; activityId: string }>;
  /** An Action.Execute on a card, from the conversation the card is in. */
  actIn(user: TeamsUserKey, place: TeamsPlace, card: TeamsCard, verb: string, data: Record<string, unknown>, trigger?: 'manual' | 'automatic'): Promise<ActivityAnswer>;
  /** The first card posted to a conversation whose JSON includes `needle`. */
  waitForCardIn(conversationId: string, needle: string, ms?: number): Promise<TeamsCard>;
  /** Plain texts the bot posted to a conversation (proactive posts and replies). */
  textsIn(conversationId: string): string[];
  /** Cards the bot answered with in a conversation's turns (status answers), as JSON. */
  answerCardsIn(conversationId: string): string[];
}

export async function startTeamsChainHarness(): Promise<TeamsChainHarness> {
  const h = await startTeamsHarness({ POLICY_FILE: resolve(PROJECT_ROOT, 'test/teams/fixtures/teams-chain-policy.yaml') });
  const url = h.bot.url;
  const serviceUrl = h.connector.url;
  const sent = (conversationId: string): BotConnectorCall[] =>
    h.connector.calls.filter((c) => (c.operation === 'sendToConversation' || c.operation === 'replyToActivity') && c.conversationId.split(';messageid=')[0] === conversationId && c.status === 201);
  return {
    ...h,
    async installPersonal(user) {
      const answer = await postActivity(url, installationActivity(serviceUrl, TEAMS_USERS[user], personalChat(user)));
      if (answer.status !== 200) throw new Error(`personal install answered ${answer.status}: ${answer.text}`);
    },
    async say(user, place, text, mentions = []) {
      const activity = messageActivity(serviceUrl, TEAMS_USERS[user], place, text);
      if (mentions.length) activity.entities = mentions.map((k) => ({ type: 'mention', text: `<at>${TEAMS_USERS[k].name}</at>`, mentioned: { id: TEAMS_USERS[k].id, name: TEAMS_USERS[k].name } }));
      return { answer: await postActivity(url, activity), activityId: String(activity.id) };
    },
    actIn(user, place, card, verb, data, trigger = 'manual') {
      return postActivity(url, cardActionActivity(serviceUrl, TEAMS_USERS[user], place, card, { verb, data, trigger }));
    },
    async waitForCardIn(conversationId, needle, ms = 15_000) {
      let post: BotConnectorCall | undefined;
      await waitFor(() => {
        post = h.connector.callsOf('sendToConversation').find((c) => c.conversationId === conversationId && c.status === 201 && JSON.stringify(cardOfCall(c)).includes(needle));
        return post !== undefined;
      }, ms, `a card in ${conversationId} mentioning ${needle}`);
      return { conversationId, activityId: post!.createdId! };
    },
    textsIn: (conversationId) => sent(conversationId).map((c) => String(c.body.text ?? '')).filter(Boolean),
    answerCardsIn: (conversationId) => sent(conversationId).map((c) => JSON.stringify(cardOfCall(c))).filter((j) => j !== '{}'),
  };
}
