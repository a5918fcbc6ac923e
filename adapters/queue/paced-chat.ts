import type { Redis } from 'ioredis';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { RateLimited } from '../../src/errors/coded-error.ts';
import type { ApprovalChat, ChatTarget, PostedMessage } from '../../src/ports/chat.ts';
import { retryAfterGate } from './retry-after-gate.ts';

/**
 * Paces what the bot sends, per channel and across every worker process: Slack allows about
 * one message per second per channel. A call over the pace throws RateLimited, and the notify
 * queue delays the job by the time left (no attempt spent) instead of letting Slack answer 429.
 */
export function pacedChat(chat: ApprovalChat, redis: Redis, prefix: string, options: { postIntervalMs?: number; updateIntervalMs?: number } = {}): ApprovalChat {
  const postMs = options.postIntervalMs ?? 1_000;
  const updateMs = options.updateIntervalMs ?? 250;
  const pace = async (kind: string, where: string, ms: number) => {
    const key = `${prefix}:pace:${kind}:${where}`;
    if (await redis.set(key, '1', 'PX', ms, 'NX')) return;
    const left = await redis.pttl(key);
    throw new RateLimited(`pacing ${kind} to ${where}`, Math.max(left, 1));
  };
  const whereOf = (t: ChatTarget) => `${t.platform}:${t.kind === 'channel' ? t.channel : `user-${t.userId}`}`;
  // Slack's 429 holds back every caller of the channel, not only the job that got it.
  const gate = retryAfterGate(redis, prefix);
  return {
    async postApprovalCard(target, view) {
      await pace('post', whereOf(target), postMs);
      return gate('post', whereOf(target), () => chat.postApprovalCard(target, view));
    },
    async updateApprovalCard(message: PostedMessage, view) {
      await pace('update', `${message.platform}:${message.channel}:${message.messageId}`, updateMs);
      return gate('update', `${message.platform}:${message.channel}`, () => chat.updateApprovalCard(message, view));
    },
    async postDetails(message, view) {
      await pace('post', `${message.platform}:${message.channel}`, postMs);
      return gate('post', `${message.platform}:${message.channel}`, () => chat.postDetails(message, view));
    },
    async sendDirect(user: ChatUserRef, text) {
      await pace('post', `${user.platform}:user-${user.userId}`, postMs);
      return gate('post', `${user.platform}:user-${user.userId}`, () => chat.sendDirect(user, text));
    },
    // Ephemeral answers are what a person waits for after a click: not paced, but a 429 is honoured.
    sendEphemeral: (channel, user, text) => gate('ephemeral', `${user.platform}:${channel}`, () => chat.sendEphemeral(channel, user, text)),
    offerRetry: (channel, user, view, text) => gate('ephemeral', `${user.platform}:${channel}`, () => chat.offerRetry(channel, user, view, text)),
    profile: (user) => chat.profile(user),
  };
}
