import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { authTest } from './auth-test.ts';
import { chatPostEphemeral, chatPostMessage, chatUpdate } from './chat-methods.ts';
import type { ApiArgs, ApiContext, ApiMethod, ApiResult } from './api-context.ts';
import { conversationsOpen, usersInfo, usersLookupByEmail } from './users-methods.ts';
import { viewsOpen, viewsPublish, viewsUpdate } from './views-methods.ts';

/** The subset of Slack's Web API the bot uses; anything else answers unknown_method, as Slack does. */
export const WEB_API_METHODS: Readonly<Record<string, ApiMethod>> = {
  'auth.test': authTest,
  'chat.postMessage': chatPostMessage,
  'chat.update': chatUpdate,
  'chat.postEphemeral': chatPostEphemeral,
  'views.open': viewsOpen,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'users.info': usersInfo,
  'users.lookupByEmail': usersLookupByEmail,
  'conversations.open': conversationsOpen,
};

/**
 * POST /workspace/api/<method>: Slack's wire format (form bodies with JSON-encoded nested
 * arguments, or JSON), the Bearer token (or a `token` argument), and Slack's envelopes: HTTP 200
 * with `ok: false` and an error code for every refusal, so WebClient raises the same errors it
 * would against Slack.
 */
export function webApiRouter(ctx: ApiContext, deps: { botToken: string; logger: Logger }): Router {
  const router = express.Router();
  router.post('/:method', express.raw({ type: () => true, limit: '2mb' }), (req: Request, res: Response) => {
    void answer(req, res).catch((err: unknown) => {
      deps.logger.error({ err, method: req.params.method }, 'workspace web api failed');
      send(res, { ok: false, error: 'internal_error' });
    });
  });

  async function answer(req: Request, res: Response): Promise<void> {
    const method = String(req.params.method);
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const args = parseArgs(req.get('content-type'), raw);
    if (!args) return send(res, { ok: false, error: 'invalid_json' });
    const given = bearer(req.get('authorization')) ?? (typeof args.token === 'string' ? args.token : undefined);
    if (!given) return send(res, { ok: false, error: 'not_authed' });
    if (!sameSecret(given, deps.botToken)) return send(res, { ok: false, error: 'invalid_auth' });
    const run = WEB_API_METHODS[method];
    if (!run) return send(res, { ok: false, error: 'unknown_method' });
    const result = await run(args, ctx);
    if (!result.ok) deps.logger.debug({ method, error: result.error }, 'workspace web api refused a call');
    send(res, result);
  }
  return router;
}

function send(res: Response, body: ApiResult): void {
  res.status(200).json(body);
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** WebClient form-encodes arguments and JSON-encodes the nested ones (blocks, view...); null when malformed JSON. */
export function parseArgs(contentType: string | undefined, raw: string): ApiArgs | null {
  if (!raw) return {};
  if (contentType?.toLowerCase().startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ApiArgs) : null;
    } catch {
      return null;
    }
  }
  const out: ApiArgs = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the text
      }
    }
    out[key] = value;
  }
  return out;
}
