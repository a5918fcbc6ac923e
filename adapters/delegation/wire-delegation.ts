import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import type { Config } from '../../src/config/parse-config.ts';
import type { Delegation } from '../../src/delegation/delegation.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import type { ChatProfile } from '../../src/ports/chat.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { SlackApprovalChat } from '../slack/slack-approval-chat.ts';
import { createDelegationFeature, type DelegationFeature } from './create-delegation-feature.ts';

export interface WireDelegationOptions {
  config: Pick<Config, 'slack' | 'redis' | 'policyFile'>;
  policy: Policy;
  policyDelegations: readonly Delegation[];
  redis: Redis;
  odoo: OdooGateway;
  logger: Logger;
  now?: () => Date;
  /** Teams, when on: a Teams issuer's profile (email / UPN) maps them to Odoo like a Slack one's. */
  teamsProfile?: (user: ChatUserRef) => Promise<ChatProfile | null>;
}

/**
 * The delegation feature as the bot runs it: Slack profiles through users.info (the email that
 * maps a mentioned person to Odoo, like a clicker's), the policy's identities, Redis, Odoo.
 * Teams mentions arrive with their account already known (KnownMention), so they need no lookup here.
 */
export function wireDelegation(options: WireDelegationOptions): DelegationFeature {
  const { config, logger } = options;
  // A short timeout and no retries: the person is waiting for the command's answer.
  const slack = config.slack.botToken ? new SlackApprovalChat({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, logger, retries: 0, timeoutMs: 2_500, now: options.now }) : null;
  const teamsProfile = options.teamsProfile;
  const profile = async (u: ChatUserRef): Promise<ChatProfile | null> => (u.platform === 'slack' && slack ? slack.profile(u) : u.platform === 'teams' && teamsProfile ? teamsProfile(u) : null);
  return createDelegationFeature({
    redis: options.redis, keyPrefix: config.redis.keyPrefix, policy: options.policy, policyDelegations: options.policyDelegations,
    policySource: config.policyFile ?? 'policy.example.yaml', odoo: options.odoo, rules: policyRules(options.policy, []), profile, logger, now: options.now,
  });
}
