import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ChatPlatform, ChatProfile, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import type { TriageCardView } from '../../src/triage/flow/triage-card-view.ts';
import type { TriageChat } from '../../src/triage/flow/triage-ports.ts';
import { renderTriageCard } from './blocks/triage-card.ts';
import { createSlackWebClient, type SlackClientOptions } from './create-slack-web-client.ts';
import { SLACK_LIMITS, mrkdwnTextWithin } from './mrkdwn.ts';
import { SlackApprovalChat } from './slack-approval-chat.ts';
import { callSlack, slackOnly } from './slack-call.ts';

const postedSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
const openedSchema = z.object({ channel: z.object({ id: z.string().min(1) }) });

/**
 * The TriageChat port over Slack's Web API: cards posted and updated in place, plain messages to
 * channels, and (through the approvals' Slack adapter) profiles, lookups by email and ephemeral
 * answers. Every Slack failure is a CodedError (`slack_*`) the notify queue knows how to retry.
 */
export class SlackTriageChat implements TriageChat {
  private readonly client: webApi.WebClient;
  private readonly people: SlackApprovalChat;

  constructor(options: SlackClientOptions & { botToken: string }, client?: webApi.WebClient) {
    this.client = client ?? createSlackWebClient(options.botToken, options);
    this.people = new SlackApprovalChat(options, this.client);
  }

  async postCard(target: ChatTarget, view: TriageCardView): Promise<PostedMessage> {
    const channel = target.kind === 'channel' ? slackOnly(target.platform, target.channel) : await this.openDirect(slackOnly(target.platform, target.userId));
    const posted = await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel, ...renderTriageCard(view), unfurl_links: false, unfurl_media: false }), postedSchema);
    return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
  }

  async updateCard(message: PostedMessage, view: TriageCardView): Promise<void> {
    slackOnly(message.platform, message.channel);
    await this.call('chat.update', () => this.client.chat.update({ channel: message.channel, ts: message.messageId, ...renderTriageCard(view) }));
  }

  async postText(platform: ChatPlatform, channel: string, text: string): Promise<PostedMessage> {
    const posted = await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel: slackOnly(platform, channel), text: mrkdwnTextWithin(text, SLACK_LIMITS.sectionText), unfurl_links: false }), postedSchema);
    return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
  }

  sendEphemeral(channel: string, user: ChatUserRef, text: string): Promise<void> {
    return this.people.sendEphemeral(channel, user, text);
  }

  profile(user: ChatUserRef): Promise<ChatProfile | null> {
    return this.people.profile(user);
  }

  findByEmail(email: string): Promise<ChatUserRef | null> {
    return this.people.findByEmail(email);
  }

  private async openDirect(userId: string): Promise<string> {
    const opened = await this.call('conversations.open', () => this.client.conversations.open({ users: userId }), openedSchema);
    return opened.channel.id;
  }

  private call<T>(method: string, run: () => Promise<unknown>, schema?: z.ZodType<T>): Promise<T> {
    return callSlack(method, run, schema);
  }
}
