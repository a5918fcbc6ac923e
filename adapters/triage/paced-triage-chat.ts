import type { Redis } from 'ioredis';
import { RateLimited } from '../../src/errors/coded-error.ts';
import type { ChatTarget } from '../../src/ports/chat.ts';
import type { TriageChat } from '../../src/triage/flow/triage-ports.ts';
import { retryAfterGate } from '../queue/retry-after-gate.ts';

/**
 * Paces the triage cards per channel across every worker process, on the same Redis keys as the
 * approval cards (Slack's limit is per channel, whoever posts): a call over the pace throws
 * RateLimited and the notify queue delays the job without spending an attempt.
 */
export function pacedTriageChat(chat: TriageChat, redis: Redis, prefix: string, options: { postIntervalMs?: number; updateIntervalMs?: number } = {}): TriageChat {
  const postMs = options.postIntervalMs ?? 1_000;
  const updateMs = options.updateIntervalMs ?? 250;
  const pace = async (kind: string, where: string, ms: number) => {
    const key = `${prefix}:pace:${kind}:${where}`;
    if (await redis.set(key, '1', 'PX', ms, 'NX')) return;
    throw new RateLimited(`pacing ${kind} to ${where}`, Math.max(await redis.pttl(key), 1));
  };
  const whereOf = (t: ChatTarget) => `${t.platform}:${t.kind === 'channel' ? t.channel : `user-${t.userId}`}`;
  // The same Retry-After limiter (and keys) as the approval cards: a 429 holds the channel for both.
  const gate = retryAfterGate(redis, prefix);
  return {
    async postCard(target, view) {
      await pace('post', whereOf(target), postMs);
      return gate('post', whereOf(target), () => chat.postCard(target, view));
    },
    async updateCard(message, view) {
      await pace('update', `${message.platform}:${message.channel}:${message.messageId}`, updateMs);
      return gate('update', `${message.platform}:${message.channel}`, () => chat.updateCard(message, view));
    },
    async postText(platform, channel, text) {
      await pace('post', `${platform}:${channel}`, postMs);
      return gate('post', `${platform}:${channel}`, () => chat.postText(platform, channel, text));
    },
    // Ephemeral answers are what a person waits for after a click: not delayed by the pace.
    sendEphemeral: (channel, user, text) => chat.sendEphemeral(channel, user, text),
    profile: (user) => chat.profile(user),
    findByEmail: (email) => chat.findByEmail(email),
  };
}
