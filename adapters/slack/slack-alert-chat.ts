import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ExceptionChat } from '../../src/alerts/lifecycle/exception-chat.ts';
import { CodedError } from '../../src/errors/coded-error.ts';
import type { PostedMessage } from '../../src/ports/chat.ts';
import { renderDigestMessage } from './blocks/digest-message.ts';
import { renderExceptionMessage } from './blocks/exception-message.ts';
import { createSlackWebClient } from './create-slack-web-client.ts';
import { SLACK_LIMITS, mrkdwnTextWithin } from './mrkdwn.ts';
import { SlackApprovalChat, type SlackApprovalChatOptions } from './slack-approval-chat.ts';
import { toSlackCodedError } from './slack-error.ts';
import { callSlack } from './slack-call.ts';

const postedSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/**
 * The ExceptionChat port over Slack's Web API. Channels may be names (`#warehouse-joliet`) or ids;
 * Slack answers with the id, which updates use. Profiles, email lookups and ephemeral answers are
 * the approval adapter's (same calls, same caches). Every failure is a `slack_*` CodedError.
 */
export class SlackAlertChat implements ExceptionChat {
  private readonly client: webApi.WebClient;
  private readonly people: SlackApprovalChat;

  constructor(options: SlackApprovalChatOptions, client?: webApi.WebClient) {
    this.client = client ?? createSlackWebClient(options.botToken, options);
    this.people = new SlackApprovalChat(options, this.client);
  }

  async postException(channel: string, view: Parameters<ExceptionChat['postException']>[1], threadOf?: PostedMessage): Promise<PostedMessage> {
    const target = threadOf ? slackOnly(threadOf).channel : channel;
    const message = renderExceptionMessage(view);
    const posted = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel: target, ...message, ...(threadOf ? { thread_ts: threadOf.messageId } : {}), unfurl_links: false, unfurl_media: false }),
    );
    return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
  }

  async updateException(message: PostedMessage, view: Parameters<ExceptionChat['updateException']>[1]): Promise<void> {
    slackOnly(message);
    try {
      await this.client.chat.update({ channel: message.channel, ts: message.messageId, ...renderExceptionMessage(view) });
    } catch (err) {
      throw toSlackCodedError(err, 'chat.update');
    }
  }

  async postDigest(channel: string, view: Parameters<ExceptionChat['postDigest']>[1]): Promise<PostedMessage> {
    const posted = await this.call('chat.postMessage', () => this.client.chat.postMessage({ channel, ...renderDigestMessage(view), unfurl_links: false }));
    return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
  }

  async postInThread(message: PostedMessage, text: string, mention: Parameters<ExceptionChat['postInThread']>[2]): Promise<void> {
    slackOnly(message);
    // The mention is ours (an id Slack gave us); the rest is raw text and escaped.
    const ping = mention && mention.platform === 'slack' ? `<@${mention.userId}> ` : '';
    await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel: message.channel, thread_ts: message.messageId, text: ping + mrkdwnTextWithin(text, SLACK_LIMITS.sectionText - ping.length) }),
    );
  }

  sendEphemeral: ExceptionChat['sendEphemeral'] = (channel, user, text) => this.people.sendEphemeral(channel, user, text);
  profile: ExceptionChat['profile'] = (user) => this.people.profile(user);
  findByEmail: ExceptionChat['findByEmail'] = (email) => this.people.findByEmail(email);

  private call(method: string, run: () => Promise<unknown>): Promise<z.infer<typeof postedSchema>> {
    return callSlack(method, run, postedSchema);
  }

}

function slackOnly(message: PostedMessage): PostedMessage {
  if (message.platform !== 'slack') throw new CodedError('chat_wrong_platform', `the Slack adapter was asked to reach a ${message.platform} message`, false);
  return message;
}
