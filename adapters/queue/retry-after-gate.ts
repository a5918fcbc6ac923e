import type { Redis } from 'ioredis';
import { RateLimited } from '../../src/errors/coded-error.ts';

/**
 * Lets a call through unless the channel's method family is told to wait (Redis time, so every
 * process agrees). During a storm (a 429 seen and no success since) each call that goes through
 * reserves a whole Retry-After window for itself: one probe per window, not one per waiting job.
 */
const PASS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local u = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if u > now then return u - now end
local storm = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
if storm > 0 then redis.call('SET', KEYS[1], string.format('%.0f', now + storm), 'PX', storm) end
return 0`;

/** Slack answered 429: nobody calls this family on this channel before Retry-After has passed. */
const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
local u = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if u < now + ms then redis.call('SET', KEYS[1], string.format('%.0f', now + ms), 'PX', ms) end
redis.call('SET', KEYS[2], ARGV[1], 'PX', math.max(ms * 5, 60000))
return 1`;

/** A call went through: the storm is over, the others may go. */
const CLEAR = `
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('DEL', KEYS[1], KEYS[2]) end
return 1`;

export type MethodFamily = 'post' | 'update' | 'ephemeral';

export type RetryAfterGate = <T>(family: MethodFamily, channel: string, run: () => Promise<T>) => Promise<T>;

/**
 * One limiter per chat channel and method family, shared by every job and process through Redis:
 * a 429's Retry-After holds back every caller of that family on that channel (not only the job
 * that got it), and the notify queue delays the held-back jobs without spending an attempt.
 */
export function retryAfterGate(redis: Redis, prefix: string): RetryAfterGate {
  return async (family, channel, run) => {
    const keys = [`${prefix}:retry-after:${family}:${channel}`, `${prefix}:retry-after:${family}:${channel}:storm`];
    const wait = Number(await redis.eval(PASS, 2, ...keys));
    if (wait > 0) throw new RateLimited(`${family} calls to ${channel} wait for Slack's Retry-After`, wait);
    try {
      const result = await run();
      await redis.eval(CLEAR, 2, ...keys);
      return result;
    } catch (err) {
      const retryAfterMs = platformRetryAfter(err);
      if (retryAfterMs !== null) await redis.eval(BLOCK, 2, ...keys, String(retryAfterMs));
      throw err;
    }
  };
}

/** The platform's own "slow down" (not our pacing's RateLimited, which carries retryAfterMs too). */
function platformRetryAfter(err: unknown): number | null {
  if (err instanceof RateLimited) return null;
  const ms = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? Math.ceil(ms) : null;
}
