import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { ApprovalClick, ApprovalClickSink } from '../../src/approvals/approval-click.ts';
import { BodyTooLarge, readBody, sendEmpty, sendJson, type LaneRoute } from '../http/fast-lane.ts';
import { CARD_ACTIONS } from './blocks/card-button-value.ts';
import { handOffClick } from './hand-off-click.ts';
import { CLICK_NOT_RECORDED } from './listeners/forward-card-click.ts';
import { cardClickToApprovalClick } from './listeners/card-click-to-approval-click.ts';
import { SLACK_REFUSALS } from './slack-request-guard.ts';
import { SLACK_REPLAY_WINDOW_SECONDS, verifySlackSignature } from './verify-slack-signature.ts';

const FAST: Record<string, ApprovalClick['action']> = {
  [CARD_ACTIONS.approve]: 'approve',
  [CARD_ACTIONS.details]: 'details',
  [CARD_ACTIONS.retry]: 'retry',
};

const FORM = 'application/x-www-form-urlencoded';

export interface ApprovalClickFastPathDeps {
  path: string;
  signingSecret: string;
  onApprovalClick: ApprovalClickSink;
  /** Whether a Bolt listener is registered for this action_id; the others are acked and ignored here. */
  isKnownAction: (actionId: string) => boolean;
  logger: Logger;
  now: () => Date;
  bodyLimitBytes: number;
}

type Payload = { type?: unknown; actions?: unknown; response_url?: unknown; user?: { id?: unknown }; channel?: unknown; container?: unknown; message?: { ts?: unknown } };

/**
 * The hot path of the bot, on the HTTP server's fast lane (in front of express and Bolt):
 * Approve, Details and Retry clicks on approval cards. Each costs what it must: the signature
 * (HMAC, timestamp with the injected clock and the wall clock), one form and one JSON parse, the
 * click's schema, one queue add (one XADD to the intake stream, adapters/queue/intake-stream.ts),
 * the ack. The ack waits for the queue add, so an acked click is a
 * recorded one; when the add fails or Redis is away, the ack still goes out in time and the
 * clicker is told privately (response_url) to click again. Measured with --cpu-prof (`npm run bench
 * -- approval-clicks`): Bolt's middleware chain, express's router and the body parsed three times
 * cost about 1.4 ms of CPU per click, and 500 people clicking one card waited up to 800 ms.
 * A click on an action_id no listener knows is acked at once and logged (Bolt would hold it 3 s
 * and answer 404). Everything else (commands, events, modals, other buttons, anything that does
 * not read cleanly) goes on to express, whose guard verifies again, and to Bolt.
 */
export function approvalClickFastPath(deps: ApprovalClickFastPathDeps): LaneRoute {
  return (req, res, toExpress) => {
    if (req.method !== 'POST' || req.url !== deps.path) return false;
    void readBody(req, deps.bodyLimitBytes).then(
      async (raw) => {
        const handOn = () => {
          (req as IncomingMessage & { body?: Buffer }).body = raw;
          toExpress();
        };
        const timestamp = header(req, 'x-slack-request-timestamp');
        const verdict = verifySlackSignature({ signingSecret: deps.signingSecret, rawBody: raw, signature: header(req, 'x-slack-signature'), timestamp, nowMs: deps.now().getTime() });
        if (!verdict.ok) {
          deps.logger.warn({ reason: verdict.reason, ip: req.socket.remoteAddress }, 'slack request refused');
          sendJson(res, 401, JSON.stringify({ error: verdict.reason, message: SLACK_REFUSALS[verdict.reason] }));
          return;
        }
        // The wall clock must agree with the injected one too (Bolt's own check), else Bolt decides.
        if (Math.abs(Date.now() / 1000 - Number(timestamp)) > SLACK_REPLAY_WINDOW_SECONDS) return handOn();
        if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== FORM) return handOn();
        const text = new URLSearchParams(raw.toString('utf8')).get('payload');
        let payload: Payload;
        try {
          payload = JSON.parse(text ?? '') as Payload;
        } catch {
          return handOn();
        }
        const actions = Array.isArray(payload?.actions) ? (payload.actions as Array<{ action_id?: unknown }>) : [];
        if (payload?.type !== 'block_actions' || actions.length !== 1 || typeof payload.user?.id !== 'string') return handOn();
        const actionId = String(actions[0]!.action_id);
        const kind = FAST[actionId];
        if (!kind) {
          if (deps.isKnownAction(actionId)) return handOn();
          deps.logger.info({ actionId, userId: payload.user.id }, 'slack click on an action the bot has no listener for: acked and ignored');
          return sendEmpty(res);
        }
        // Without a response_url (not a message click) the listener's way of answering is needed.
        if (typeof payload.response_url !== 'string') return handOn();
        // Only what the reading uses: the schemas are loose, and copying the card's whole message
        // (its blocks) through them was the largest part of a click's CPU after Bolt.
        const slim = { type: payload.type, user: payload.user, response_url: payload.response_url, channel: payload.channel, container: payload.container, ...(payload.message ? { message: { ts: payload.message.ts } } : {}) };
        const reading = cardClickToApprovalClick(slim, actions[0], kind, deps.now);
        if (!reading.ok) return handOn();
        const recorded = await handOffClick(deps.onApprovalClick, reading.click, deps.logger);
        sendEmpty(res);
        if (!recorded) await tellClicker(payload.response_url, deps.logger);
      },
      (err: unknown) => {
        if (err instanceof BodyTooLarge) sendJson(res, 413, JSON.stringify({ error: 'body_too_large', message: err.message }));
        else res.destroy();
      },
    );
    return true;
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Only the clicker sees it, in the conversation of the card. */
async function tellClicker(responseUrl: string, logger: Logger): Promise<void> {
  await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: CLICK_NOT_RECORDED }),
    signal: AbortSignal.timeout(5_000),
  }).catch((e: unknown) => logger.warn({ err: String(e) }, 'could not tell the clicker'));
}
