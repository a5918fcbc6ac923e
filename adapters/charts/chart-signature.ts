import { createHmac, timingSafeEqual } from 'node:crypto';
import { chartRequestSchema, type ChartRequest } from '../../src/insights/charts/chart-request.ts';

export type ChartFormat = 'svg' | 'png';

/**
 * The file part of a chart URL: `<payload>.<signature>.<svg|png>`, base64url both. The format is
 * not signed: the same chart as SVG or PNG shows the same data, the holder picks.
 */
const FILE = /^([A-Za-z0-9_-]{8,700})\.([A-Za-z0-9_-]{43})\.(svg|png)$/;

/**
 * Chart URLs are capabilities: whoever holds one sees that chart until it expires, with no login
 * (Slack and Teams fetch the images themselves). The payload names the chart and its period and
 * nothing else; the signature (HMAC-SHA256 with a secret only the bot knows) makes it
 * unguessable and untamperable; the expiry bounds how long a forwarded link works.
 */
export class ChartSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('the chart URL secret must be at least 16 characters');
  }

  /** The file name of a signed chart URL valid until `expiresAt`. */
  sign(request: ChartRequest, format: ChartFormat, expiresAt: Date): string {
    const payload = Buffer.from(JSON.stringify({ r: request, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
    return `${payload}.${this.mac(payload)}.${format}`;
  }

  /**
   * The request a file name was signed for, or why not. The signature is checked (in constant
   * time) before anything of the payload is read, so an unsigned payload is never parsed.
   */
  verify(file: string, now: Date): { ok: true; request: ChartRequest; format: ChartFormat; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'invalid' } {
    const m = FILE.exec(file);
    if (!m) return { ok: false, reason: 'malformed' };
    const [, payload = '', signature = '', format] = m;
    const expected = Buffer.from(this.mac(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const shape = body as { r?: unknown; e?: unknown } | null;
    const parsed = chartRequestSchema.safeParse(shape?.r);
    if (!parsed.success || typeof shape?.e !== 'number' || !Number.isInteger(shape.e)) return { ok: false, reason: 'invalid' };
    const expiresAt = new Date(shape.e * 1000);
    if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, request: parsed.data, format: format as ChartFormat, expiresAt };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`chart-url:v1:${payload}`).digest('base64url');
  }
}
