import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { JobQueue } from '../../../src/ports/job-queue.ts';
import type { OdooGateway } from '../../../src/ports/odoo-gateway.ts';
import type { OnceStore } from '../../../src/ports/once-store.ts';
import { receiveSupplierEvent } from '../../../src/supplier-events/receive-supplier-event.ts';
import { supplierEventSchema } from '../../../src/supplier-events/supplier-event.ts';
import type { Metrics } from '../metrics.ts';
import { readJsonBody } from '../read-json-body.ts';
import { signedBody } from './supplier-email-webhook.ts';

export interface SupplierEventWebhookDeps {
  /** The same HMAC secret as the supplier-email webhook (one secret for the n8n flows); undefined disables it (503). */
  secret: string | undefined;
  bodyLimitBytes: number;
  dedupeTtlSeconds: number;
  odoo: OdooGateway;
  once: OnceStore;
  queue: JobQueue;
  metrics: Metrics;
  logger: Logger;
  now: () => Date;
}

/**
 * POST /webhooks/supplier-event: a structured supplier update from n8n (portal, carrier, EDI).
 * The signature is checked on the raw body before anything is parsed; the event is then matched
 * to its PO and lines in Odoo, so a bad one gets its reason (404 / 422) and nothing is stored.
 * A repeat of an event_id is answered 200 `duplicate` and dropped.
 */
export function registerSupplierEventWebhook(app: Express, deps: SupplierEventWebhookDeps): void {
  const count = (outcome: string) => deps.metrics.webhookRequests.inc({ source: 'supplier-event', outcome });
  const readBody = express.raw({ type: () => true, limit: deps.bodyLimitBytes });
  app.post('/webhooks/supplier-event', readBody, async (req: Request, res: Response, next: NextFunction) => {
    const raw = signedBody(deps.secret, req, res, count);
    if (!raw) return;
    const event = readJsonBody(raw, supplierEventSchema, res, count);
    if (!event) return;
    try {
      const r = await receiveSupplierEvent(event, deps);
      count(r.outcome === 'refused' ? r.refusal.code : r.outcome);
      if (r.outcome === 'refused') {
        deps.logger.info({ eventId: event.event_id, code: r.refusal.code, reason: r.refusal.message }, 'supplier event refused');
        res.status(r.refusal.status).json({ error: r.refusal.code, message: r.refusal.message });
        return;
      }
      res.status(r.outcome === 'accepted' ? 202 : 200).json({ status: r.outcome, po: r.orderName });
    } catch (err) {
      count('error');
      next(err);
    }
  });
}
