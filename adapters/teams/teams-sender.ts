import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { BusinessRefusal } from '../../src/errors/coded-error.ts';
import type { RedisConversationStore, StoredConversation } from './store/redis-conversation-store.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';
import { toTeamsCodedError } from './teams-error.ts';
import { UNKNOWN_CONVERSATION_REASON } from './redeliver-on-install.ts';

/** What the bot sends: a text (Teams markdown) and/or Adaptive Card attachments. */
export type TeamsMessage = Partial<Activity>;

/** A message the bot sent: its conversation and activity id (for updateActivity and replies). */
export interface SentActivity {
  conversationId: string;
  activityId: string;
}

/** The Bot Connector's default OAuth scope: the audience of proactive calls. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * Sends to Teams without a turn (from the queue workers): proactive posts to a stored
 * conversation, to a person's personal chat (opening one if needed), updates in place and
 * replies in a thread. Every failure is a CodedError (`teams_*`, RateLimited on 429).
 */
export class TeamsSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: RedisConversationStore,
    private readonly members: RedisMemberDirectory,
  ) {}

  /** Posts to a conversation the policy names (id or channel name). */
  async sendToConversation(target: string, message: TeamsMessage): Promise<SentActivity> {
    const ref = await this.conversations.find(target);
    if (!ref) {
      throw new BusinessRefusal('teams_conversation_unknown', `${UNKNOWN_CONVERSATION_REASON}${target}": add the bot to that team or chat (it learns the channel when it is installed or mentioned there)`);
    }
    return this.send(ref, message, 'send to conversation');
  }

  /** Posts in the person's personal chat with the bot; opens that chat when there is none yet. */
  async sendToUser(userId: string, message: TeamsMessage): Promise<SentActivity> {
    const member = await this.members.get(userId);
    const teamsUserId = member?.id ?? userId;
    const existing = (member?.personalConversationId ? await this.conversations.get(member.personalConversationId) : null) ?? (await this.conversations.personalOf(teamsUserId));
    if (existing) return this.send(existing, message, 'send to user');
    if (!member) throw new BusinessRefusal('teams_user_unknown', `the bot has never seen the Teams user ${userId}, so it cannot open a chat with them: they must open the bot once in Teams, or be in a team where it is installed`);
    return this.openPersonalChat(member.id, member.serviceUrl, member.botId, member.tenantId, message);
  }

  /** Replaces a message the bot sent (the card shows the newest state). */
  async update(sent: SentActivity, message: TeamsMessage): Promise<void> {
    const ref = await this.refOf(sent.conversationId);
    await this.run(ref, 'update activity', async (context) => {
      await context.updateActivity({ ...message, type: message.type ?? 'message', id: sent.activityId, conversation: { ...toReference(ref).conversation!, id: sent.conversationId } });
    });
  }

  /** Replies in the thread of a message (a channel post's replies, or after it in a chat). */
  async reply(sent: SentActivity, message: TeamsMessage): Promise<SentActivity> {
    const ref = await this.refOf(sent.conversationId);
    return this.send({ ...ref, conversation: { ...ref.conversation, id: sent.conversationId } }, message, 'reply', sent.activityId);
  }

  private async refOf(conversationId: string): Promise<StoredConversation> {
    const ref = await this.conversations.get(conversationId);
    if (!ref) throw new BusinessRefusal('teams_conversation_unknown', `the bot has no reference for the Teams conversation ${conversationId} (its Redis data was lost?): the message cannot be reached`);
    return ref;
  }

  private async send(ref: StoredConversation, message: TeamsMessage, operation: string, replyToId?: string): Promise<SentActivity> {
    let sent: SentActivity | undefined;
    await this.run(ref, operation, async (context) => {
      threadAs(context, replyToId);
      const answer = await context.sendActivity({ type: 'message', ...message });
      sent = { conversationId: ref.conversation.id, activityId: answer?.id ?? '' };
    });
    if (!sent?.activityId) throw toTeamsCodedError(new Error('the Bot Connector answered without an activity id'), operation);
    return sent;
  }

  /**
   * continueConversationAsync runs the logic inside botbuilder's middleware, which hands errors
   * to onTurnError (that logs and swallows): the error is carried out by hand so the queue sees it.
   */
  private async run(ref: StoredConversation, operation: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId, toReference(ref), async (context) => {
        try {
          await logic(context);
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw toTeamsCodedError(failure, operation);
  }

  private async openPersonalChat(userId: string, serviceUrl: string, botId: string, tenantId: string | undefined, message: TeamsMessage): Promise<SentActivity> {
    let sent: SentActivity | undefined;
    let failure: unknown;
    try {
      await this.adapter.createConversationAsync(
        this.appId, 'msteams', serviceUrl, BOT_CONNECTOR_AUDIENCE,
        { isGroup: false, bot: { id: botId, name: '' }, members: [{ id: userId, name: '' }], tenantId, channelData: tenantId ? { tenant: { id: tenantId } } : undefined, activity: undefined as unknown as Activity },
        async (context) => {
          try {
            const conversationId = context.activity.conversation.id;
            const now = new Date().toISOString();
            await this.conversations.save({
              conversation: { id: conversationId, conversationType: 'personal', ...(tenantId ? { tenantId } : {}) },
              serviceUrl, channelId: 'msteams', bot: { id: botId }, kind: 'personal', userId, savedAt: now, ...(tenantId ? { tenantId } : {}),
            });
            await this.members.setPersonalConversation(userId, conversationId);
            threadAs(context, undefined);
            const answer = await context.sendActivity({ type: 'message', ...message });
            sent = { conversationId, activityId: answer?.id ?? '' };
          } catch (err) {
            failure = err;
          }
        },
      );
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw toTeamsCodedError(failure, 'open personal chat');
    if (!sent?.activityId) throw toTeamsCodedError(new Error('the Bot Connector answered without an activity id'), 'open personal chat');
    return sent;
  }
}

/**
 * botbuilder makes every proactive send a reply to the synthetic activity it runs the logic for
 * (a random id, or the new conversation's id): the bot decides instead whether a send is a new
 * post (sendToConversation) or a reply in a thread (replyToActivity).
 */
function threadAs(context: TurnContext, replyToId: string | undefined): void {
  context.onSendActivities(async (_context, activities, next) => {
    for (const activity of activities) {
      if (replyToId) activity.replyToId = replyToId;
      else delete activity.replyToId;
    }
    return next();
  });
}

/** The botbuilder reference of a stored conversation. */
export function toReference(ref: StoredConversation): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.bot.id, name: ref.bot.name ?? '' },
    conversation: { id: ref.conversation.id, isGroup: ref.kind !== 'personal', conversationType: ref.kind, name: ref.conversation.name ?? '', ...(ref.tenantId ? { tenantId: ref.tenantId } : {}) },
    ...(ref.locale ? { locale: ref.locale } : {}),
  };
}

