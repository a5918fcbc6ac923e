import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { CodedError } from '../../src/errors/coded-error.ts';
import type { ChatPlatform, ChatProfile, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import type { TriageCardView } from '../../src/triage/flow/triage-card-view.ts';
import type { TriageChat } from '../../src/triage/flow/triage-ports.ts';
import { triageAdaptiveCard } from './cards/triage-card.ts';
import { plainCardText } from './cards/escape-card-text.ts';
import type { RedisConversationStore } from './store/redis-conversation-store.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';
import { cardMessage, type TeamsApprovalChat } from './teams-approval-chat.ts';
import type { Teams } from './create-teams.ts';
import type { SentActivity, TeamsSender } from './teams-sender.ts';

const TEXT_MAX = 4_000;

/**
 * The TriageChat port over Teams: the card goes to the buyer's personal chat with the bot (or a
 * channel the policy names, prefix already removed) and is updated in place; invoice queries are
 * plain channel messages; "only you see this" answers go to the person's personal chat.
 */
export class TeamsTriageChat implements TriageChat {
  private readonly sender: TeamsSender;
  private readonly conversations: RedisConversationStore;
  private readonly members: RedisMemberDirectory;
  /** Profiles and lookups by email are the approval adapter's (the policy's identities.teams applied). */
  private readonly people: Pick<TeamsApprovalChat, 'profile' | 'findByEmail'>;

  constructor(teams: Pick<Teams, 'sender' | 'conversations' | 'members' | 'chat'>) {
    this.sender = teams.sender;
    this.conversations = teams.conversations;
    this.members = teams.members;
    this.people = teams.chat;
  }

  async postCard(target: ChatTarget, view: TriageCardView): Promise<PostedMessage> {
    const message = cardMessage(triageAdaptiveCard(view), view.title);
    const sent = target.kind === 'channel' ? await this.sender.sendToConversation(teamsOnly(target.platform, target.channel), message) : await this.sender.sendToUser(teamsOnly(target.platform, target.userId), message);
    return posted(sent);
  }

  async updateCard(message: PostedMessage, view: TriageCardView): Promise<void> {
    await this.sender.update(await this.sentOf(message), cardMessage(triageAdaptiveCard(view), view.title));
  }

  async postText(platform: ChatPlatform, channel: string, text: string): Promise<PostedMessage> {
    return posted(await this.sender.sendToConversation(teamsOnly(platform, channel), { type: 'message', text: plainCardText(text, TEXT_MAX), textFormat: 'plain' }));
  }

  /** Teams channels have no "only visible to you": the answer goes to the person's personal chat. */
  async sendEphemeral(_channel: string, user: ChatUserRef, text: string): Promise<void> {
    await this.sender.sendToUser(teamsOnly(user.platform, user.userId), { type: 'message', text: plainCardText(text, TEXT_MAX), textFormat: 'plain' });
  }

  profile(user: ChatUserRef): Promise<ChatProfile | null> {
    return this.people.profile(user);
  }

  /** Only people the bot has seen (a message, an install, a click) are found. */
  findByEmail(email: string): Promise<ChatUserRef | null> {
    return this.people.findByEmail(email);
  }

  private async sentOf(message: PostedMessage): Promise<SentActivity> {
    const id = teamsOnly(message.platform, message.channel);
    const conversationId = id.startsWith('h:') ? ((await this.conversations.get(id))?.conversation.id ?? id) : id;
    return { conversationId, activityId: message.messageId };
  }
}

function posted(sent: SentActivity): PostedMessage {
  return { platform: 'teams', channel: sent.conversationId, messageId: sent.activityId };
}

function teamsOnly(platform: string, id: string): string {
  if (platform !== 'teams') throw new CodedError('chat_wrong_platform', `the Teams adapter was asked to reach a ${platform} ${id}`, false);
  return id;
}
