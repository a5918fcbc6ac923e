import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack signs with the current time; older requests are replays (Slack's documented window). */
export const SLACK_REPLAY_WINDOW_SECONDS = 5 * 60;

export type SlackSignatureCheck = { ok: true } | { ok: false; reason: 'missing_signature' | 'stale_timestamp' | 'bad_signature' };

/**
 * Checks Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the
 * signing secret, compared in constant time, and a timestamp within five minutes of `nowMs`
 * either way. Pure, so replay windows are tested with a clock instead of sleeps.
 */
export function verifySlackSignature(input: { signingSecret: string; rawBody: string | Buffer; signature: string | undefined; timestamp: string | undefined; nowMs: number }): SlackSignatureCheck {
  const { signature, timestamp } = input;
  if (!input.signingSecret || !signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing_signature' };
  if (Math.abs(Math.floor(input.nowMs / 1000) - Number(timestamp)) > SLACK_REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(`v0=${createHmac('sha256', input.signingSecret).update(`v0:${timestamp}:`).update(input.rawBody).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
