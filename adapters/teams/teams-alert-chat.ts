import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ExceptionChat } from '../../src/alerts/lifecycle/exception-chat.ts';
import type { DigestView, ExceptionView } from '../../src/alerts/lifecycle/exception-view.ts';
import type { PostedMessage } from '../../src/ports/chat.ts';
import { digestAdaptiveCard, exceptionAdaptiveCard } from './cards/exception-card.ts';
import { escapeCardText, plainCardText } from './cards/escape-card-text.ts';
import { TeamsChatBase } from './teams-chat-base.ts';
import { cardMessage, postedOf as posted, TEXT_MAX } from './teams-messages.ts';
import type { TeamsMessage } from './teams-sender.ts';

/**
 * The ExceptionChat port over Teams: exceptions and digests are Adaptive Cards posted proactively
 * to the channel the routing names (`teams:Team/Channel` or a conversation id, prefix already
 * removed), updated in place; Ask buyer replies in the card's thread with a real @mention; "only
 * you see this" answers go to the person's personal chat (Teams channels have no ephemeral messages).
 */
export class TeamsAlertChat extends TeamsChatBase implements ExceptionChat {
  async postException(channel: string, view: ExceptionView, threadOf?: PostedMessage): Promise<PostedMessage> {
    const message = cardMessage(exceptionAdaptiveCard(view), `${view.typeLabel}: ${view.title}`);
    const sent = threadOf ? await this.sender.reply(await this.sentOf(threadOf), message) : await this.sender.sendToConversation(channel, message);
    return posted(sent);
  }

  async updateException(message: PostedMessage, view: ExceptionView): Promise<void> {
    await this.sender.update(await this.sentOf(message), cardMessage(exceptionAdaptiveCard(view), `${view.typeLabel}: ${view.title}`));
  }

  async postDigest(channel: string, view: DigestView): Promise<PostedMessage> {
    return posted(await this.sender.sendToConversation(channel, cardMessage(digestAdaptiveCard(view), view.heading)));
  }

  async postInThread(message: PostedMessage, text: string, mention: ChatUserRef | null): Promise<void> {
    const member = mention?.platform === 'teams' ? await this.members.get(mention.userId) : null;
    const body = escapeCardText(plainCardText(text, TEXT_MAX));
    const reply: TeamsMessage = member
      ? {
          type: 'message',
          // Teams pings the person only when the text holds the <at> tag its mention entity names.
          text: `<at>${escapeCardText(member.name, { singleLine: true })}</at> ${body}`,
          entities: [{ type: 'mention', text: `<at>${escapeCardText(member.name, { singleLine: true })}</at>`, mentioned: { id: member.id, name: member.name } }],
        }
      : { type: 'message', text: body };
    await this.sender.reply(await this.sentOf(message), reply);
  }
}
