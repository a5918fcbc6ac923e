import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { odooWebhookEventSchema } from '../../../src/intake/odoo-webhook-event.ts';
import { receiveOdooWebhook, type ReceiveOdooWebhookDeps } from '../../../src/intake/receive-odoo-webhook.ts';
import type { Metrics } from '../metrics.ts';
import { readJsonBody } from '../read-json-body.ts';

export interface OdooWebhookDeps extends ReceiveOdooWebhookDeps {
  /** The path secret; undefined disables the route (it then answers 503). */
  token: string | undefined;
  bodyLimitBytes: number;
  metrics: Metrics;
  logger: Logger;
}

/** Compares secrets in constant time, whatever their lengths (hashing first evens them out). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * POST /webhooks/odoo/:token. Odoo cannot sign, so the path token is the secret; it is checked
 * before the body is read. Odoo waits one second and never retries, so the answer is immediate:
 * the event is deduplicated and queued, and all the work happens in the scan worker.
 */
export function registerOdooWebhookRoute(app: Express, deps: OdooWebhookDeps): void {
  const count = (outcome: string) => deps.metrics.webhookRequests.inc({ source: 'odoo', outcome });

  const checkToken = (req: Request, res: Response, next: NextFunction) => {
    if (!deps.token) {
      count('disabled');
      res.status(503).json({ error: 'webhook_disabled', message: 'ODOO_WEBHOOK_TOKEN is not configured' });
      return;
    }
    if (!secretsMatch(String(req.params.token ?? ''), deps.token)) {
      count('unauthorized');
      res.status(401).json({ error: 'unauthorized', message: 'unknown webhook token' });
      return;
    }
    next();
  };

  const readBody = express.raw({ type: () => true, limit: deps.bodyLimitBytes });

  app.post('/webhooks/odoo/:token', checkToken, readBody, async (req: Request, res: Response, next: NextFunction) => {
    const event = readJsonBody(req.body, odooWebhookEventSchema, res, count);
    if (!event) return;
    try {
      const outcome = await receiveOdooWebhook(event, deps);
      count(outcome);
      res.status(outcome === 'accepted' ? 202 : 200).json({ status: outcome });
    } catch (err) {
      count('error');
      next(err);
    }
  });
}
