import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Policy } from '../../src/policy/policy-types.ts';
import type { Metrics } from '../http/metrics.ts';
import type { BullQueues } from '../queue/bullmq-queues.ts';
import type { RedisApprovalStore } from '../store/redis-approval-store.ts';
import { webApiRouter } from './api/web-api-router.ts';
import { slackEmojiShortcodes } from './emoji-shortcodes.ts';
import { respondRouter } from './interactions/respond-route.ts';
import { opsRoutes, type OpsSupplierEmail } from './ops/ops-routes.ts';
import { insightsRoutes, type InsightsPageDeps } from './insights/insights-routes.ts';
import type { EventsDeadLetters } from './ops/event-dead-letters.ts';
import { uiInteractionRoutes } from './ui/ui-interaction-routes.ts';
import { uiStateRoutes } from './ui/ui-state-routes.ts';
import { uiViewRoutes } from './ui/ui-view-routes.ts';
import { workspaceChannels } from './workspace-directory.ts';
import { WorkspaceStore } from './workspace-store.ts';

export const WORKSPACE_PATH = '/workspace';
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

export interface MountWorkspaceDeps {
  redis: Redis;
  /** The bot's Redis key prefix: the workspace keeps its state under `${prefix}:workspace:`. */
  prefix: string;
  /** The demo Slack credentials the bot runs with (see demo-slack.ts). */
  botToken: string;
  signingSecret: string;
  /** The bot's own URL (http://127.0.0.1:port): the workspace posts to its /slack/events. */
  ownUrl: string;
  policy: Policy | null;
  /** More channels the bot posts to (the exception alerts' routing), beside the policy's card channels. */
  extraChannels?: readonly string[];
  queues: BullQueues;
  approvalStore: RedisApprovalStore;
  /** Outbound events: their dead letters and Retry on the operations page. */
  events?: EventsDeadLetters;
  /** The demo's supplier-email webhook (its secret and an example), for the operations page. */
  supplierEmail?: OpsSupplierEmail;
  metrics: Metrics;
  logger: Logger;
  now?: () => Date;
  /** The control tower's measures and signed chart links: /workspace/insights (off without them). */
  insights?: Omit<InsightsPageDeps, 'logger' | 'now'>;
}

/**
 * The local workspace that stands in for Slack in demo mode, on the bot's own server:
 *   /workspace            the web app (static HTML and vanilla JS, no build step; emoji names from emojibase-data)
 *   /workspace/api/*      the Web API subset the bot calls (SLACK_API_URL points here)
 *   /workspace/ui/*       what the browser reads and asks for (signed and sent to /slack/events)
 *   /workspace/respond/*  response_urls, where Bolt's respond() posts
 *   /workspace/ops        queues, failed jobs (retry), open approvals, webhook intake
 *   /workspace/insights   the control tower: headline numbers, charts, supplier scorecards
 */
export function mountWorkspace(app: Express, deps: MountWorkspaceDeps): { store: WorkspaceStore } {
  const now = deps.now ?? (() => new Date());
  const store = new WorkspaceStore(deps.redis, deps.prefix, now);
  const channels = workspaceChannels(deps.policy, deps.extraChannels ?? []);
  const link = { eventsUrl: `${deps.ownUrl}/slack/events`, signingSecret: deps.signingSecret, ownUrl: deps.ownUrl, now };
  const router = express.Router();
  router.use('/api', webApiRouter({ store, channels, ownUrl: deps.ownUrl }, { botToken: deps.botToken, logger: deps.logger }));
  router.use('/respond', respondRouter({ store, logger: deps.logger }));
  router.use('/ui', uiStateRoutes({ store, channels, logger: deps.logger }));
  router.use('/ui', uiInteractionRoutes({ store, channels, link, logger: deps.logger }));
  router.use('/ui', uiViewRoutes({ store, link, logger: deps.logger }));
  router.use('/ops', opsRoutes({ queues: deps.queues, store: deps.approvalStore, events: deps.events, metrics: deps.metrics, logger: deps.logger, now, ...(deps.supplierEmail ? { supplierEmail: deps.supplierEmail } : {}) }));
  if (deps.insights) router.use('/insights', insightsRoutes({ ...deps.insights, logger: deps.logger, now }));
  router.get('/static/emoji.json', (_req, res) => {
    void slackEmojiShortcodes()
      .then((map) => res.set('cache-control', 'public, max-age=3600').json(map))
      .catch((err: unknown) => {
        deps.logger.error({ err }, 'the emoji shortcodes could not be read');
        res.status(500).json({ error: 'internal_error' });
      });
  });
  router.use('/static', express.static(PUBLIC_DIR, { index: false, fallthrough: false, maxAge: 0 }));
  router.get('/', (_req, res) => {
    res.set('cache-control', 'no-store').sendFile('index.html', { root: PUBLIC_DIR });
  });
  app.use(WORKSPACE_PATH, router);
  return { store };
}
