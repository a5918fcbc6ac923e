import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ChatPlatform, ChatProfile, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import type { TriageCardView } from '../../src/triage/flow/triage-card-view.ts';
import type { TriageChat } from '../../src/triage/flow/triage-ports.ts';
import { triageAdaptiveCard } from './cards/triage-card.ts';
import type { RedisConversationStore } from './store/redis-conversation-store.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';
import type { TeamsApprovalChat } from './teams-approval-chat.ts';
import { cardMessage, postedOf as posted, sentActivityOf, teamsOnly, textMessage } from './teams-messages.ts';
import type { Teams } from './create-teams.ts';
import type { SentActivity, TeamsSender } from './teams-sender.ts';

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
    return posted(await this.sender.sendToConversation(teamsOnly(platform, channel), textMessage(text)));
  }

  /** Teams channels have no "only visible to you": the answer goes to the person's personal chat. */
  async sendEphemeral(_channel: string, user: ChatUserRef, text: string): Promise<void> {
    await this.sender.sendToUser(teamsOnly(user.platform, user.userId), textMessage(text));
  }

  profile(user: ChatUserRef): Promise<ChatProfile | null> {
    return this.people.profile(user);
  }

  /** Only people the bot has seen (a message, an install, a click) are found. */
  findByEmail(email: string): Promise<ChatUserRef | null> {
    return this.people.findByEmail(email);
  }

  private sentOf(message: PostedMessage): Promise<SentActivity> {
    return sentActivityOf(message, this.conversations);
  }
}
