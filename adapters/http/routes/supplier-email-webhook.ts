import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { JobQueue } from '../../../src/ports/job-queue.ts';
import type { OnceStore } from '../../../src/ports/once-store.ts';
import { receiveSupplierEmail } from '../../../src/triage/receive-supplier-email.ts';
import { supplierEmailEventSchema } from '../../../src/triage/supplier-email-event.ts';
import type { Metrics } from '../metrics.ts';
import { readJsonBody } from '../read-json-body.ts';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>` (GitHub's convention). */
export const SIGNATURE_HEADER = 'x-signature-256';

export interface SupplierEmailWebhookDeps {
  /** SUPPLIER_EMAIL_HMAC_SECRET; undefined disables the route (503). */
  secret: string | undefined;
  bodyLimitBytes: number;
  dedupeTtlSeconds: number;
  once: OnceStore;
  queue: JobQueue;
  metrics: Metrics;
  logger: Logger;
}

/** Checks `sha256=<hex>` against the raw body in constant time. */
export function signatureMatches(secret: string, raw: Buffer, header: string | undefined): boolean {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')?.[1];
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/**
 * The raw body of a request signed with the shared n8n / mail-gateway secret, or null after
 * answering 503 (no secret configured) or 401 (bad signature). Checked before anything is parsed.
 */
export function signedBody(secret: string | undefined, req: Request, res: Response, count: (outcome: string) => void): Buffer | null {
  if (!secret) {
    count('disabled');
    res.status(503).json({ error: 'webhook_disabled', message: 'SUPPLIER_EMAIL_HMAC_SECRET is not configured' });
    return null;
  }
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!signatureMatches(secret, raw, req.get(SIGNATURE_HEADER))) {
    count('unauthorized');
    res.status(401).json({ error: 'bad_signature', message: `${SIGNATURE_HEADER} must be sha256=<hex HMAC-SHA256 of the body with SUPPLIER_EMAIL_HMAC_SECRET>` });
    return null;
  }
  return raw;
}

/**
 * POST /webhooks/supplier-email: an email from a mail gateway or n8n. The signature is checked
 * on the raw body before anything is parsed; a repeat of a Message-ID is answered 200 and dropped.
 */
export function registerSupplierEmailWebhook(app: Express, deps: SupplierEmailWebhookDeps): void {
  const count = (outcome: string) => deps.metrics.webhookRequests.inc({ source: 'supplier-email', outcome });
  const readBody = express.raw({ type: () => true, limit: deps.bodyLimitBytes });
  app.post('/webhooks/supplier-email', readBody, async (req: Request, res: Response, next: NextFunction) => {
    const raw = signedBody(deps.secret, req, res, count);
    if (!raw) return;
    const email = readJsonBody(raw, supplierEmailEventSchema, res, count);
    if (!email) return;
    try {
      const outcome = await receiveSupplierEmail({ source: 'webhook', email, orderId: null }, deps);
      count(outcome);
      res.status(outcome === 'accepted' ? 202 : 200).json({ status: outcome });
    } catch (err) {
      count('error');
      next(err);
    }
  });
}
