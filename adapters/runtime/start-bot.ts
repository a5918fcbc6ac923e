import { randomBytes } from 'node:crypto';
import { createInsightsFeature, type InsightsFeature } from '../insights/insights-feature.ts';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { chatAddress } from '../../src/alerts/lifecycle/chat-address.ts';
import type { Config } from '../../src/config/parse-config.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { ChangeListener } from '../../src/intake/take-in-odoo-change.ts';
import { createHttpApp, finishHttpApp, listen } from '../http/create-http-app.ts';
import { RedisAuditLog } from '../store/redis-audit-log.ts';
import { createMetrics, type Metrics } from '../http/metrics.ts';
import type { ReadinessCheck } from '../http/readiness.ts';
import { registerHealthRoutes } from '../http/routes/health.ts';
import { registerOdooWebhookRoute } from '../http/routes/odoo-webhook.ts';
import { closeQueues, createQueues, type BullQueues } from '../queue/bullmq-queues.ts';
import { intakeStreamKey, StreamIntakeQueue } from '../queue/intake-stream.ts';
import { startIntakeRelay } from '../queue/relay-intake.ts';
import { startWorkers, type WorkerPool } from '../queue/start-workers.ts';
import { ensureRedis } from '../store/ensure-redis.ts';
import { createIntakeRedis, createRedis, whenReady } from '../store/redis-connection.ts';
import { redisReadiness } from '../store/redis-readiness.ts';
import { RememberingOnceQueue } from '../queue/remembering-once-queue.ts';
import { connectOdoo, type OdooConnection } from './connect-odoo.ts';
import { createJobHandlers } from './job-handlers.ts';
import { createApprovalsFeature, type ApprovalsFeature } from './approvals-feature.ts';
import { createStatusFeature } from './status-feature.ts';
import { createAlertsFeature, type AlertsFeature } from './alerts-feature.ts';
import { createTriageFeature, type TriageFeature } from './triage-feature.ts';
import { readTriageSettings } from '../triage/read-triage-settings.ts';
import { readDelegationsSection } from '../delegation/read-delegations-section.ts';
import { wireDelegation } from '../delegation/wire-delegation.ts';
import type { DelegationFeature } from '../delegation/create-delegation-feature.ts';
import { loadAlertsSettings } from '../alerts/load-alerts-settings.ts';
import { openAiQuestionInterpreter } from '../llm/openai-question-interpreter.ts';
import { offlineInterpreter } from '../../src/status/parse-question.ts';
import { loadPolicy } from '../policy/load-policy.ts';
import { ensureWebhookRules } from '../odoo/ensure-webhook-rule.ts';
import { demoSlackConfig, demoWebhooksConfig, workspaceEnabled } from '../workspace/demo-slack.ts';
import { demoOrders, startDemoInbox } from '../workspace/demo-inbox/send-demo-inbox.ts';
import { confirmationExample } from '../workspace/demo-inbox/demo-inbox-emails.ts';
import { mountWorkspace } from '../workspace/mount-workspace.ts';
import type { WorkspaceStore } from '../workspace/workspace-store.ts';
import type { Teams } from '../teams/create-teams.ts';
import type { ChatPlatform } from '../../src/ports/chat.ts';
import { unreachableChannels } from './unreachable-channels.ts';
import { createEventsFeature, type EventsFeature } from '../events/create-events-feature.ts';
import { readEventsSection } from '../events/read-events-section.ts';
import { readSupplierEventsSection } from '../triage/read-supplier-events-section.ts';
import type { TeamsAuthOptions } from '../teams/create-cloud-adapter.ts';
import type { InsightsReader } from '../../src/insights/insight-types.ts';
import { createControlTowerFeature, type ControlTowerFeature } from './control-tower-feature.ts';
import { readDigestSection } from '../control-tower/read-digest-section.ts';
import { readRequestsSection } from '../requests/read-requests-section.ts';
import { createRequestsFeature, type RequestsFeature } from './requests-feature.ts';

export interface StartBotOptions {
  config: Config;
  logger: Logger;
  /** Serve HTTP (npm start) and/or run the queue workers (npm start, npm run worker). */
  http: boolean;
  workers: boolean;
  /** Extra or replacement job handlers (tests use it to observe jobs). */
  handlers?: JobHandlers;
  now?: () => Date;
  /** Teams token checks (tests point the OpenID metadata at a local server). */
  teamsAuth?: TeamsAuthOptions;
  /**
   * Demo mode's mail gateway (a few supplier emails after start, see send-demo-inbox.ts): on by
   * default in a demo web process; tests turn it off or set when the emails arrive.
   */
  demoInbox?: false | { delaysMs?: readonly number[] };
  /** The control tower's measures (tests pass fixed ones): charts, Insights page, digest, personal numbers. */
  insightsReader?: InsightsReader;
}

export interface BotRuntime {
  config: Config;
  redis: Redis;
  queues: BullQueues;
  metrics: Metrics;
  odoo: OdooConnection;
  approvals: ApprovalsFeature;
  alerts: AlertsFeature;
  /** Supplier-email triage and bill categories (its stores, for tests and ops). */
  triage: TriageFeature;
  /** Delegations (policy file and `/po delegate`): who acts for an absent approver. */
  delegation: DelegationFeature;
  /** Outbound events to the policy's `events:` subscribers (n8n and others). */
  events: EventsFeature;
  /** The control tower's measures: the cached reader, the recorder, the refresh job. */
  insights: InsightsFeature;
  /** Purchase requests from chat (`/po request`): their store and use-case deps, for tests and ops. */
  requests: RequestsFeature;
  server?: Server;
  /** http://host:port the server listens on (the real port when PORT=0). */
  url?: string;
  workerPool?: WorkerPool;
  webhookToken: string | undefined;
  /** The local workspace standing in for Slack (demo mode, web processes only). */
  workspace?: { store: WorkspaceStore };
  /** Teams, when on (web processes): its stores, sender and routes for features to register on. */
  teams?: Teams;
  /** The control tower's faces: signed charts, Insights page, weekly digest (set once built). */
  controlTower?: ControlTowerFeature;
  /** Stops taking work, lets running jobs finish (or returns them), closes every connection. */
  stop(): Promise<void>;
}

export async function startBot(options: StartBotOptions): Promise<BotRuntime> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const closers: Array<() => Promise<void>> = [];
  let stopped: Promise<void> | undefined;
  let stopStartedAt = 0;
  const stopAll = () =>
    (stopped ??= (async () => {
      stopStartedAt = Date.now();
      for (const close of [...closers].reverse()) await close().catch((err) => logger.warn({ err: String(err) }, 'error while stopping'));
    })());
  try {
    // The policy first: a policy error stops start-up with one line, before anything is started.
    const policy = await loadPolicy({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded' });
    const alertSettings = await loadAlertsSettings({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded', policy });
    const triageSettings = await readTriageSettings({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded' });
    const policyDelegations = await readDelegationsSection({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded', policy, now });
    const eventSubscribers = await readEventsSection({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded' });
    const supplierEvents = await readSupplierEventsSection({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded' });
    const digestSettings = await readDigestSection({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded', calendarTimeZone: policy.calendar.timeZone });
    const requestsSettings = await readRequestsSection({ policyFile: config.policyFile, demoMode: config.odoo.mode === 'embedded' });
    const ensured = await ensureRedis({ url: config.redis.url, autostart: config.redis.autostart, dataDir: join(config.stateDir, 'redis') });
    closers.push(ensured.close);
    if (ensured.started) logger.info({ url: ensured.url, dir: join(config.stateDir, 'redis') }, 'no Redis answered at REDIS_URL: started a private redis-server (AOF on)');
    const redis = createRedis(ensured.url);
    redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
    closers.push(async () => void (await redis.quit().catch(() => redis.disconnect())));

    const queues = createQueues(redis, config.redis.keyPrefix);
    closers.push(() => closeQueues(queues));
    const metrics = createMetrics(queues, { intakeBacklog: () => redis.xlen(intakeStreamKey(config.redis.keyPrefix)) });
    const events = createEventsFeature({ subscribers: eventSubscribers, redis, prefix: config.redis.keyPrefix, queues, logger, now });
    events.registerMetrics(metrics.registry);

    const odoo = await connectOdoo({ config, logger, metrics, startEmbedded: options.http });
    closers.push(odoo.close);

    // Demo mode needs no configuration: the bot wires the embedded Odoo's rules with this token.
    const webhookToken = config.webhooks.odooToken ?? (config.odoo.mode === 'embedded' ? randomBytes(24).toString('base64url') : undefined);

    // HTTP binds before the features are built: in demo mode the bot's Slack client must know the
    // URL of the local workspace it serves itself (PORT=0 in tests). Until every route is mounted,
    // requests other than /healthz get 503 `starting`.
    let app: Express | undefined;
    let server: Server | undefined;
    let url: string | undefined;
    let started = false;
    let closeServer: (() => Promise<void>) | undefined;
    let intake: StreamIntakeQueue | undefined;
    if (options.http) {
      // Clicks and webhooks wait for their one Redis round trip: their own fail-fast connection,
      // and one XADD each to the intake stream, which the workers' relay moves into BullMQ.
      const intakeConnection = createIntakeRedis(ensured.url);
      intakeConnection.on('error', (err) => logger.warn({ err: err.message }, 'redis intake connection error'));
      closers.push(async () => {
        await intakeConnection.quit().catch(() => intakeConnection.disconnect());
      });
      intake = new StreamIntakeQueue(intakeConnection, config.redis.keyPrefix);
      await whenReady(intakeConnection);
      app = createHttpApp(logger);
      app.use((req, res, next) => {
        if (started || req.path === '/healthz') return next();
        res.status(503).set('retry-after', '1').json({ error: 'starting', message: 'the bot is starting; try again in a moment' });
      });
      const checks: ReadinessCheck[] = [redisReadiness(redis), odoo.readiness];
      registerHealthRoutes(app, { checks, metrics });
      registerOdooWebhookRoute(app, {
        token: webhookToken,
        bodyLimitBytes: config.webhooks.bodyLimitBytes,
        dedupeTtlSeconds: config.webhooks.dedupeTtlSeconds,
        // Odoo repeats a version once per automation rule, mostly to this process: answered here.
        intake: new RememberingOnceQueue(intake),
        metrics,
        logger,
        now,
      });
      const listening = await listen(app, config.port);
      server = listening;
      // Closing the server first stops new requests; idle keep-alive sockets would hold it open.
      // A request still running gets a moment to answer; a load balancer's keep-alive socket that
      // turns idle later would hold the server open for ever, so past it every socket is closed.
      closeServer = () =>
        new Promise<void>((done) => {
          listening.close(() => done());
          listening.closeIdleConnections();
          setTimeout(() => listening.closeAllConnections(), Math.min(3_000, Math.floor(config.shutdownTimeoutMs / 4))).unref();
        });
      closers.push(closeServer);
      const address = listening.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.port}`;
    }

    // Demo mode (no SLACK_BOT_TOKEN): the bot runs unchanged against the local workspace, with
    // demo credentials shared through Redis and SLACK_API_URL at the workspace's Web API.
    const workspace = workspaceEnabled(config);
    const featureConfig: Config = workspace ? { ...config, slack: await demoSlackConfig(config, redis, url), webhooks: await demoWebhooksConfig(config, redis) } : config;
    // The control tower records what the stores store (through the same wrappers as the events).
    const insights = createInsightsFeature({ redis, prefix: config.redis.keyPrefix, odoo: odoo.gateway, calendar: policy.calendar, queues, logger, now, audit: new RedisAuditLog(redis, config.redis.keyPrefix, config.auditRetentionDays) });
    const emit = { ...events.emit, insights: insights.recorder };
    const approvals = createApprovalsFeature({ config: featureConfig, policy, redis, queues, odoo, logger, now, teamsAuth: options.teamsAuth, emit, ...(intake ? { intake } : {}) });
    // Out of office: `/po delegate` and the file's delegations; approvals route through them (runtime.delegation).
    const delegation = wireDelegation({ config: featureConfig, policy, policyDelegations, redis, odoo: odoo.gateway, logger, now,
      // Read when a command arrives, so it does not matter which of the two is built first.
      teamsProfile: async (u) => (approvals.teams ? approvals.teams.chat.profile(u) : null),
    });
    approvals.routeThrough(delegation);
    approvals.registerMetrics(metrics.registry);
    const triage = createTriageFeature({ config: featureConfig, redis, queues, odoo, settings: triageSettings, identities: policy.identities, logger, now, teams: approvals.teams, emit, supplierEvents });
    triage.registerMetrics(metrics.registry);
    const requests = createRequestsFeature({ config: featureConfig, policy, settings: requestsSettings, redis, queues, odoo: { gateway: odoo.gateway, url: odoo.url }, logger, now, teams: approvals.teams,
      // Overdue requests go through the alerts lifecycle (alerts is built below; the tick runs later).
      exceptions: (run) => alerts.applyExceptions(run) });
    const alerts = createAlertsFeature({
      config: featureConfig, settings: alertSettings, redis, queues, odoo, logger, now, identities: policy.identities, teams: approvals.teams, emit,
      // Finance gets a proposed category for each bill mismatch, to confirm or change.
      onMaterialChange: (e) => triage.requestBillCategory(e),
    });
    alerts.registerMetrics(metrics.registry);
    const connected: ChatPlatform[] = [...(featureConfig.slack.botToken ? ['slack' as const] : []), ...(approvals.teams ? ['teams' as const] : [])];
    const routed = [alertSettings.routing.defaultChannel, ...alertSettings.routing.rules.flatMap((r) => r.channels), triageSettings.unmatchedChannel, triageSettings.financeChannel];
    const unreachable = unreachableChannels(routed, connected);
    if (unreachable.length > 0) {
      logger.warn({ channels: unreachable, connected }, `the policy routes alerts or triage to channels on a platform the bot is not connected to (${unreachable.join(', ')}): write Teams channels as "teams:<Team/Channel>", or connect Slack`);
    }
    const runtime: BotRuntime = { config, redis, queues, metrics, odoo, approvals, alerts, triage, delegation, events, insights, requests, webhookToken, stop: stopAll };
    // The control tower's faces read the measures' cached reader (tests may pass fixed measures).
    const tower = await createControlTowerFeature({
      config: featureConfig, redis, queues, reader: options.insightsReader ?? insights.reader, digest: digestSettings, teamsSender: approvals.teams?.sender ?? null, logger, now,
      // PORT=0 (tests) leaves PUBLIC_URL's default pointing at port 0: the real one is known now.
      baseUrl: config.port === 0 && url ? url : config.publicUrl,
      insightsPageUrl: workspace ? `${config.port === 0 && url ? url : config.publicUrl}/workspace/insights` : null,
    });
    runtime.controlTower = tower;

    if (options.workers) {
      const handlers = createJobHandlers({
        odoo, redis, keyPrefix: config.redis.keyPrefix, logger, metrics,
        listeners: mergeListeners(approvals.listeners, alerts.listeners, requests.listeners),
        handlers: mergeHandlers(mergeHandlers(mergeHandlers(mergeHandlers(mergeHandlers(mergeHandlers(mergeHandlers(approvals.handlers, alerts.handlers), triage.handlers), events.handlers), insights.handlers), tower.handlers), requests.handlers), options.handlers ?? {}),
      });
      const pool = startWorkers({ connection: redis, prefix: config.redis.keyPrefix, handlers, logger, concurrency: config.workerConcurrency, lockDurationMs: config.jobLockMs });
      runtime.workerPool = pool;
      // What the web processes took in (clicks, webhooks) goes from the intake stream into its queue.
      const relay = await startIntakeRelay({ connection: redis, prefix: config.redis.keyPrefix, queues, logger });
      closers.push(() => relay.close());
      // Jobs get what is left of SHUTDOWN_TIMEOUT_MS after the HTTP server closed, less a moment to close connections.
      closers.push(() => pool.close(Math.max(500, config.shutdownTimeoutMs - (Date.now() - stopStartedAt) - Math.min(500, config.shutdownTimeoutMs / 10))));
      await approvals.schedule();
      await alerts.schedule();
      await triage.schedule();
      await events.schedule();
      await insights.schedule();
      await tower.schedule();
      await requests.schedule();
    }
    if (closeServer) {
      // Stop runs closers in reverse: the server must still close first, before the workers.
      closers.splice(closers.indexOf(closeServer), 1);
      closers.push(closeServer);
    }

    if (app && server && url) {
      triage.registerRoutes(app, metrics);
      tower.registerRoutes(app);
      const slack = approvals.mount(app);
      // Plain-words questions: the offline parser, and the LLM for what it cannot read (when configured).
      const interpreter = config.openai.apiKey
        ? openAiQuestionInterpreter(offlineInterpreter, { apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl, model: config.openai.model, onFailure: (reason) => logger.warn({ reason }, 'question interpreter failed; answering with help') })
        : offlineInterpreter;
      const status = slack || approvals.teams
        ? createStatusFeature({ config: featureConfig, policy, odoo: { gateway: odoo.gateway, url: odoo.url }, store: approvals.store, audit: approvals.audit, logger, now, interpreter, delegation, teams: approvals.teams, insights: tower.status, ...(requests.statusHooks ? { requests: requests.statusHooks } : {}) })
        : null;
      if (approvals.teams && status) {
        // Every feature registers its verbs and message handlers before /api/messages takes requests.
        alerts.registerTeams(approvals.teams.routes);
        triage.registerTeams(approvals.teams.routes);
        // Before status: its message handler answers every text, requests take theirs first.
        requests.registerTeams(approvals.teams.routes);
        status.registerTeams(approvals.teams);
      }
      const teams = approvals.mountTeams(app);
      if (teams) runtime.teams = teams;
      if (slack && status) {
        alerts.registerSlack(slack.bolt);
        triage.registerSlack(slack.bolt);
        status.registerSlack(slack.bolt);
        requests.registerSlack(slack.bolt);
      }
      if (workspace && featureConfig.slack.botToken && featureConfig.slack.signingSecret) {
        runtime.workspace = mountWorkspace(app, {
          redis, prefix: config.redis.keyPrefix, botToken: featureConfig.slack.botToken, signingSecret: featureConfig.slack.signingSecret,
          ownUrl: url, policy, queues, approvalStore: approvals.store, events, metrics, logger, now,
          insights: { reader: tower.reader, links: tower.links },
          ...(featureConfig.webhooks.supplierEmailHmacSecret ? { supplierEmail: {
            secret: featureConfig.webhooks.supplierEmailHmacSecret,
            example: async () => {
              const [order] = odoo.embedded ? await demoOrders(odoo.gateway) : [];
              return order ? confirmationExample(order) : null;
            },
          } } : {}),
          // The workspace stands in for Slack: channels routed to Teams (`teams:...`) are not its business.
          extraChannels: [alertSettings.routing.defaultChannel, ...alertSettings.routing.rules.flatMap((r) => r.channels), triageSettings.unmatchedChannel, triageSettings.financeChannel]
            .map((c) => chatAddress(c))
            .filter((a) => a.platform === 'slack')
            .map((a) => a.channel),
        });
        logger.info({ url: `${config.publicUrl}/workspace`, ops: `${config.publicUrl}/workspace/ops` }, `demo mode: no SLACK_BOT_TOKEN, so the bot talks to the local workspace; open ${config.publicUrl}/workspace`);
      }
      finishHttpApp(app, logger);
      started = true;
      runtime.server = server;
      runtime.url = url;
      if (odoo.embedded && webhookToken) {
        // Demo mode: the embedded Odoo tells this bot about POs, receipts and bills, as a real one would.
        await ensureWebhookRules(odoo.gateway, `${url}/webhooks/odoo/${webhookToken}`);
      }
      const mailSecret = featureConfig.webhooks.supplierEmailHmacSecret;
      if (workspace && odoo.embedded && mailSecret && options.demoInbox !== false) {
        const stopInbox = startDemoInbox({ redis, prefix: config.redis.keyPrefix, odoo: odoo.gateway, ownUrl: url, secret: mailSecret, logger, now, ...(options.demoInbox?.delaysMs ? { delaysMs: options.demoInbox.delaysMs } : {}) });
        closers.push(async () => stopInbox());
      }
    }
    return runtime;
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function mergeHandlers(a: JobHandlers, b: JobHandlers): JobHandlers {
  const out: JobHandlers = { ...a };
  for (const [queue, byName] of Object.entries(b) as Array<[keyof JobHandlers, JobHandlers[keyof JobHandlers]]>) out[queue] = { ...(out[queue] ?? {}), ...byName };
  return out;
}

/** Every feature's listeners of a model run, one after the other (approvals and alerts both watch POs). */
function mergeListeners(...sets: Array<Record<string, ChangeListener[]>>): Record<string, ChangeListener[]> {
  const out: Record<string, ChangeListener[]> = {};
  for (const set of sets) for (const [model, listeners] of Object.entries(set)) out[model] = [...(out[model] ?? []), ...listeners];
  return out;
}
