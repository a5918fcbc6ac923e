import { App, ExpressReceiver, type Authorize } from '@slack/bolt';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ApprovalClickSink } from '../../src/approvals/approval-click.ts';
import { createSlackWebClient, slackClientOptions } from './create-slack-web-client.ts';
import { registerListeners } from './listeners/index.ts';
import { slackRequestGuard } from './slack-request-guard.ts';
import { approvalClickFastPath } from './approval-click-fast-path.ts';
import { learnKnownActions } from './known-actions.ts';
import { addLaneRoute } from '../http/fast-lane.ts';
import { toSlackLogger } from './slack-logger.ts';

/** Bolt's default path: the manifest's request URLs point here. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface MountSlackDeps {
  /** SLACK_SIGNING_SECRET. */
  signingSecret: string;
  /** SLACK_BOT_TOKEN. */
  botToken: string;
  /** SLACK_API_URL: the Web API base URL (tests, proxies, the local workspace). */
  apiUrl?: string;
  onApprovalClick: ApprovalClickSink;
  logger: Logger;
  /** The clock for the replay window and the click times. */
  now?: () => Date;
  /** @defaultValue 1_000_000 */
  bodyLimitBytes?: number;
}

export interface MountedSlack {
  /** The Bolt app, for other features to register their listeners (commands, events). */
  bolt: App;
}

/**
 * Mounts Slack on the bot's one express app at POST /slack/events: approval card clicks on the
 * fast lane (approval-click-fast-path.ts); everything else through our guard (signature with our
 * clock, envelope, JSON 401/400), then Bolt's ExpressReceiver (which verifies again) and the
 * approval listeners. processBeforeResponse is false: ack() answers Slack at once and the
 * listener's work continues after the response, as the 3-second rule wants.
 */
export function mountSlack(app: Express, deps: MountSlackDeps): MountedSlack {
  const now = deps.now ?? (() => new Date());
  const slackLogger = toSlackLogger(deps.logger, 'slack-bolt');
  const router = express.Router();
  router.post(SLACK_EVENTS_PATH, ...slackRequestGuard({ signingSecret: deps.signingSecret, logger: deps.logger, now, bodyLimitBytes: deps.bodyLimitBytes }));
  const receiver = new ExpressReceiver({
    signingSecret: deps.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
    router,
    logger: slackLogger,
  });
  app.use(router);

  const bolt = new App({
    receiver,
    authorize: botIdentity(deps.botToken, createSlackWebClient(deps.botToken, { apiUrl: deps.apiUrl, logger: deps.logger, retries: 0, timeoutMs: 3_000 }), deps.logger),
    // Listeners' clients (views.open, ephemeral answers) must answer within Slack's 3 s, so they
    // do not wait out rate limits or retry slowly.
    clientOptions: slackClientOptions({ apiUrl: deps.apiUrl, logger: deps.logger, retries: 0, timeoutMs: 2_500 }),
    logger: slackLogger,
    // No in-memory conversation state: any web process must be able to take any request.
    convoStore: false,
  });
  const isKnownAction = learnKnownActions(bolt);
  // Approval card clicks take the fast lane in front of express; the rest comes through the router above.
  addLaneRoute(app, approvalClickFastPath({
    path: SLACK_EVENTS_PATH, signingSecret: deps.signingSecret, onApprovalClick: deps.onApprovalClick, isKnownAction,
    logger: deps.logger, now, bodyLimitBytes: deps.bodyLimitBytes ?? 1_000_000,
  }));
  bolt.error(async (err) => {
    deps.logger.error({ err: err.message, code: err.code }, 'slack listener failed');
  });
  registerListeners(bolt, { onApprovalClick: deps.onApprovalClick, logger: deps.logger, now });
  return { bolt };
}

/**
 * Bolt's single-token mode calls auth.test once in the constructor and caches a failure forever
 * (and leaves it unhandled). This asks lazily, never blocks a click on it, and asks again after a
 * failure: the bot ids only matter for ignoring the bot's own messages.
 */
function botIdentity(botToken: string, client: ReturnType<typeof createSlackWebClient>, logger: Logger): Authorize<boolean> {
  let known: { botId?: string; botUserId?: string } | undefined;
  let asking: Promise<void> | undefined;
  const ask = () =>
    (asking ??= client.auth
      .test()
      .then((r) => {
        known = { ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) };
      })
      .catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'slack auth.test failed; will ask again'))
      .finally(() => {
        asking = undefined;
      }));
  void ask();
  return async () => {
    if (!known) void ask();
    return { botToken, ...known };
  };
}
