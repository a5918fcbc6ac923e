import { registerSupplierEventWebhook } from '../http/routes/supplier-event-webhook.ts';
import { handleSupplierEvent, WRITE_SUPPLIER_EVENT_JOB } from '../../src/supplier-events/handle-supplier-event.ts';
import { SUPPLIER_EVENT_JOB, type SupplierEventJob } from '../../src/supplier-events/receive-supplier-event.ts';
import { DEFAULT_SUPPLIER_EVENT_SETTINGS, type SupplierEventSettings } from '../../src/supplier-events/supplier-events-section.ts';
import { writeSupplierEvent } from '../../src/supplier-events/write-supplier-event.ts';
import { emittingTriageStore, type EmitDeps } from '../events/event-emitting-stores.ts';
import type { App } from '@slack/bolt';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { ProcurementException } from '../../src/alerts/exception.ts';
import type { Config } from '../../src/config/parse-config.ts';
import type { ChatPlatform } from '../../src/ports/chat.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { EmailReader } from '../../src/triage/email-reading.ts';
import { proposeBillCategory, requestBillCategory, type BillMismatchJob } from '../../src/triage/finance/propose-bill-category.ts';
import { decideTriage } from '../../src/triage/flow/decide-triage.ts';
import { handleTriageChannelMessage, handleTriageEphemeral, handleTriagePostCard, handleTriageUpdateCards, type TriageNotifyDeps } from '../../src/triage/flow/handle-triage-notify.ts';
import { scanChatterEmails } from '../../src/triage/flow/scan-chatter-emails.ts';
import { receiveTriageClick, type TriageClick } from '../../src/triage/flow/triage-click.ts';
import { triageEmail } from '../../src/triage/flow/triage-email.ts';
import { TRIAGE_JOBS, type TriageChannelMessageJob, type TriageEphemeralJob, type TriagePostCardJob, type TriageUpdateCardsJob, type TriageWriteBackJob } from '../../src/triage/flow/triage-jobs.ts';
import type { TriageChat } from '../../src/triage/flow/triage-ports.ts';
import { writeBackTriage } from '../../src/triage/flow/write-back-triage.ts';
import { TRIAGE_EMAIL_JOB, type TriageEmailJob } from '../../src/triage/receive-supplier-email.ts';
import type { TriageSettings } from '../../src/triage/triage-settings.ts';
import type { Metrics } from '../http/metrics.ts';
import { registerSupplierEmailWebhook } from '../http/routes/supplier-email-webhook.ts';
import { BullJobQueue, type BullQueues } from '../queue/bullmq-queues.ts';
import { registerTriageListeners } from '../slack/listeners/actions/triage-listeners.ts';
import { SlackTriageChat } from '../slack/slack-triage-chat.ts';
import { RedisCursorStore } from '../store/redis-cursor-store.ts';
import { RedisOnceStore } from '../store/redis-once-store.ts';
import { createEmailReader } from '../triage/create-email-reader.ts';
import { pacedTriageChat } from '../triage/paced-triage-chat.ts';
import { RedisTriageRecorder } from '../triage/redis-triage-recorder.ts';
import { RedisTriageStore } from '../triage/redis-triage-store.ts';
import type { Teams } from '../teams/create-teams.ts';
import { triageCardActions } from '../teams/invoke/triage-card-actions.ts';
import { TeamsTriageChat } from '../teams/teams-triage-chat.ts';
import type { TeamsRoutes } from '../teams/teams-routes.ts';
import { registerTriageMetrics } from '../triage/triage-metrics.ts';

export interface TriageFeatureDeps {
  config: Config;
  redis: Redis;
  queues: BullQueues;
  odoo: { gateway: OdooGateway; url: string };
  /** The `triage:` section of the policy file (readTriageSettings). */
  settings: TriageSettings;
  /** The policy's `identities:` (chat user -> Odoo login), which win over the email lookup. */
  identities?: { slack: ReadonlyMap<string, string>; teams: ReadonlyMap<string, string> };
  logger: Logger;
  now: () => Date;
  /** Replaces the configured reader (tests). */
  reader?: EmailReader;
  /** Teams (createTeams), when on: buyers found in its member directory and `teams:` channels get their cards there. */
  teams?: Teams | null;
  /** Outbound events (policy `events:`): wraps the proposal store. */
  emit?: EmitDeps;
  /** The policy's `supplier_events:` (what n8n's structured updates may write directly). */
  supplierEvents?: SupplierEventSettings;
}

export interface TriageFeature {
  /** Merge into the workers' handlers (queues triage, notify, writeback, scan). */
  handlers: JobHandlers;
  /** POST /webhooks/supplier-email and /webhooks/supplier-event (HMAC with SUPPLIER_EMAIL_HMAC_SECRET). */
  registerRoutes(app: Express, metrics: Metrics): void;
  /** The triage card's listeners, on the Bolt app that mountSlack made. */
  registerSlack(bolt: App): void;
  /** The `triage.*` card verbs on Teams' routes (before Teams is mounted). */
  registerTeams(routes: TeamsRoutes): void;
  /** Triage and LLM metrics on the app's /metrics registry. */
  registerMetrics(registry: Registry): void;
  /** The chatter scan's job scheduler (idempotent; every worker process may call it). */
  schedule(): Promise<void>;
  /** For the alerts layer: post the finance card of a bill-mismatch exception (false for other types). */
  requestBillCategory(exception: ProcurementException): Promise<boolean>;
  store: RedisTriageStore;
  recorder: RedisTriageRecorder;
}

/**
 * Supplier-email triage and bill-mismatch categories, wired: the sources (PO chatter scan, mail
 * webhook), the reader, the Redis stores, the Slack cards and the handlers of every triage job.
 */
export function createTriageFeature(deps: TriageFeatureDeps): TriageFeature {
  const { config, redis, queues, odoo, settings, logger, now } = deps;
  const prefix = config.redis.keyPrefix;
  const queue = new BullJobQueue(queues);
  // A stored confirmation also publishes triage.confirmed.
  const store = deps.emit ? emittingTriageStore(new RedisTriageStore(redis, prefix), deps.emit) : new RedisTriageStore(redis, prefix);
  const recorder = new RedisTriageRecorder(redis, prefix);
  const once = new RedisOnceStore(redis, prefix);
  const cursors = new RedisCursorStore(redis, prefix);
  const reader = deps.reader ?? createEmailReader({ openai: config.openai, logger, observer: (u) => recorder.observeLlm(u) });

  const slack = config.slack.botToken ? new SlackTriageChat({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, logger }) : null;
  const teams = deps.teams ? new TeamsTriageChat(deps.teams) : null;
  // pacedTriageChat keys its slots by platform: one instance paces both.
  const chats: Partial<Record<ChatPlatform, TriageChat>> = { ...(slack ? { slack: pacedTriageChat(slack, redis, prefix) } : {}), ...(teams ? { teams: pacedTriageChat(teams, redis, prefix) } : {}) };
  const notifyDeps: TriageNotifyDeps = { store, odoo: odoo.gateway, chat: (p) => chats[p] ?? null, platform: 'slack', platforms: Object.keys(chats) as ChatPlatform[], odooUrl: odoo.url };
  const loginOverride = (platform: 'slack' | 'teams', userId: string) => deps.identities?.[platform].get(userId) ?? null;
  const base = { odoo: odoo.gateway, store, queue, recorder, settings, now };

  return {
    store,
    recorder,
    handlers: {
      triage: {
        [TRIAGE_EMAIL_JOB]: (data) => triageEmail(data as TriageEmailJob, { ...base, reader }),
        [TRIAGE_JOBS.billMismatch]: (data) => proposeBillCategory(data as BillMismatchJob, base),
        [SUPPLIER_EVENT_JOB]: (data) => handleSupplierEvent(data as SupplierEventJob, { odoo: odoo.gateway, queue, store, settings: deps.supplierEvents ?? DEFAULT_SUPPLIER_EVENT_SETTINGS, triage: settings, now }),
      },
      notify: {
        [TRIAGE_JOBS.postCard]: (data) => handleTriagePostCard(data as TriagePostCardJob, notifyDeps),
        [TRIAGE_JOBS.updateCards]: (data) => handleTriageUpdateCards(data as TriageUpdateCardsJob, notifyDeps),
        [TRIAGE_JOBS.ephemeral]: (data) => handleTriageEphemeral(data as TriageEphemeralJob, notifyDeps),
        [TRIAGE_JOBS.channelMessage]: (data) => handleTriageChannelMessage(data as TriageChannelMessageJob, notifyDeps),
      },
      writeback: {
        [TRIAGE_JOBS.decide]: (data) => decideTriage(data as TriageClick, { ...base, loginOverride, profile: async (u) => (u.platform === 'slack' && slack ? slack.profile(u) : u.platform === 'teams' && teams ? teams.profile(u) : null) }),
        [TRIAGE_JOBS.writeBack]: (data, ctx) => writeBackTriage(data as TriageWriteBackJob, ctx, base),
        [WRITE_SUPPLIER_EVENT_JOB]: (data) =>
          writeSupplierEvent(data as SupplierEventJob, { odoo: odoo.gateway, ...(deps.emit?.insights ? { onVendorConfirmed: deps.emit.insights.vendorConfirmed } : {}) }),
      },
      scan: {
        [TRIAGE_JOBS.chatterScan]: () => scanChatterEmails({ odoo: odoo.gateway, cursors, once, queue, dedupeTtlSeconds: config.webhooks.dedupeTtlSeconds, now }),
      },
    },
    registerRoutes(app, metrics) {
      registerSupplierEmailWebhook(app, {
        secret: config.webhooks.supplierEmailHmacSecret,
        bodyLimitBytes: config.webhooks.bodyLimitBytes,
        dedupeTtlSeconds: config.webhooks.dedupeTtlSeconds,
        once,
        queue,
        metrics,
        logger,
      });
      registerSupplierEventWebhook(app, {
        secret: config.webhooks.supplierEmailHmacSecret,
        bodyLimitBytes: config.webhooks.bodyLimitBytes,
        dedupeTtlSeconds: config.webhooks.dedupeTtlSeconds,
        odoo: odoo.gateway,
        once,
        queue,
        metrics,
        logger,
        now,
      });
    },
    registerSlack(bolt) {
      registerTriageListeners(bolt, { onTriageClick: (click) => receiveTriageClick(click, queue), logger, now });
    },
    registerTeams(routes) {
      // Every triage verb (TEAMS_VERBS.triage*) starts with `triage.`.
      routes.onCardAction('triage.', triageCardActions({ onTriageClick: (click) => receiveTriageClick(click, queue), store, odooUrl: odoo.url, logger, now }));
    },
    registerMetrics(registry) {
      registerTriageMetrics(registry, recorder);
    },
    async schedule() {
      await queues.scan.upsertJobScheduler(TRIAGE_JOBS.chatterScan, { every: settings.chatterScanSeconds * 1000 }, { name: TRIAGE_JOBS.chatterScan });
    },
    requestBillCategory: (exception) => requestBillCategory(queue, exception),
  };
}
