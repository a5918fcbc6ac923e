import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { verifySlackSignature } from './verify-slack-signature.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

// The envelope Bolt needs to route a request without throwing: anything else is malformed.
const interactivitySchema = z.looseObject({
  type: z.string().min(1),
  user: z.looseObject({ id: z.string().min(1) }),
});
const slashCommandSchema = z.looseObject({ command: z.string().startsWith('/'), user_id: z.string().min(1), team_id: z.string().min(1) });
const eventsSchema = z.union([
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  z.looseObject({ type: z.literal('event_callback'), event: z.looseObject({ type: z.string().min(1) }) }),
  z.looseObject({ type: z.literal('app_rate_limited') }),
]);

/** The JSON answers of refused requests: the same from the fast lane and from this guard. */
export const SLACK_REFUSALS = {
  missing_signature: 'the request is not signed: X-Slack-Signature and X-Slack-Request-Timestamp are required',
  stale_timestamp: 'X-Slack-Request-Timestamp is more than five minutes from now (a replay, or a skewed clock)',
  bad_signature: 'X-Slack-Signature does not match the body and SLACK_SIGNING_SECRET',
} as const;

/**
 * Runs before Bolt on POST /slack/events: reads the raw body, checks Slack's signature with our
 * clock, and checks the envelope, answering 401 / 400 with a JSON error Bolt would not give (Bolt
 * answers a bad envelope with a 404 after 3 s, or a 500). Bolt then verifies again, from
 * `req.rawBody`: defence in depth, and it means no request reaches a listener unsigned.
 */
export function slackRequestGuard(deps: { signingSecret: string; logger: Logger; now: () => Date; bodyLimitBytes?: number }): RequestHandler[] {
  const readBody = express.raw({ type: () => true, limit: deps.bodyLimitBytes ?? 1_000_000 });
  const check = (req: Request, res: Response, next: NextFunction) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = verifySlackSignature({
      signingSecret: deps.signingSecret,
      rawBody: raw,
      signature: req.get('x-slack-signature'),
      timestamp: req.get('x-slack-request-timestamp'),
      nowMs: deps.now().getTime(),
    });
    if (!verdict.ok) {
      deps.logger.warn({ reason: verdict.reason, ip: req.ip }, 'slack request refused');
      res.status(401).json({ error: verdict.reason, message: SLACK_REFUSALS[verdict.reason] });
      return;
    }
    const mediaType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const problem = envelopeProblem(mediaType, raw.toString('utf8'));
    if (problem) {
      deps.logger.warn({ problem }, 'malformed slack request');
      res.status(400).json({ error: 'malformed_payload', message: problem });
      return;
    }
    // Bolt compares the content type exactly and reads the body from rawBody once it is consumed.
    req.headers['content-type'] = mediaType;
    (req as Request & { rawBody?: Buffer }).rawBody = raw;
    next();
  };
  return [readBody, check];
}

function envelopeProblem(mediaType: string, body: string): string | null {
  if (mediaType === FORM) {
    const form = new URLSearchParams(body);
    if (form.get('ssl_check') === '1') return null;
    const payload = form.get('payload');
    if (payload !== null) {
      let json: unknown;
      try {
        json = JSON.parse(payload);
      } catch {
        return 'payload is not JSON';
      }
      return issue(interactivitySchema.safeParse(json), 'payload');
    }
    return issue(slashCommandSchema.safeParse(Object.fromEntries(form)), 'form');
  }
  if (mediaType === JSON_TYPE) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return 'the body is not JSON';
    }
    return issue(eventsSchema.safeParse(json), 'body');
  }
  return `unsupported content type "${mediaType || 'none'}": Slack sends ${FORM} or ${JSON_TYPE}`;
}

function issue(result: { success: boolean; error?: z.ZodError }, where: string): string | null {
  if (result.success) return null;
  const first = result.error?.issues[0];
  return first ? `${where}${first.path.length ? `.${first.path.join('.')}` : ''}: ${first.message}` : `${where} is invalid`;
}
