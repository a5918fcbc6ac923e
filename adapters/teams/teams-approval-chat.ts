import type { ApprovalCardView, ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ApprovalChat, ChatProfile, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import { approvalAdaptiveCard, approvalDetailsCards } from './cards/approval-card.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';
import { teamsProfile } from './teams-profile.ts';
import type { TeamsSender } from './teams-sender.ts';
import { cardMessage, postedOf, teamsOnly, textMessage } from './teams-messages.ts';

// Kept importable from here: the invoke handlers and status messages build card messages too.
export { cardMessage } from './teams-messages.ts';

/**
 * The ApprovalChat port over Teams: cards are Adaptive Cards posted proactively and updated in
 * place; Details is a thread reply; Teams has no ephemeral messages in channels, so "only you
 * see this" answers go to the person's personal chat with the bot.
 */
export class TeamsApprovalChat implements ApprovalChat {
  private readonly profileOf: (user: ChatUserRef) => Promise<ChatProfile | null>;

  constructor(
    private readonly sender: TeamsSender,
    private readonly members: RedisMemberDirectory,
    policy: Policy,
  ) {
    this.profileOf = teamsProfile(members, policy);
  }

  async postApprovalCard(target: ChatTarget, view: ApprovalCardView): Promise<PostedMessage> {
    const message = cardMessage(approvalAdaptiveCard(view, null), summaryOf(view));
    const sent = target.kind === 'channel' ? await this.sender.sendToConversation(teamsOnly(target.platform, target.channel), message) : await this.sender.sendToUser(teamsOnly(target.platform, target.userId), message);
    return postedOf(sent);
  }

  async updateApprovalCard(message: PostedMessage, view: ApprovalCardView): Promise<void> {
    await this.sender.update({ conversationId: teamsOnly(message.platform, message.channel), activityId: message.messageId }, cardMessage(approvalAdaptiveCard(view, null), summaryOf(view)));
  }

  async postDetails(message: PostedMessage, view: ApprovalCardView): Promise<void> {
    const sent = { conversationId: teamsOnly(message.platform, message.channel), activityId: message.messageId };
    for (const card of approvalDetailsCards(view)) await this.sender.reply(sent, cardMessage(card, `Lines of ${view.orderName}`));
  }

  async sendDirect(user: ChatUserRef, text: string): Promise<void> {
    await this.sender.sendToUser(teamsOnly(user.platform, user.userId), textMessage(text));
  }

  /** Teams channels have no "only visible to you": the answer goes to the person's personal chat. */
  async sendEphemeral(_channel: string, user: ChatUserRef, text: string): Promise<void> {
    await this.sender.sendToUser(teamsOnly(user.platform, user.userId), textMessage(text));
  }

  /** The card as its decider may use it (with Retry and the words as its note), in the person's personal chat. */
  async offerRetry(_channel: string, user: ChatUserRef, view: ApprovalCardView, text: string): Promise<void> {
    await this.sender.sendToUser(teamsOnly(user.platform, user.userId), cardMessage(approvalAdaptiveCard(view, { mayDecide: false, mayRetry: true, note: text }), text));
  }

  /** From the member directory the web processes fill on every turn (workers have no turn to ask with). */
  profile(user: ChatUserRef): Promise<ChatProfile | null> {
    return this.profileOf({ ...user, userId: teamsOnly(user.platform, user.userId) });
  }

  /** The Teams account with this email or UPN, or null when the bot has not met them yet. */
  async findByEmail(email: string): Promise<ChatUserRef | null> {
    const member = await this.members.findByEmail(email);
    return member ? { platform: 'teams', userId: teamsUserRef(member), displayName: member.name } : null;
  }
}

/**
 * The id the bot uses for a Teams person in clicks, cards and the audit: the AAD object id (36
 * characters, stable across the tenant) when known, else the Teams user id (`29:...`, which can
 * be longer than the 64 characters the core's click schema allows).
 */
export function teamsUserRef(member: { id: string; aadObjectId?: string | undefined }): string {
  return member.aadObjectId ?? member.id;
}

// The notification (mobile lock screen) says whose approval it is, before anything is opened.
function summaryOf(view: ApprovalCardView): string {
  const behalf = view.onBehalfOf && view.status.kind === 'pending' && !view.onBehalfEnded ? ` (on behalf of ${view.onBehalfOf})` : '';
  return `${view.orderName} from ${view.vendorName} needs approval${behalf}`;
}
