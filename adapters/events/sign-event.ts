import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header with `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme). */
export const EVENT_SIGNATURE_HEADER = 'x-chatops-signature';

/**
 * Signs timestamp and body together, so a captured request cannot be replayed later with a new
 * timestamp: receivers check the signature, then that `t` is recent, then dedupe on the event id.
 */
export function signEvent(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** The receiving side (tests, and subscribers written in Node): null when valid, else why not. */
export function verifyEventSignature(secret: string, header: string | undefined, body: string, nowSeconds: number, toleranceSeconds = 300): string | null {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header?.trim() ?? '');
  if (!m) return 'malformed signature header';
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return 'timestamp outside the tolerance';
  const expected = Buffer.from(signEvent(secret, t, body).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')) ? null : 'signature mismatch';
}
