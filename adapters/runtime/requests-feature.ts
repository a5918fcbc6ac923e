import type { App } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import type { Config } from '../../src/config/parse-config.ts';
import type { ChangeListener } from '../../src/intake/take-in-odoo-change.ts';
import type { ChatPlatform, ChatProfile } from '../../src/ports/chat.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { receiveRequestDecision, writeRequestDecision, type RequestDecision } from '../../src/requests/decide-request.ts';
import { requestOrderListener } from '../../src/requests/follow-request-orders.ts';
import { myRequests } from '../../src/requests/my-requests.ts';
import { openRequestForm } from '../../src/requests/open-request-form.ts';
import { looksLikeRequest } from '../../src/requests/parse-request-words.ts';
import { postRequestCard, tellRequester, updateRequestCards, type RequestCardJob, type RequestTellJob } from '../../src/requests/post-request-card.ts';
import { raiseOverdueRequests, type ExceptionSink } from '../../src/requests/raise-overdue-requests.ts';
import { REQUEST_JOBS, type RequestChat, type RequestDeps, type RequestNotifyDeps } from '../../src/requests/request-deps.ts';
import { searchProducts, searchVendors } from '../../src/requests/request-odoo.ts';
import type { RequestsSettings } from '../../src/requests/requests-section.ts';
import { submitRequest, type RequestWriteJob } from '../../src/requests/submit-request.ts';
import { writeRequestJob } from '../../src/requests/write-request.ts';
import { identifyViewer } from '../../src/status/viewer.ts';
import { BullJobQueue, type BullQueues } from '../queue/bullmq-queues.ts';
import { RedisRequestStore } from '../requests/redis-request-store.ts';
import * as requestListeners from '../slack/listeners/requests/request-listeners.ts';
import type { StatusRequestHooks } from '../slack/listeners/commands/status-listener-deps.ts';
import { SlackApprovalChat } from '../slack/slack-approval-chat.ts';
import { SlackRequestChat } from '../slack/slack-request-chat.ts';
import { RedisAuditLog } from '../store/redis-audit-log.ts';
import type { Teams } from '../teams/create-teams.ts';
import { REQUEST_VERBS } from '../teams/requests/request-cards.ts';
import { requestCardActions, requestMessages, requestSearch, type RequestTeamsDeps } from '../teams/requests/request-teams-handlers.ts';
import { TeamsRequestChat } from '../teams/requests/teams-request-chat.ts';
import type { TeamsRoutes } from '../teams/teams-routes.ts';

export interface RequestsFeature {
  /** Merge into the workers' handlers (writeback, notify, scan). */
  handlers: JobHandlers;
  /** purchase.order and stock.picking changes move requests along (merge with the other features'). */
  listeners: Record<string, ChangeListener[]>;
  /** The status listeners' part: `/po request`, DM words, the Home tab, `/po mine`. */
  statusHooks: StatusRequestHooks | undefined;
  /** The form's listeners (options, submission, the buyer card's buttons) on the Bolt app. */
  registerSlack(bolt: App): void;
  /** `po request` / plain words, the `request.*` verbs and the typeahead searches on Teams' routes (before status's messages). */
  registerTeams(routes: TeamsRoutes): void;
  /** The overdue tick (idempotent; every worker process may call it). */
  schedule(): Promise<void>;
  store: RedisRequestStore;
  deps: RequestNotifyDeps;
}

/**
 * Purchase requests from chat, wired: the policy's `requests:` section, the Redis store, the Odoo
 * gateway, the write-back and notify handlers and the Slack adapter. The use cases (src/requests)
 * know no chat platform; Teams plugs in through the same RequestChat and deps.
 */
export function createRequestsFeature(options: {
  config: Config; policy: Policy; settings: RequestsSettings; redis: Redis; queues: BullQueues;
  odoo: { gateway: OdooGateway; url: string }; logger: Logger; now: () => Date;
  /** Teams (createTeams), when on: requests filed there, and buyers' cards there. */
  teams?: Teams | null;
  /** The alerts lifecycle (alerts feature's applyExceptions): overdue requests become exceptions like the others. */
  exceptions?: ExceptionSink;
}): RequestsFeature {
  const { config, policy, settings, redis, queues, odoo, logger, now } = options;
  const teams = options.teams ?? null;
  const teamsChat: RequestChat | null = teams ? new TeamsRequestChat(teams) : null;
  const prefix = config.redis.keyPrefix;
  const store = new RedisRequestStore(redis, prefix);
  const queue = new BullJobQueue(queues);
  const audit = new RedisAuditLog(redis, prefix, config.auditRetentionDays, now);
  const approvalChat = config.slack.botToken ? new SlackApprovalChat({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, logger, retries: 0, timeoutMs: 2_500, now }) : null;
  const slack: RequestChat | null = config.slack.botToken ? new SlackRequestChat({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, logger }) : null;
  const platforms: ChatPlatform[] = [...(slack ? (['slack'] as const) : []), ...(teams ? (['teams'] as const) : [])];
  const rules = policyRules(policy, platforms);
  const profile = async (u: ChatUserRef): Promise<ChatProfile | null> =>
    u.platform === 'teams' ? (teams ? teams.chat.profile(u) : null) : approvalChat ? approvalChat.profile({ ...u, platform: 'slack' }) : null;
  const deps: RequestNotifyDeps = {
    odoo: odoo.gateway, store, queue, audit, settings, calendar: policy.calendar, odooUrl: odoo.url, now,
    identify: (chat) => identifyViewer(chat, { odoo: odoo.gateway, rules, profile }),
    chat: (p) => (p === 'slack' ? slack : teamsChat),
    directory: { findByEmail: async (p, email) => (p === 'slack' && approvalChat ? approvalChat.findByEmail(email) : p === 'teams' && teams ? teams.chat.findByEmail(email) : null) },
  };
  const base: RequestDeps = deps;
  const slackDeps: requestListeners.RequestSlackDeps = {
    openForm: (chat, words) => openRequestForm(chat, words, base),
    products: (text) => searchProducts(odoo.gateway, text),
    vendors: (text) => searchVendors(odoo.gateway, text),
    submit: (s) => submitRequest(s, base),
    decide: (d: RequestDecision) => receiveRequestDecision(d, base),
    mine: (chat) => myRequests(chat, base),
    logger,
  };
  const listener = requestOrderListener(base);
  return {
    store,
    deps,
    handlers: {
      writeback: {
        [REQUEST_JOBS.write]: (data, ctx) => writeRequestJob(data as RequestWriteJob, ctx, base),
        [REQUEST_JOBS.decide]: (data) => writeRequestDecision(data as RequestDecision & { byName: string }, base),
      },
      notify: {
        [REQUEST_JOBS.postCard]: (data) => postRequestCard(data as RequestCardJob, deps),
        [REQUEST_JOBS.updateCards]: (data) => updateRequestCards(data as RequestCardJob, deps),
        [REQUEST_JOBS.tell]: (data) => tellRequester(data as RequestTellJob, deps),
      },
      scan: {
        [REQUEST_JOBS.overdue]: async () => ({ raised: await raiseOverdueRequests(base, options.exceptions) }),
      },
    },
    listeners: { 'purchase.order': [listener], 'stock.picking': [listener] },
    statusHooks: slack
      ? {
          command: requestListeners.requestCommand(slackDeps),
          answerWords: (text) => (looksLikeRequest(text) ? requestListeners.requestWordsAnswer(text) : null),
          homeBlocks: (chat) => requestListeners.requestHomeBlocks(chat, slackDeps),
          mineText: async (chat) => {
            const mine = await myRequests(chat, base);
            return mine.ok && mine.lines.length ? `*Your purchase requests*\n${mine.lines.map(requestListeners.lineText).join('\n')}` : null;
          },
        }
      : undefined,
    registerSlack: (bolt) => requestListeners.register(bolt, slackDeps),
    registerTeams(routes) {
      if (!teams) return;
      const teamsDeps: RequestTeamsDeps = { ...slackDeps, members: teams.members };
      routes.onMessage(requestMessages(teamsDeps));
      routes.onCardAction(REQUEST_VERBS.prefix, requestCardActions(teamsDeps));
      routes.onSearch(requestSearch(teamsDeps));
    },
    async schedule() {
      await queues.scan.upsertJobScheduler(REQUEST_JOBS.overdue, { every: 60_000 }, { name: REQUEST_JOBS.overdue });
    },
  };
}
