import { emittingApprovalStore, type EmitDeps } from '../events/event-emitting-stores.ts';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import { registerApprovalMetrics } from '../approvals/approval-metrics.ts';
import type { ApprovalObserver } from '../../src/approvals/approval-observer.ts';
import { approversAskedFrom } from '../../src/status/approvers-asked.ts';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { APPROVAL_JOBS, type WriteBackJob } from '../../src/approvals/approval-jobs.ts';
import type { ApprovalClick } from '../../src/approvals/approval-click.ts';
import { decideApproval } from '../../src/approvals/decide-approval.ts';
import { handleDirect, handleEphemeral, handlePostCard, handlePostDetails, handleRetryOffer, handleUpdateCards, type NotifyDeps } from '../../src/approvals/handle-notify-jobs.ts';
import { NOTIFY_JOBS, type DirectJob, type EphemeralJob, type PostCardJob, type PostDetailsJob, type RetryOfferJob, type UpdateCardsJob } from '../../src/approvals/notify-jobs.ts';
import { RedisKnownOdooUsers } from '../store/redis-known-odoo-users.ts';
import { afterOdooWriteFault } from './test-fault-hooks.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import { receiveApprovalClick } from '../../src/approvals/receive-approval-click.ts';
import { onPurchaseOrderChanged, reconcileApprovals, type ReconcileDeps } from '../../src/approvals/reconcile-approvals.ts';
import { writeBackDecision } from '../../src/approvals/write-back-decision.ts';
import { remindAndEscalate } from '../../src/approvals/remind-and-escalate.ts';
import type { DelegationLookup } from '../../src/approvals/delegation-routing.ts';
import { enqueueFollowDelegation, FOLLOW_DELEGATION_JOB, followDelegationChange, type FollowDelegationJob } from '../../src/approvals/follow-delegations.ts';
import type { DelegationFeature } from '../delegation/create-delegation-feature.ts';
import type { Config } from '../../src/config/parse-config.ts';
import type { ChangeListener } from '../../src/intake/take-in-odoo-change.ts';
import type { ApprovalChat, ChatPlatform } from '../../src/ports/chat.ts';
import type { JobHandlers, JobQueue } from '../../src/ports/job-queue.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { BullJobQueue, type BullQueues } from '../queue/bullmq-queues.ts';
import { pacedChat } from '../queue/paced-chat.ts';
import { RedisCardsShown } from '../store/redis-cards-shown.ts';
import { mountSlack, type MountedSlack } from '../slack/mount-slack.ts';
import { SlackApprovalChat } from '../slack/slack-approval-chat.ts';
import { createTeams, type Teams } from '../teams/create-teams.ts';
import type { TeamsAuthOptions } from '../teams/create-cloud-adapter.ts';
import { approvalCardActions } from '../teams/invoke/approval-card-actions.ts';
import { approvalViewer } from '../teams/approval-viewer.ts';
import { cardContextOf, cardViewFor } from '../../src/approvals/card-view-of.ts';
import { RedisApprovalStore } from '../store/redis-approval-store.ts';
import { RedisAuditLog } from '../store/redis-audit-log.ts';
import { RedisCursorStore } from '../store/redis-cursor-store.ts';
import type { OdooConnection } from './connect-odoo.ts';

export const RECONCILE_APPROVALS_JOB = 'approvals-reconcile';
export const REMIND_APPROVALS_JOB = 'approvals-remind';

export interface ApprovalsFeature {
  handlers: JobHandlers;
  listeners: Record<string, ChangeListener[]>;
  /** Mounts the chat platforms' HTTP entry points (Slack's /slack/events); other features register on its Bolt app. */
  mount(app: Express): MountedSlack | null;
  /** Teams (null when off): mounts POST /api/messages with the approval verbs; other features register on its routes. */
  mountTeams(app: Express): Teams | null;
  /** Teams (null when off), before it is mounted: other features post with it and register their verbs on it. */
  teams: Teams | null;
  /** Registers the reconciliation job scheduler (idempotent; every worker process may call it). */
  schedule(): Promise<void>;
  /**
   * Out of office (call once, before work starts): absent approvers' new cards, reminders and
   * escalations go to their delegates, delegates may decide for them, and open requests move when
   * a delegation starts (or go back when it ends).
   */
  routeThrough(delegation: Pick<DelegationFeature, 'delegateOf' | 'active' | 'onChange'>): void;
  /** Approval aging (per level, per approver) on the app's registry (createMetrics().registry). */
  registerMetrics(registry: Registry): void;
  store: RedisApprovalStore;
  audit: RedisAuditLog;
}

/**
 * Approvals, wired: the policy, the Redis stores, the chat adapters of the configured platforms,
 * and the handlers of every approval job. Slack and Teams (later) only add adapters here; the
 * use cases are the same.
 */
export function createApprovalsFeature(options: {
  config: Config; policy: Policy; redis: Redis; queues: BullQueues; odoo: OdooConnection; logger: Logger; now: () => Date; teamsAuth?: TeamsAuthOptions;
  /** Where clicks arriving over HTTP are queued (the web process's fail-fast intake connection); else the feature's queues. */
  intake?: JobQueue;
  emit?: EmitDeps;
}): ApprovalsFeature {
  const { config, redis, queues, odoo, logger, now } = options;
  const prefix = config.redis.keyPrefix;
  const queue = new BullJobQueue(queues);
  const intake = options.intake ?? queue;
  // Each stored transition also publishes its event (approval.requested / decided / written).
  const store = options.emit ? emittingApprovalStore(new RedisApprovalStore(redis, prefix), options.emit) : new RedisApprovalStore(redis, prefix);
  const audit = new RedisAuditLog(redis, prefix, config.auditRetentionDays, now);
  const cursors = new RedisCursorStore(redis, prefix);
  const shown = new RedisCardsShown(redis, prefix);
  // Who clicked is known from an earlier reading of Odoo: a click is recorded while Odoo is down.
  const known = new RedisKnownOdooUsers(redis, prefix);
  const afterOdooWrite = afterOdooWriteFault(); // test-only, undefined unless its env var is set

  const slack = config.slack.botToken ? new SlackApprovalChat({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, logger }) : null;
  const teams = createTeams({ config, policy: options.policy, redis, logger, now, auth: options.teamsAuth, notify: queues.notify });
  const platforms: ChatPlatform[] = [...(slack ? (['slack'] as const) : []), ...(teams?.routesApprovals ? (['teams'] as const) : [])];
  const rules = policyRules(options.policy, platforms);
  const chats: Partial<Record<ChatPlatform, ApprovalChat>> = { ...(slack ? { slack: pacedChat(slack, redis, prefix) } : {}), ...(teams ? { teams: pacedChat(teams.chat, redis, prefix) } : {}) };

  // Bound by routeThrough once delegation is wired (it needs this feature's Teams first).
  let delegations: DelegationLookup | undefined;
  const plain = { odoo: odoo.gateway, store, audit, queue, rules, now, known };
  const base = () => ({ ...plain, ...(delegations ? { delegations } : {}) });
  let observer: ApprovalObserver | undefined;
  const reconcileDeps = (): ReconcileDeps => ({ ...base(), cursors });
  const notifyDeps = (): NotifyDeps => ({
    store, queue, rules, odoo: odoo.gateway, odooUrl: odoo.url, now, shown, ...(delegations ? { delegations } : {}),
    chat: (p) => chats[p] ?? null,
    directory: { findByEmail: async (p, email) => (p === 'slack' && slack ? slack.findByEmail(email) : p === 'teams' && teams ? teams.chat.findByEmail(email) : null) },
  });
  const profile = async (u: ApprovalClick['actor']) => (u.platform === 'slack' && slack ? slack.profile(u) : u.platform === 'teams' && teams ? teams.chat.profile(u) : null);

  return {
    store,
    audit,
    teams,
    handlers: {
      writeback: {
        [APPROVAL_JOBS.decide]: (data) => decideApproval(data as ApprovalClick, { ...base(), profile, outage: config.writebackOdooOutage, ...(observer ? { observer } : {}) }),
        [APPROVAL_JOBS.writeBack]: (data, ctx) => writeBackDecision(data as WriteBackJob, ctx, { ...plain, outage: config.writebackOdooOutage, ...(afterOdooWrite ? { afterOdooWrite } : {}) }),
      },
      notify: {
        [NOTIFY_JOBS.postCard]: (data) => handlePostCard(data as PostCardJob, notifyDeps()),
        [NOTIFY_JOBS.updateCards]: (data) => handleUpdateCards(data as UpdateCardsJob, notifyDeps()),
        [NOTIFY_JOBS.postDetails]: (data) => handlePostDetails(data as PostDetailsJob, notifyDeps()),
        [NOTIFY_JOBS.ephemeral]: (data) => handleEphemeral(data as EphemeralJob, notifyDeps()),
        [NOTIFY_JOBS.direct]: (data) => handleDirect(data as DirectJob, notifyDeps()),
        [NOTIFY_JOBS.retryOffer]: (data) => handleRetryOffer(data as RetryOfferJob, notifyDeps()),
      },
      scan: {
        [RECONCILE_APPROVALS_JOB]: () => reconcileApprovals(reconcileDeps()),
        [REMIND_APPROVALS_JOB]: () => remindAndEscalate(base()),
        // Queued only once routeThrough bound delegation; a job left from another setup does nothing.
        [FOLLOW_DELEGATION_JOB]: async (data) => (delegations ? followDelegationChange(data as FollowDelegationJob, { ...plain, delegations }) : 'delegation not wired'),
      },
    },
    listeners: {
      'purchase.order': [async (change) => void (await onPurchaseOrderChanged(change, reconcileDeps()))],
    },
    routeThrough(delegation) {
      delegations = delegation;
      // A delegation made or ended in chat moves open requests, in a worker (the person waits for the answer).
      delegation.onChange((change) => enqueueFollowDelegation(queue, change));
    },
    mount(app) {
      if (config.slack.botToken && config.slack.signingSecret) {
        return mountSlack(app, {
          signingSecret: config.slack.signingSecret,
          botToken: config.slack.botToken,
          apiUrl: config.slack.apiUrl,
          logger,
          now,
          onApprovalClick: (click) => receiveApprovalClick(click, intake),
        });
      }
      return null;
    },
    mountTeams(app) {
      if (!teams) return null;
      teams.routes.onCardAction('approval.', approvalCardActions({
        onApprovalClick: (click) => receiveApprovalClick(click, intake),
        store,
        cardView: (r, card) => cardViewFor(r, cardContextOf(r, { odooUrl: odoo.url, rules, now }), card),
        viewer: (r, actor) => approvalViewer(r, actor, { odoo: odoo.gateway, rules, profile, now, ...(delegations ? { delegations } : {}) }),
        logger,
        now,
      }));
      teams.mount(app);
      return teams;
    },
    registerMetrics(registry) {
      observer = registerApprovalMetrics(registry, { store, rules, approversAsked: approversAskedFrom(options.policy), now });
    },
    async schedule() {
      await queues.scan.upsertJobScheduler(RECONCILE_APPROVALS_JOB, { every: config.reconcileIntervalSeconds * 1000 }, { name: RECONCILE_APPROVALS_JOB });
      // Reminders are due to the minute in business hours; checking every minute is cheap (open requests only).
      await queues.scan.upsertJobScheduler(REMIND_APPROVALS_JOB, { every: 60_000 }, { name: REMIND_APPROVALS_JOB });
    },
  };
}
