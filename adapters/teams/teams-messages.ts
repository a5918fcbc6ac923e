import { CardFactory } from 'botbuilder';
import { CodedError } from '../../src/errors/coded-error.ts';
import type { PostedMessage } from '../../src/ports/chat.ts';
import type { AdaptiveCard } from './cards/adaptive-card.ts';
import { plainCardText } from './cards/escape-card-text.ts';
import type { RedisConversationStore } from './store/redis-conversation-store.ts';
import type { SentActivity, TeamsMessage } from './teams-sender.ts';

/** Teams shows at most about 28 KB of text; a plain message or thread reply stays far below. */
export const TEXT_MAX = 4_000;

/** A card message: the summary is what notifications and the activity feed show. */
export function cardMessage(card: AdaptiveCard, summary: string): TeamsMessage {
  return { type: 'message', summary: plainCardText(summary, 200), attachments: [CardFactory.adaptiveCard(card)] };
}

/** Teams renders message text as markdown; the core's texts are plain sentences with PO names. */
export function textMessage(text: string): TeamsMessage {
  return { type: 'message', text: plainCardText(text, TEXT_MAX), textFormat: 'plain' };
}

/** The id, after checking the port handed the Teams adapter something of Teams (a bug otherwise). */
export function teamsOnly(platform: string, id: string): string {
  if (platform !== 'teams') throw new CodedError('chat_wrong_platform', `the Teams adapter was asked to reach a ${platform} ${id}`, false);
  return id;
}

/** What the core keeps of a sent activity, to update it in place later. */
export function postedOf(sent: SentActivity): PostedMessage {
  return { platform: 'teams', channel: sent.conversationId, messageId: sent.activityId };
}

/** A click carries the short form of a long conversation id (`h:...`): the sender needs the real one. */
export async function sentActivityOf(message: PostedMessage, conversations: Pick<RedisConversationStore, 'get'>): Promise<SentActivity> {
  const id = teamsOnly(message.platform, message.channel);
  const conversationId = id.startsWith('h:') ? ((await conversations.get(id))?.conversation.id ?? id) : id;
  return { conversationId, activityId: message.messageId };
}
