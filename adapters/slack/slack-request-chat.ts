import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import type { RequestCardView } from '../../src/requests/request-card-view.ts';
import type { RequestChat } from '../../src/requests/request-deps.ts';
import { renderRequestCard } from './blocks/request-card.ts';
import { createSlackWebClient, type SlackClientOptions } from './create-slack-web-client.ts';
import { SLACK_LIMITS, mrkdwnTextWithin } from './mrkdwn.ts';
import { callSlack, slackOnly } from './slack-call.ts';

const postedSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
const openedSchema = z.object({ channel: z.object({ id: z.string().min(1) }) });

/** The RequestChat port over Slack's Web API (notify worker): the buyer's card and messages to the requester. */
export class SlackRequestChat implements RequestChat {
  private readonly client: webApi.WebClient;

  constructor(options: SlackClientOptions & { botToken: string }, client?: webApi.WebClient) {
    this.client = client ?? createSlackWebClient(options.botToken, options);
  }

  async postRequestCard(target: ChatTarget, view: RequestCardView): Promise<PostedMessage> {
    const channel = target.kind === 'channel' ? slackOnly(target.platform, target.channel) : await this.openDirect(slackOnly(target.platform, target.userId));
    const posted = await callSlack('chat.postMessage', () => this.client.chat.postMessage({ channel, ...renderRequestCard(view), unfurl_links: false, unfurl_media: false }), postedSchema);
    return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
  }

  async updateRequestCard(message: PostedMessage, view: RequestCardView): Promise<void> {
    slackOnly(message.platform, message.channel);
    await callSlack('chat.update', () => this.client.chat.update({ channel: message.channel, ts: message.messageId, ...renderRequestCard(view) }));
  }

  async sendDirect(user: ChatUserRef, text: string): Promise<void> {
    const channel = await this.openDirect(slackOnly(user.platform === 'workspace' ? 'slack' : user.platform, user.userId));
    await callSlack('chat.postMessage', () => this.client.chat.postMessage({ channel, text: mrkdwnTextWithin(text, SLACK_LIMITS.sectionText) }));
  }

  private async openDirect(userId: string): Promise<string> {
    const opened = await callSlack('conversations.open', () => this.client.conversations.open({ users: userId }), openedSchema);
    return opened.channel.id;
  }
}
