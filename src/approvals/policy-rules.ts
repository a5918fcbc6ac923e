import type { ChatPlatform } from '../ports/chat.ts';
import type { ApprovalSubject } from '../policy/approval-subject.ts';
import { approversFor, type CardDelivery } from '../policy/approvers-for.ts';
import { authorizeDecision, authorizeOnBehalf } from '../policy/authorize-decision.ts';
import { calendarOf } from '../policy/calendar-of.ts';
import { matchRule } from '../policy/match-rule.ts';
import type { Policy } from '../policy/policy-types.ts';
import { reminderSchedule } from '../policy/reminder-schedule.ts';
import { resolveChatIdentity } from '../policy/resolve-chat-identity.ts';
import { sequentialLevels } from '../policy/sequential-levels.ts';
import { businessMinutesBetween } from '../time/index.ts';
import type { ApprovalRules, ApprovalTarget, Authorization } from './approval-rules.ts';

/** The approval rules of a parsed policy file, for the platforms the bot is connected to. */
export function policyRules(policy: Policy, platforms: readonly ChatPlatform[]): ApprovalRules {
  // Direct messages go to the policy's dm_platforms among those connected; if none of them is
  // connected, to every connected platform, so no approver is left without a card.
  const preferred = policy.dmPlatforms ? platforms.filter((p) => policy.dmPlatforms!.includes(p)) : platforms;
  const dmPlatforms = preferred.length > 0 ? preferred : platforms;
  return {
    match(subject: ApprovalSubject) {
      const { rule, reason } = matchRule(policy, subject);
      const level = approversFor(policy, rule, 1);
      return {
        ruleName: rule.name,
        reason,
        targets: (level?.deliveries ?? []).flatMap((d) => targetsOf(d, platforms, dmPlatforms)),
        confirmAbove: rule.confirmAbove ?? null,
        rejectAction: rule.rejectAction,
        levels: sequentialLevels(policy, rule, subject),
      };
    },
    authorize(ruleName, subject, approver, action, level): Authorization {
      // A rule removed from the policy since the request: judge by the rule that matches now.
      const rule = policy.rules.find((r) => r.name === ruleName) ?? matchRule(policy, subject).rule;
      const verdict = authorizeDecision(policy, rule, subject, approver, action, rule.sequential ? level : undefined);
      return verdict.allowed ? { ok: true } : { ok: false, code: verdict.code, message: verdict.message };
    },
    authorizeOnBehalf(ruleName, subject, delegate, delegator, action, level): Authorization {
      const rule = policy.rules.find((r) => r.name === ruleName) ?? matchRule(policy, subject).rule;
      const verdict = authorizeOnBehalf(policy, rule, subject, delegate, delegator, action, rule.sequential ? level : undefined);
      return verdict.allowed ? { ok: true } : { ok: false, code: verdict.code, message: verdict.message };
    },
    levelsOf(ruleName, subject) {
      const rule = policy.rules.find((r) => r.name === ruleName);
      return rule ? sequentialLevels(policy, rule, subject) : null;
    },
    businessHours(ruleName, since, now) {
      const rule = policy.rules.find((r) => r.name === ruleName);
      return businessMinutesBetween(since, now, rule ? calendarOf(policy, rule) : policy.calendar) / 60;
    },
    approverLogins() {
      return [...new Set([...policy.approvers.values()].map((a) => a.odooLogin))];
    },
    loginOverride(platform, chatUserId) {
      const identity = resolveChatIdentity(policy, { platform, chatUserId, email: null });
      return identity.kind === 'login' ? identity.login : null;
    },
    age(since, now) {
      const rule = policy.rules[policy.rules.length - 1];
      const minutes = businessMinutesBetween(since, now, rule ? calendarOf(policy, rule) : policy.calendar);
      if (minutes < 60) return `${minutes} business minute${minutes === 1 ? '' : 's'}`;
      const hours = Math.floor(minutes / 60);
      return `${hours} business hour${hours === 1 ? '' : 's'}`;
    },
    schedule(ruleName, requestedAt) {
      const rule = policy.rules.find((r) => r.name === ruleName);
      return rule ? reminderSchedule(policy, rule, requestedAt) : [];
    },
    levelTargets(ruleName, level) {
      const rule = policy.rules.find((r) => r.name === ruleName);
      const approvers = rule ? approversFor(policy, rule, level) : null;
      return (approvers?.deliveries ?? []).flatMap((d) => targetsOf(d, platforms, dmPlatforms));
    },
  };
}

function targetsOf(d: CardDelivery, platforms: readonly ChatPlatform[], dmPlatforms: readonly ChatPlatform[]): ApprovalTarget[] {
  const out: ApprovalTarget[] = [];
  switch (d.kind) {
    case 'slack_channel':
      if (platforms.includes('slack')) out.push({ kind: 'channel', platform: 'slack', channel: d.channel.replace(/^#/, '') });
      break;
    case 'teams_channel':
      if (platforms.includes('teams')) out.push({ kind: 'channel', platform: 'teams', channel: d.target });
      break;
    case 'dm':
      // The login rides along on a known Slack id: delegation reroutes by Odoo login.
      if (dmPlatforms.includes('slack')) out.push(d.slackUserId ? { kind: 'user', platform: 'slack', userId: d.slackUserId, login: d.odooLogin } : { kind: 'odoo-user', platform: 'slack', login: d.odooLogin });
      if (dmPlatforms.includes('teams')) out.push({ kind: 'odoo-user', platform: 'teams', login: d.odooLogin });
      break;
    case 'dm_odoo_group':
      for (const platform of dmPlatforms) out.push({ kind: 'odoo-group', platform, xmlid: d.xmlid });
      break;
  }
  return out;
}
