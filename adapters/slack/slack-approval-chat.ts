import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ApprovalCardView, ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { CodedError } from '../../src/errors/coded-error.ts';
import type { ApprovalChat, ChatProfile, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import { renderApprovalCard, renderRetryOffer } from './blocks/approval-card.ts';
import { renderApprovalDetails } from './blocks/approval-details.ts';
import { createSlackWebClient, type SlackClientOptions } from './create-slack-web-client.ts';
import { SLACK_LIMITS, mrkdwnTextWithin } from './mrkdwn.ts';
import { callSlack, slackOnly } from './slack-call.ts';

export interface SlackApprovalChatOptions extends SlackClientOptions {
  /** SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /**
   * How long a users.info answer is reused: clicks come in bursts, profiles rarely change.
   * @defaultValue 60_000
   */
  profileTtlMs?: number;
  now?: () => Date;
}

const postedSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
const openedSchema = z.object({ channel: z.object({ id: z.string().min(1) }) });
const userInfoSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    deleted: z.boolean().optional(),
    is_bot: z.boolean().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional(), display_name: z.string().optional() }).loose().optional(),
  }).loose(),
});

/**
 * The ApprovalChat port over Slack's Web API. Called from the notify queue's worker: each method
 * is one or two API calls, and every Slack failure is thrown as a CodedError (`slack_*`) whose
 * `retryable` (and `retryAfterMs` on 429) tells the queue what to do.
 */
export class SlackApprovalChat implements ApprovalChat {
  private readonly client: webApi.WebClient;
  private readonly profiles = new Map<string, { at: number; profile: ChatProfile | null }>();
  private readonly profileTtlMs: number;
  private readonly directory = new Map<string, { at: number; user: ChatUserRef | null }>();
  private readonly now: () => Date;

  constructor(options: SlackApprovalChatOptions, client?: webApi.WebClient) {
    this.client = client ?? createSlackWebClient(options.botToken, options);
    this.profileTtlMs = options.profileTtlMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
  }

  async postApprovalCard(target: ChatTarget, view: ApprovalCardView): Promise<PostedMessage> {
    const channel = target.kind === 'channel' ? slackOnly(target.platform, target.channel) : await this.openDirect(slackOnly(target.platform, target.userId));
    const message = renderApprovalCard(view);
    const posted = await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }), postedSchema);
    // Slack answers with the channel id even when we posted by name: updates need the id.
    return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
  }

  async updateApprovalCard(message: PostedMessage, view: ApprovalCardView): Promise<void> {
    slackOnly(message.platform, message.channel);
    await this.call('chat.update', () => this.client.chat.update({ channel: message.channel, ts: message.messageId, ...renderApprovalCard(view) }));
  }

  async postDetails(message: PostedMessage, view: ApprovalCardView): Promise<void> {
    slackOnly(message.platform, message.channel);
    for (const part of renderApprovalDetails(view)) {
      await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel: message.channel, thread_ts: message.messageId, ...part, unfurl_links: false }));
    }
  }

  async sendDirect(user: ChatUserRef, text: string): Promise<void> {
    const channel = await this.openDirect(slackOnly(user.platform, user.userId));
    await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel, text: mrkdwnTextWithin(text, SLACK_LIMITS.sectionText) }));
  }

  async sendEphemeral(channel: string, user: ChatUserRef, text: string): Promise<void> {
    const userId = slackOnly(user.platform, user.userId);
    await this.call('chat.postEphemeral', () => this.client.chat.postEphemeral({ channel, user: userId, text: mrkdwnTextWithin(text, SLACK_LIMITS.sectionText) }));
  }

  async offerRetry(channel: string, user: ChatUserRef, view: ApprovalCardView, text: string): Promise<void> {
    const userId = slackOnly(user.platform, user.userId);
    await this.call('chat.postEphemeral', () => this.client.chat.postEphemeral({ channel, user: userId, ...renderRetryOffer(view, text) }));
  }

  /** The person's profile, or null when Slack does not know them. */
  async profile(user: ChatUserRef): Promise<ChatProfile | null> {
    const userId = slackOnly(user.platform, user.userId);
    const cached = this.profiles.get(userId);
    const nowMs = this.now().getTime();
    if (cached && nowMs - cached.at < this.profileTtlMs) return cached.profile;
    let profile: ChatProfile | null;
    try {
      const { user: u } = await this.call('users.info', () => this.client.users.info({ user: userId }), userInfoSchema);
      profile = {
        userId: u.id,
        displayName: u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || u.id,
        email: u.profile?.email ?? null,
        isBot: u.is_bot ?? false,
        deleted: u.deleted ?? false,
      };
    } catch (err) {
      if (!(err instanceof CodedError) || err.code !== 'slack_user_not_found') throw err;
      profile = null;
    }
    this.profiles.set(userId, { at: nowMs, profile });
    return profile;
  }

  /** The Slack account with this email (users.lookupByEmail), or null: approvers and buyers are found so. */
  async findByEmail(email: string): Promise<ChatUserRef | null> {
    const key = `email:${email.toLowerCase()}`;
    const cached = this.directory.get(key);
    const nowMs = this.now().getTime();
    if (cached && nowMs - cached.at < this.profileTtlMs) return cached.user;
    let user: ChatUserRef | null;
    try {
      const found = await this.call('users.lookupByEmail', () => this.client.users.lookupByEmail({ email }), lookupSchema);
      user = found.user.deleted || found.user.is_bot ? null : { platform: 'slack', userId: found.user.id, displayName: found.user.profile?.display_name || found.user.real_name || found.user.id };
    } catch (err) {
      if (!(err instanceof CodedError) || (err.code !== 'slack_users_not_found' && err.code !== 'slack_user_not_found')) throw err;
      user = null;
    }
    this.directory.set(key, { at: nowMs, user });
    return user;
  }

  /** The DM channel with a person (conversations.open is idempotent: same id every time). */
  private async openDirect(userId: string): Promise<string> {
    const opened = await this.call('conversations.open', () => this.client.conversations.open({ users: userId }), openedSchema);
    return opened.channel.id;
  }

  private call<T>(method: string, run: () => Promise<unknown>, schema?: z.ZodType<T>): Promise<T> {
    return callSlack(method, run, schema);
  }
}

const lookupSchema = z.object({
  user: z.object({ id: z.string(), real_name: z.string().optional(), deleted: z.boolean().optional(), is_bot: z.boolean().optional(), profile: z.object({ display_name: z.string().optional() }).optional() }),
});
