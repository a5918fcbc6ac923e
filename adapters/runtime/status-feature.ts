import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import type { Config } from '../../src/config/parse-config.ts';
import type { ApprovalStore } from '../../src/ports/approval-store.ts';
import type { AuditLog } from '../../src/ports/audit-log.ts';
import type { ChatPlatform, ChatProfile } from '../../src/ports/chat.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import type { StatusInsights } from '../../src/status/status-insights.ts';
import {
  approversAskedFrom,
  askStatus,
  buildAppHome,
  offlineInterpreter,
  type AppHomeView,
  type AskDeps,
  type QuestionInterpreter,
  type StatusAnswer,
  type StatusQuery,
} from '../../src/status/index.ts';
import type { DelegationFeature } from '../delegation/create-delegation-feature.ts';
import * as commands from '../slack/listeners/commands/index.ts';
import { delegateCommand } from '../slack/listeners/commands/delegate-command.ts';
import type { StatusListenerDeps, StatusRequestHooks } from '../slack/listeners/commands/status-listener-deps.ts';
import * as events from '../slack/listeners/events/index.ts';
import { SlackApprovalChat } from '../slack/slack-approval-chat.ts';
import type { Teams } from '../teams/create-teams.ts';
import { statusMessages } from '../teams/messages/status-messages.ts';

export interface StatusFeatureDeps {
  config: Pick<Config, 'slack'>;
  policy: Policy;
  /** The Odoo gateway and its web address (links to the PO form). */
  odoo: { gateway: OdooGateway; url: string };
  store: ApprovalStore;
  audit: AuditLog;
  logger: Logger;
  now?: () => Date;
  /** Plain-words questions to queries. @defaultValue the offline parser (an LLM one plugs in here) */
  interpreter?: QuestionInterpreter;
  /** @defaultValue '/po' */
  command?: string;
  /** `/po delegate ...` (createDelegationFeature); without it, such texts are answered as questions. */
  delegation?: Pick<DelegationFeature, 'answer' | 'delegateOf' | 'active'>;
  /** Teams (createTeams), when on: its people's profiles (email / UPN, identities.teams applied). */
  teams?: Pick<Teams, 'chat' | 'members'> | null;
  /** The control tower: personal numbers on the home tab, the scorecard with `/po vendor Acme`. */
  insights?: StatusInsights;
  /** Purchase requests (createRequestsFeature().statusHooks): `/po request`, DM words, the Home tab's part, `/po mine`. */
  requests?: StatusRequestHooks;
}

export interface StatusFeature {
  /** Registers /po, the "More" button, app_mention, message.im and app_home_opened on Slack's Bolt app. */
  registerSlack(bolt: App): void;
  /** Registers the status questions (personal chat, @mentions) on Teams' routes (before Teams is mounted). */
  registerTeams(teams: Pick<Teams, 'routes' | 'members'>): void;
  /** The use cases, bound (the Teams adapter will call these). */
  ask(chat: ChatUserRef, question: string | StatusQuery): Promise<StatusAnswer>;
  home(chat: ChatUserRef): Promise<AppHomeView>;
  /** Status answers are read-only and answered in the web process: no job handlers (yet). */
  handlers: JobHandlers;
}

/**
 * "Ask the bot": PO status, next action owner and list queries, wired to Odoo, the approval
 * store and audit log, and the policy (approvers, business hours, identities). Answers are reads
 * only, so they run right after Slack's ack in the web process instead of through a queue.
 */
export function createStatusFeature(deps: StatusFeatureDeps): StatusFeature {
  const now = deps.now ?? (() => new Date());
  const teams = deps.teams ?? null;
  const platforms: ChatPlatform[] = [...(deps.config.slack.botToken ? (['slack'] as const) : []), ...(teams ? (['teams'] as const) : [])];
  const slack = deps.config.slack.botToken ? new SlackApprovalChat({ botToken: deps.config.slack.botToken, apiUrl: deps.config.slack.apiUrl, logger: deps.logger, retries: 0, timeoutMs: 2_500, now }) : null;
  const profile = async (u: ChatUserRef): Promise<ChatProfile | null> => (u.platform === 'slack' && slack ? slack.profile(u) : u.platform === 'teams' && teams ? teams.chat.profile(u) : null);
  const askDeps: AskDeps = {
    odoo: deps.odoo.gateway,
    store: deps.store,
    audit: deps.audit,
    rules: policyRules(deps.policy, platforms),
    approversAsked: approversAskedFrom(deps.policy),
    odooUrl: deps.odoo.url,
    timeZone: deps.policy.calendar.timeZone,
    now,
    interpreter: deps.interpreter ?? offlineInterpreter,
    profile,
    // "my approvals" lists what a person may decide as a delegate too.
    ...(deps.delegation ? { delegations: deps.delegation } : {}),
    ...(deps.insights ? { insights: deps.insights } : {}),
  };
  const feature: StatusFeature = {
    ask: (chat, question) => askStatus(chat, question, askDeps),
    home: (chat) => buildAppHome(chat, askDeps),
    handlers: {},
    registerSlack(bolt) {
      const listenerDeps: StatusListenerDeps = { ask: feature.ask, home: feature.home, logger: deps.logger, command: deps.command ?? '/po' };
      const delegation = deps.delegation;
      if (delegation) {
        listenerDeps.delegate = delegateCommand((chat, text) => delegation.answer(chat, text), deps.logger);
        listenerDeps.answerDelegation = (chat, text) => delegation.answer(chat, text);
      }
      if (deps.requests) listenerDeps.requests = deps.requests;
      commands.register(bolt, listenerDeps);
      events.register(bolt, listenerDeps);
    },
    registerTeams(on) {
      const delegation = deps.delegation;
      on.routes.onMessage(statusMessages({
        ask: feature.ask,
        home: feature.home,
        members: on.members,
        logger: deps.logger,
        ...(delegation ? { delegate: (chat: ChatUserRef, text: string, mentions: Parameters<DelegationFeature['answer']>[2]) => delegation.answer(chat, text, mentions) } : {}),
      }));
    },
  };
  return feature;
}
