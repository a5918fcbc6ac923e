import type { ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import type { ChatTarget, PostedMessage } from '../../../src/ports/chat.ts';
import type { RequestCardView } from '../../../src/requests/request-card-view.ts';
import type { RequestChat } from '../../../src/requests/request-deps.ts';
import { TeamsChatBase } from '../teams-chat-base.ts';
import { cardMessage, postedOf, teamsOnly, textMessage } from '../teams-messages.ts';
import { requestBuyerCard } from './request-cards.ts';

/** The RequestChat port over Teams: the buyer's card in their personal chat with the bot, updated in place. */
export class TeamsRequestChat extends TeamsChatBase implements RequestChat {
  async postRequestCard(target: ChatTarget, view: RequestCardView): Promise<PostedMessage> {
    const message = cardMessage(requestBuyerCard(view), `Purchase request ${view.ref}`);
    const sent = target.kind === 'channel' ? await this.sender.sendToConversation(teamsOnly(target.platform, target.channel), message) : await this.sender.sendToUser(teamsOnly(target.platform, target.userId), message);
    return postedOf(sent);
  }

  async updateRequestCard(message: PostedMessage, view: RequestCardView): Promise<void> {
    await this.sender.update(await this.sentOf(message), cardMessage(requestBuyerCard(view), `Purchase request ${view.ref}`));
  }

  async sendDirect(user: ChatUserRef, text: string): Promise<void> {
    await this.sender.sendToUser(teamsOnly(user.platform, user.userId), textMessage(text));
  }
}
