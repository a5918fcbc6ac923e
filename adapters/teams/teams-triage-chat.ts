import type { ChatPlatform, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import type { TriageCardView } from '../../src/triage/flow/triage-card-view.ts';
import type { TriageChat } from '../../src/triage/flow/triage-ports.ts';
import { triageAdaptiveCard } from './cards/triage-card.ts';
import { TeamsChatBase } from './teams-chat-base.ts';
import { cardMessage, postedOf as posted, teamsOnly, textMessage } from './teams-messages.ts';

/**
 * The TriageChat port over Teams: the card goes to the buyer's personal chat with the bot (or a
 * channel the policy names, prefix already removed) and is updated in place; invoice queries are
 * plain channel messages; "only you see this" answers go to the person's personal chat.
 */
export class TeamsTriageChat extends TeamsChatBase implements TriageChat {
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
}
