import type { Redis } from 'ioredis';
import { RateLimited } from '../../src/errors/coded-error.ts';
import type { ExceptionChat } from '../../src/alerts/lifecycle/exception-chat.ts';
import { retryAfterGate } from '../queue/retry-after-gate.ts';

/**
 * Reserves the next free send slot of a channel (Redis time, shared by every process): the answer
 * is how long to wait for the slot, or a negative number when the wait is longer than `maxWait`
 * (nothing reserved then: the job is delayed and asks again). Slots are `interval` apart, so a
 * channel never gets more than one message per interval, however many workers post to it. The
 * approval pacer's `SET NX PX` value ('1') is read as "busy for its TTL", so both share a channel.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local v = redis.call('GET', KEYS[1])
local slot = now
if v == '1' then slot = now + math.max(redis.call('PTTL', KEYS[1]), 0)
elseif v then slot = math.max(now, tonumber(v)) end
local wait = slot - now
if wait > tonumber(ARGV[2]) then return -wait end
redis.call('SET', KEYS[1], string.format('%.0f', slot + tonumber(ARGV[1])), 'PX', wait + tonumber(ARGV[1]))
return wait`;

/**
 * The last step before the request leaves: the previous send to the channel must be `interval`
 * ago (Redis time). A reserved slot is not enough alone: a worker delayed between its reservation
 * and its send would otherwise send right before the next slot's owner. Answers how long to wait.
 */
const COMMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local last = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local wait = last + tonumber(ARGV[1]) - now
if wait > 0 then return wait end
redis.call('SET', KEYS[1], string.format('%.0f', now), 'PX', tonumber(ARGV[1]) * 10)
return 0`;

/** Slack said 429: nobody posts to the channel before Retry-After has passed. */
const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local v = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local until_ = now + tonumber(ARGV[1])
if v < until_ then redis.call('SET', KEYS[1], string.format('%.0f', until_), 'PX', tonumber(ARGV[1])) end
return 1`;

export interface PaceOptions {
  /**
   * Slack allows about one message per second per channel; the 50 ms over it absorb the time
   * between the Redis commit and the request reaching Slack, so two sends never land within 1 s.
   * @defaultValue 1_050
   */
  postIntervalMs?: number;
  /** @defaultValue 250 (per message) */
  updateIntervalMs?: number;
  /** Waits up to this long in the worker for a reserved slot; longer waits delay the job. @defaultValue 1_500 */
  maxWaitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Paces an ExceptionChat per channel across processes. A post over the pace waits for its slot (short
 * waits) or throws RateLimited (the notify queue delays the job, no attempt spent). A Slack 429 blocks
 * the channel for Retry-After and is rethrown, so the job waits as told; nothing is dropped.
 */
export function pacedAlertChat(chat: ExceptionChat, redis: Redis, prefix: string, options: PaceOptions = {}): ExceptionChat {
  const postMs = options.postIntervalMs ?? 1_050;
  const updateMs = options.updateIntervalMs ?? 250;
  const maxWait = options.maxWaitMs ?? 1_500;
  const postKey = (channel: string) => `${prefix}:pace:post:slack:${channel}`;
  const pace = async (key: string, interval: number, what: string) => {
    const wait = Number(await redis.eval(RESERVE, 1, key, String(interval), String(maxWait)));
    if (wait < 0) throw new RateLimited(`pacing ${what}`, -wait - maxWait + Math.floor(Math.random() * interval));
    if (wait > 0) await sleep(wait);
    for (let tries = 0; tries < 20; tries++) {
      const more = Number(await redis.eval(COMMIT, 1, `${key}:sent`, String(interval)));
      if (more <= 0) return;
      await sleep(more);
    }
    throw new RateLimited(`pacing ${what}`, interval);
  };
  // Shared with approvals and triage (same keys, given the same prefix): one limiter per channel and family.
  const gate = retryAfterGate(redis, prefix);
  const honour429 = async <T>(channel: string, run: () => Promise<T>, family: 'post' | 'update' = 'post'): Promise<T> => {
    try {
      return await gate(family, `slack:${channel}`, run);
    } catch (err) {
      const retryAfterMs = (err as { retryAfterMs?: unknown }).retryAfterMs;
      if (typeof retryAfterMs === 'number' && retryAfterMs > 0) await redis.eval(BLOCK, 1, postKey(channel), String(retryAfterMs));
      throw err;
    }
  };
  return {
    async postException(channel, view, threadOf) {
      const where = threadOf?.channel ?? channel;
      await pace(postKey(where), postMs, `posts to ${where}`);
      return honour429(where, () => chat.postException(channel, view, threadOf));
    },
    async updateException(message, view) {
      await pace(`${prefix}:pace:update:slack:${message.channel}:${message.messageId}`, updateMs, `updates of ${message.messageId}`);
      return honour429(message.channel, () => chat.updateException(message, view), 'update');
    },
    async postDigest(channel, view) {
      await pace(postKey(channel), postMs, `posts to ${channel}`);
      return honour429(channel, () => chat.postDigest(channel, view));
    },
    async postInThread(message, text, mention) {
      await pace(postKey(message.channel), postMs, `posts to ${message.channel}`);
      return honour429(message.channel, () => chat.postInThread(message, text, mention));
    },
    // Ephemeral answers are what a person waits for after a click: not delayed by the pace.
    sendEphemeral: (channel, user, text) => chat.sendEphemeral(channel, user, text),
    profile: (user) => chat.profile(user),
    findByEmail: (email) => chat.findByEmail(email),
  };
}
