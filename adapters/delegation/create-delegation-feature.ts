import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ApprovalRules } from '../../src/approvals/approval-rules.ts';
import { resolveApprover } from '../../src/approvals/resolve-approver.ts';
import { answerDelegateCommand } from '../../src/delegation/answer-delegate-command.ts';
import type { DelegationAnswer } from '../../src/delegation/delegation-answer.ts';
import type { DelegationDeps } from '../../src/delegation/delegation-deps.ts';
import type { Delegation, DelegationChange, ResolvedDelegate } from '../../src/delegation/delegation.ts';
import { effectiveDelegations } from '../../src/delegation/effective-delegations.ts';
import type { KnownMention } from '../../src/delegation/parse-delegate-command.ts';
import { resolveDelegate } from '../../src/delegation/resolve-delegate.ts';
import { isActiveAt } from '../../src/delegation/delegation-days.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import type { ChatProfile } from '../../src/ports/chat.ts';
import type { DelegationStore } from '../../src/ports/delegation-store.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { RedisDelegationStore } from '../store/redis-delegation-store.ts';

/** Called after a delegation is made, replaced or ended (the routing integration moves posted requests). */
export type DelegationChangeListener = (change: DelegationChange) => Promise<void>;

export interface DelegationFeatureDeps {
  redis: Redis;
  keyPrefix: string;
  policy: Policy;
  /** The policy file's `delegations:` (readDelegationsSection). */
  policyDelegations: readonly Delegation[];
  /** For "comes from the policy file" answers. */
  policySource?: string;
  odoo: OdooGateway;
  /** The policy's login overrides (policyRules(policy, platforms)). */
  rules: ApprovalRules;
  /** A chat user's profile (Slack users.info), for the email that maps them to Odoo. */
  profile(user: ChatUserRef): Promise<ChatProfile | null>;
  logger: Logger;
  now?: () => Date;
}

export interface DelegationFeature {
  store: DelegationStore;
  /** `/po delegate ...` from any platform; null when the text is not a delegation command. */
  answer(chat: ChatUserRef, text: string, mentions?: readonly KnownMention[]): Promise<DelegationAnswer | null>;
  /** Policy-file and chat delegations, in precedence order (chat first). */
  effective(): Promise<Delegation[]>;
  /** The ones in force at `at` (default now), in precedence order. */
  active(at?: Date): Promise<Delegation[]>;
  /** Who finally acts for `login` at `at` (default now), following chains; null: nobody else. */
  delegateOf(login: string, at?: Date): Promise<ResolvedDelegate | null>;
  /** Adds a listener for delegation changes; listener errors are logged, never shown to the issuer. */
  onChange(listener: DelegationChangeListener): void;
}

/**
 * Delegation wired to Redis, Odoo and the policy: the chat command's use cases (any platform) and
 * the reads routing needs. Chat and the file are combined on every read, so every web and worker
 * process sees a delegation the moment it is stored.
 */
export function createDelegationFeature(deps: DelegationFeatureDeps): DelegationFeature {
  const now = deps.now ?? (() => new Date());
  const store = new RedisDelegationStore(deps.redis, deps.keyPrefix);
  const listeners: DelegationChangeListener[] = [];
  const tz = deps.policy.calendar.timeZone;
  const useCaseDeps: DelegationDeps = {
    store, policy: deps.policy, policyDelegations: deps.policyDelegations, odoo: deps.odoo, now, policySource: deps.policySource,
    identify: (chat) => resolveApprover(chat, { odoo: deps.odoo, rules: deps.rules, profile: deps.profile }),
  };
  const effective = async () => effectiveDelegations(deps.policyDelegations, await store.list());
  return {
    store,
    effective,
    async active(at = now()) {
      return (await effective()).filter((d) => isActiveAt(d, at, tz));
    },
    async delegateOf(login, at = now()) {
      return resolveDelegate(login, await effective(), at, tz);
    },
    onChange(listener) {
      listeners.push(listener);
    },
    async answer(chat, text, mentions = []) {
      const answer = await answerDelegateCommand(chat, text, useCaseDeps, mentions);
      if (answer?.kind === 'done') {
        const d = answer.change.delegation;
        deps.logger.info({ change: answer.change.kind, from: d.from, to: d.to, startsOn: d.startsOn, until: d.until, by: chat }, 'delegation changed');
        for (const listener of listeners) {
          await listener(answer.change).catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err), from: d.from }, 'delegation change listener failed'));
        }
      }
      return answer;
    },
  };
}
