import { hash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { odooWebhookEventSchema } from '../../../src/intake/odoo-webhook-event.ts';
import { receiveOdooWebhook, type ReceiveOdooWebhookDeps } from '../../../src/intake/receive-odoo-webhook.ts';
import { maskPathSecrets } from '../../runtime/logger.ts';
import { addLaneRoute, BodyTooLarge, readBody, sendJson, type LaneRoute } from '../fast-lane.ts';
import type { Metrics } from '../metrics.ts';
import { parseJsonBody, readJsonBody } from '../read-json-body.ts';

export interface OdooWebhookDeps extends ReceiveOdooWebhookDeps {
  /** The path secret; undefined disables the route (it then answers 503). */
  token: string | undefined;
  bodyLimitBytes: number;
  metrics: Metrics;
  logger: Logger;
}

const PATH = '/webhooks/odoo/';

/** Compares secrets in constant time, whatever their lengths (hashing first evens them out). */
export function secretsMatch(given: string, expected: string): boolean {
  return secretMatcher(expected)(given);
}

/**
 * secretsMatch with the expected secret's digest computed once (the route checks every request).
 * crypto.hash is the one-shot form: no Hash object per request, a measurable part of a webhook's CPU.
 */
export function secretMatcher(expected: string): (given: string) => boolean {
  const b = hash('sha256', expected, 'buffer');
  return (given) => timingSafeEqual(hash('sha256', given, 'buffer'), b) && given.length === expected.length;
}

const DISABLED = JSON.stringify({ error: 'webhook_disabled', message: 'ODOO_WEBHOOK_TOKEN is not configured' });
const UNAUTHORIZED = JSON.stringify({ error: 'unauthorized', message: 'unknown webhook token' });
const ANSWERS = { accepted: JSON.stringify({ status: 'accepted' }), duplicate: JSON.stringify({ status: 'duplicate' }) } as const;
const FAILED = JSON.stringify({ error: 'internal_error', message: 'the bot could not handle this request; it has been logged' });

/**
 * POST /webhooks/odoo/:token. Odoo cannot sign, so the path token is the secret; it is checked
 * before the body is read. Odoo waits one second and never retries, so the answer is immediate:
 * the event is deduplicated and queued, and all the work happens in the scan worker. The request
 * runs on the fast lane (token, body, JSON, schema, dedupe + queue, answer); the express route
 * takes what the lane leaves (a path it does not read plainly, or before the lane opens).
 */
export function registerOdooWebhookRoute(app: Express, deps: OdooWebhookDeps): void {
  const counters = new Map<string, { inc(): void }>();
  const count = (outcome: string) => {
    let counter = counters.get(outcome);
    if (!counter) counters.set(outcome, (counter = deps.metrics.webhookRequests.labels('odoo', outcome)));
    counter.inc();
  };
  addLaneRoute(app, odooWebhookLane(deps, count));

  const checkToken = (req: Request, res: Response, next: NextFunction) => {
    if (!deps.token) {
      count('disabled');
      res.status(503).json(JSON.parse(DISABLED));
      return;
    }
    if (!secretsMatch(String(req.params.token ?? ''), deps.token)) {
      count('unauthorized');
      res.status(401).json(JSON.parse(UNAUTHORIZED));
      return;
    }
    next();
  };

  const readRaw = express.raw({ type: () => true, limit: deps.bodyLimitBytes });

  app.post('/webhooks/odoo/:token', checkToken, readRaw, async (req: Request, res: Response, next: NextFunction) => {
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

/** The same route on the fast lane: POST /webhooks/odoo/<token>, the token a plain path segment. */
function odooWebhookLane(deps: OdooWebhookDeps, count: (outcome: string) => void): LaneRoute {
  const tokenMatches = deps.token ? secretMatcher(deps.token) : () => false;
  return (req, res) => {
    const url = req.url ?? '';
    if (req.method !== 'POST' || !url.startsWith(PATH)) return false;
    const query = url.indexOf('?');
    const token = url.slice(PATH.length, query < 0 ? undefined : query);
    if (token.length === 0 || token.includes('/') || token.includes('%')) return false;
    if (!deps.token) {
      count('disabled');
      sendJson(res, 503, DISABLED);
      return true;
    }
    if (!tokenMatches(token)) {
      count('unauthorized');
      sendJson(res, 401, UNAUTHORIZED);
      return true;
    }
    void readBody(req, deps.bodyLimitBytes).then(
      async (raw) => {
        const reading = parseJsonBody(raw, odooWebhookEventSchema);
        if (!reading.ok) {
          count(reading.outcome);
          sendJson(res, 400, JSON.stringify(reading.body));
          return;
        }
        try {
          const outcome = await receiveOdooWebhook(reading.data, deps);
          count(outcome);
          sendJson(res, outcome === 'accepted' ? 202 : 200, ANSWERS[outcome]);
        } catch (err) {
          count('error');
          deps.logger.error({ err, path: maskPathSecrets(url) }, 'request failed');
          sendJson(res, 500, FAILED);
        }
      },
      (err: unknown) => {
        if (err instanceof BodyTooLarge) sendJson(res, 413, JSON.stringify({ error: 'body_too_large', message: `the body is larger than ${err.limit} bytes` }));
        else res.destroy();
      },
    );
    return true;
  };
}
