import type { ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import { baseConversationId, shortConversationId } from '../store/redis-conversation-store.ts';
import { teamsUserRef } from '../teams-approval-chat.ts';
import type { CardAction } from './card-action.ts';

/** Who clicked, as the core's click schemas want them: the AAD object id (fits 64 characters), and the name Teams shows. */
export function teamsActor(action: CardAction): ChatUserRef {
  const from = action.context.activity.from;
  return { platform: 'teams', userId: teamsUserRef({ id: from?.id ?? '', aadObjectId: from?.aadObjectId }), ...(from?.name ? { displayName: from.name.slice(0, 200) } : {}) };
}

/**
 * Where the click happened: the conversation (a channel thread is read as its channel; a long
 * personal-chat id as its short form, which the conversation store resolves) and the card's activity.
 */
export function clickSource(action: CardAction): { platform: 'teams'; channel: string; messageId?: string } {
  const a = action.context.activity;
  return { platform: 'teams', channel: shortConversationId(baseConversationId(a.conversation?.id ?? '')), ...(a.replyToId ? { messageId: a.replyToId } : {}) };
}
