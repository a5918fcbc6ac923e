import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ChatProfile, PostedMessage } from '../../src/ports/chat.ts';
import type { Teams } from './create-teams.ts';
import type { RedisConversationStore } from './store/redis-conversation-store.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';
import type { TeamsApprovalChat } from './teams-approval-chat.ts';
import { sentActivityOf, teamsOnly, textMessage } from './teams-messages.ts';
import type { SentActivity, TeamsSender } from './teams-sender.ts';

/**
 * What the Teams adapters of alerts and triage share: the transport, private answers (Teams
 * channels have no ephemeral messages, so they go to the person's personal chat), and people
 * (profiles and lookups by email are the approval adapter's, with the policy's identities.teams).
 */
export abstract class TeamsChatBase {
  protected readonly sender: TeamsSender;
  protected readonly conversations: RedisConversationStore;
  protected readonly members: RedisMemberDirectory;
  private readonly people: Pick<TeamsApprovalChat, 'profile' | 'findByEmail'>;

  constructor(teams: Pick<Teams, 'sender' | 'conversations' | 'members' | 'chat'>) {
    this.sender = teams.sender;
    this.conversations = teams.conversations;
    this.members = teams.members;
    this.people = teams.chat;
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

  protected sentOf(message: PostedMessage): Promise<SentActivity> {
    return sentActivityOf(message, this.conversations);
  }
}
