import { applyDetections, type AppliedRun, type DetectionRun } from '../../src/alerts/lifecycle/apply-detections.ts';
import { emittingExceptionStore, type EmitDeps } from '../events/event-emitting-stores.ts';
import type { App } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { actOnException } from '../../src/alerts/lifecycle/act-on-exception.ts';
import { ALERT_JOBS, receiveExceptionClick, type AlertEphemeralJob, type AlertPostJob, type AlertUpdateJob, type AlertWriteBackJob, type AskBuyerJob, type BurstDigestJob, type DigestPostJob } from '../../src/alerts/lifecycle/alert-jobs.ts';
import type { AlertsSettings } from '../../src/alerts/lifecycle/alerts-settings.ts';
import type { ExceptionChat } from '../../src/alerts/lifecycle/exception-chat.ts';
import type { ExceptionClick } from '../../src/alerts/lifecycle/exception-click.ts';
import type { AlertObserver } from '../../src/alerts/lifecycle/exception-store.ts';
import { NO_OBSERVER } from '../../src/alerts/lifecycle/exception-store.ts';
import { handleAlertEphemeral, handleAlertPost, handleAlertUpdate, handleAskBuyer, handleBurstDigest, handleDigestPost, type AlertNotifyDeps } from '../../src/alerts/lifecycle/handle-alert-notify.ts';
import { scheduleDigests, tickExceptions, type TickDeps } from '../../src/alerts/lifecycle/tick-exceptions.ts';
import { writeBackException } from '../../src/alerts/lifecycle/write-back-exception.ts';
import { alertListeners, runScan, type ScanDeps, type ScanSource } from '../../src/alerts/sources/run-scan.ts';
import type { ProcurementException } from '../../src/alerts/exception.ts';
import type { Config } from '../../src/config/parse-config.ts';
import { BusinessRefusal } from '../../src/errors/coded-error.ts';
import type { ChangeListener } from '../../src/intake/take-in-odoo-change.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { Teams } from '../teams/create-teams.ts';
import { crossPlatformAlertChat, type AlertChats } from '../teams/cross-platform-alert-chat.ts';
import { exceptionCardActions } from '../teams/invoke/exception-card-actions.ts';
import { TeamsAlertChat } from '../teams/teams-alert-chat.ts';
import type { TeamsRoutes } from '../teams/teams-routes.ts';
import { pacedAlertChat, type PaceOptions } from '../alerts/paced-alert-chat.ts';
import { registerAlertMetrics } from '../alerts/alert-metrics.ts';
import { RedisBurstGate } from '../alerts/redis-burst-gate.ts';
import { RedisExceptionStore } from '../alerts/redis-exception-store.ts';
import { RedisFirstPromiseStore } from '../alerts/redis-first-promise-store.ts';
import { BullJobQueue, type BullQueues } from '../queue/bullmq-queues.ts';
import * as exceptionClicked from '../slack/listeners/actions/exception-clicked.ts';
import * as exceptionOpenInOdoo from '../slack/listeners/actions/exception-open-in-odoo-clicked.ts';
import { SlackAlertChat } from '../slack/slack-alert-chat.ts';
import { RedisCursorStore } from '../store/redis-cursor-store.ts';
import { TEAMS_VERBS } from '../teams/cards/verbs.ts';
import type { OdooConnection } from './connect-odoo.ts';

const TEAMS_EXCEPTION_PREFIX = TEAMS_VERBS.exceptionPrefix;

export interface AlertsFeature {
  handlers: JobHandlers;
  /** Webhook listeners for stock.picking, purchase.order and account.move (merge with the approvals'). */
  listeners: Record<string, ChangeListener[]>;
  /** Registers the exception buttons on the Bolt app that mountSlack returned. */
  registerSlack(bolt: App): void;
  /** Registers the `exception.*` card verbs on Teams' routes (before Teams is mounted). */
  registerTeams(routes: TeamsRoutes): void;
  /** Registers the scan, tick and digest job schedulers (idempotent; every worker process may call it). */
  schedule(): Promise<void>;
  /** Registers the lifecycle metrics on the app's registry (createMetrics().registry). */
  registerMetrics(registry: Registry): void;
  /** Runs one scan now (tests, ops). */
  scan(source: ScanSource): ReturnType<typeof runScan>;
  /** Exceptions another feature detects (purchase requests waiting for a buyer), through the same lifecycle. */
  applyExceptions(run: DetectionRun): Promise<AppliedRun>;
  store: RedisExceptionStore;
}

export interface AlertsFeatureOptions {
  config: Config;
  settings: AlertsSettings;
  redis: Redis;
  queues: BullQueues;
  odoo: OdooConnection;
  logger: Logger;
  now: () => Date;
  /** The policy's identity overrides (chat user -> Odoo login). */
  identities?: { slack: ReadonlyMap<string, string>; teams?: ReadonlyMap<string, string> };
  /** Teams (createTeams), when on: channels routed as `teams:<name or id>` are posted there. */
  teams?: Teams | null;
  /** Replaces the Slack adapter (benches); still paced. */
  chat?: ExceptionChat;
  pace?: PaceOptions;
  /** Told of every exception that opened or changed materially (triage: bill-mismatch category). */
  onMaterialChange?: (e: ProcurementException) => Promise<unknown>;
  /** Outbound events (policy `events:`): wraps the exception store. */
  emit?: EmitDeps;
}

/**
 * Exception alerts, wired: the Redis stores, the paced chat adapter, the handlers of every alert
 * job (scan, notify, writeback) and the Slack listeners. The use cases are in src/alerts.
 */
export function createAlertsFeature(options: AlertsFeatureOptions): AlertsFeature {
  const { config, settings, redis, queues, odoo, logger, now } = options;
  const prefix = config.redis.keyPrefix;
  const queue = new BullJobQueue(queues);
  // Each stored transition also publishes its event (exception.opened / acknowledged / cleared).
  const store = options.emit ? emittingExceptionStore(new RedisExceptionStore(redis, prefix), options.emit) : new RedisExceptionStore(redis, prefix);
  const burst = new RedisBurstGate(redis, prefix);
  let observer: AlertObserver = NO_OBSERVER;
  const observing: AlertObserver = {
    transition: (type, t) => observer.transition(type, t),
    acknowledged: (type, s) => observer.acknowledged(type, s),
    resolved: (type, s) => observer.resolved(type, s),
  };

  const rawChat = options.chat ?? (config.slack.botToken ? new SlackAlertChat({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, logger }) : null);
  const teams = options.teams ?? null;
  const chats: AlertChats = {
    ...(rawChat ? { slack: pacedAlertChat(rawChat, redis, prefix, options.pace) } : {}),
    // Paced on its own keys: a Teams channel and a Slack channel never share a send slot.
    ...(teams ? { teams: pacedAlertChat(new TeamsAlertChat(teams), redis, `${prefix}:teams`, options.pace) } : {}),
  };
  const chat = Object.keys(chats).length ? crossPlatformAlertChat(chats) : null;
  const chatOrRefuse = (): ExceptionChat => {
    if (!chat) throw new BusinessRefusal('platform_not_configured', 'no chat platform is configured; the exception was not delivered');
    return chat;
  };
  const lifecycle = { store, queue, burst, settings, observer: observing, now, ...(options.onMaterialChange ? { onMaterialChange: options.onMaterialChange } : {}) };
  const scanDeps: ScanDeps = { ...lifecycle, odoo: odoo.gateway, thresholds: settings.thresholds, firstPromises: new RedisFirstPromiseStore(redis, prefix), cursors: new RedisCursorStore(redis, prefix) };
  const tickDeps: TickDeps = { ...lifecycle, calendar: settings.thresholds.calendar };
  const notifyDeps = (): AlertNotifyDeps => ({ store, queue, burst, chat: chatOrRefuse(), odoo: odoo.gateway, odooUrl: odoo.url, now });
  const loginOverride = (actor: ChatUserRef) => (actor.platform === 'slack' ? options.identities?.slack.get(actor.userId) ?? null : actor.platform === 'teams' ? options.identities?.teams?.get(actor.userId) ?? null : null);
  const timeZone = settings.thresholds.calendar.timeZone;
  const scan = async (source: ScanSource) => {
    const outcome = await runScan(source, scanDeps);
    logger.info(outcome, 'alerts scan');
    return outcome;
  };

  return {
    store,
    scan,
    applyExceptions: (run) => applyDetections(run, lifecycle),
    handlers: {
      scan: {
        [ALERT_JOBS.scanReceipts]: () => scan('receipts'),
        [ALERT_JOBS.scanOrders]: () => scan('orders'),
        [ALERT_JOBS.scanBills]: () => scan('bills'),
        [ALERT_JOBS.tick]: () => tickExceptions(tickDeps),
        [ALERT_JOBS.digest]: () => scheduleDigests(lifecycle),
      },
      notify: {
        [ALERT_JOBS.post]: (data) => handleAlertPost(data as AlertPostJob, notifyDeps()),
        [ALERT_JOBS.update]: (data) => handleAlertUpdate(data as AlertUpdateJob, notifyDeps()),
        [ALERT_JOBS.burstDigest]: (data) => handleBurstDigest(data as BurstDigestJob, notifyDeps()),
        [ALERT_JOBS.digestPost]: (data) => handleDigestPost(data as DigestPostJob, notifyDeps()),
        [ALERT_JOBS.askBuyer]: (data) => handleAskBuyer(data as AskBuyerJob, notifyDeps()),
        [ALERT_JOBS.ephemeral]: (data) => handleAlertEphemeral(data as AlertEphemeralJob, notifyDeps()),
      },
      writeback: {
        [ALERT_JOBS.click]: (data) => actOnException(data as ExceptionClick, { store, queue, odoo: odoo.gateway, chat: chatOrRefuse(), lifecycle: settings.lifecycle, timeZone, loginOverride, observer: observing, now }),
        [ALERT_JOBS.writeBack]: (data) => writeBackException(data as AlertWriteBackJob, { store, odoo: odoo.gateway, timeZone }),
      },
    },
    listeners: alertListeners(scanDeps),
    registerSlack(bolt) {
      exceptionClicked.register(bolt, { onExceptionClick: (click) => receiveExceptionClick(click, queue), logger, now });
      exceptionOpenInOdoo.register(bolt);
    },
    registerTeams(routes) {
      routes.onCardAction(TEAMS_EXCEPTION_PREFIX, exceptionCardActions({ onExceptionClick: (click) => receiveExceptionClick(click, queue), store, odooUrl: odoo.url, logger, now }));
    },
    async schedule() {
      const every = settings.lifecycle.scanEverySeconds * 1000;
      await queues.scan.upsertJobScheduler(ALERT_JOBS.scanReceipts, { every }, { name: ALERT_JOBS.scanReceipts });
      await queues.scan.upsertJobScheduler(ALERT_JOBS.scanOrders, { every }, { name: ALERT_JOBS.scanOrders });
      await queues.scan.upsertJobScheduler(ALERT_JOBS.scanBills, { every }, { name: ALERT_JOBS.scanBills });
      // Snooze ends and escalations are due to the minute; the tick reads open exceptions only.
      await queues.scan.upsertJobScheduler(ALERT_JOBS.tick, { every: 60_000 }, { name: ALERT_JOBS.tick });
      if (settings.lifecycle.digestEveryMinutes > 0) {
        await queues.scan.upsertJobScheduler(ALERT_JOBS.digest, { every: settings.lifecycle.digestEveryMinutes * 60_000 }, { name: ALERT_JOBS.digest });
      }
    },
    registerMetrics(registry) {
      observer = registerAlertMetrics(registry, store, now);
    },
  };
}
