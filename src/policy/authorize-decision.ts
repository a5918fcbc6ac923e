import { BusinessRefusal } from '../errors/coded-error.ts';
import { limitIn, widerLimit } from './amount-limit.ts';
import type { ApprovalSubject } from './approval-subject.ts';
import { approversFor } from './approvers-for.ts';
import { formatMoney } from './format-amount.ts';
import { levelLabel } from './sequential-levels.ts';
import type { Policy, PolicyRule } from './policy-types.ts';

/** The Odoo user behind a click, as the identity mapping found them. */
export interface DecidingUser {
  odooUserId: number;
  login: string;
  /** xmlids of the user's Odoo groups, e.g. `purchase.group_purchase_manager`. */
  groups: readonly string[];
  isPurchaseManager: boolean;
  /** `company_ids`: the companies the user works for. */
  companyIds: readonly number[];
}

export type DecisionAction = 'approve' | 'reject';

export type RefusalCode =
  | 'not_an_approver'
  /** Sequential rules: the user is on the chain, but not on the level the order waits on. */
  | 'not_at_this_level'
  | 'over_limit'
  | 'segregation_of_duties_buyer'
  | 'segregation_of_duties_creator'
  | 'wrong_company';

export type DecisionAuthority =
  | {
      allowed: true;
      /** The first level of the chain that lets this user decide. */
      level: number;
      /** `listed`, a group name, or the Odoo group xmlid that let them in. */
      via: string;
      /** The limit that applied (null: unlimited, or a rejection, which no limit restricts). */
      limit: number | null;
    }
  | { allowed: false; code: RefusalCode; message: string };

const MANAGER_GROUP = 'purchase.group_purchase_manager';

function inOdooGroup(user: DecidingUser, xmlid: string): boolean {
  return user.groups.includes(xmlid) || (xmlid === MANAGER_GROUP && user.isPurchaseManager);
}

interface Authority {
  level: number;
  via: string;
  limit: number | null;
}

/** The levels a decision may be made at: one level of a sequential rule, else the whole chain. */
function levelsOf(rule: PolicyRule, only: number | undefined): number[] {
  return only === undefined ? rule.levels.map((_, i) => i + 1) : [only];
}

/** Every way the rule's chain (or one of its levels) lets `user` decide, in level order. */
function authoritiesOf(policy: Policy, rule: PolicyRule, user: DecidingUser, currency: string | null, only?: number): Authority[] {
  const out: Authority[] = [];
  const login = user.login.toLowerCase();
  const own = [...policy.approvers.values()].find((a) => a.odooLogin.toLowerCase() === login);
  for (const level of levelsOf(rule, only)) {
    const at = approversFor(policy, rule, level)!;
    for (const p of at.people) {
      if (p.odooLogin.toLowerCase() !== login) continue;
      for (const g of p.grants) out.push({ level, via: g.via, limit: limitIn(g.limit, currency) });
    }
    for (const g of at.odooGroups) {
      // Someone the policy lists keeps their own limit when an Odoo group lets them in too.
      if (inOdooGroup(user, g.xmlid)) out.push({ level, via: g.xmlid, limit: limitIn(own?.limit ?? g.limit, currency) });
    }
  }
  return out;
}

/** Names of who could approve `amount` (all of the chain, or one level; -Infinity: everyone asked), for refusal messages. */
export function whoCanApprove(policy: Policy, rule: PolicyRule, amount: number, currency: string | null, only?: number): string[] {
  const names = new Set<string>();
  for (const level of levelsOf(rule, only)) {
    const at = approversFor(policy, rule, level)!;
    for (const p of at.people) {
      const limit = p.grants.map((g) => limitIn(g.limit, currency)).reduce(widerLimit);
      if (limit === null || amount <= limit) names.add(p.name);
    }
    for (const g of at.odooGroups) {
      const limit = limitIn(g.limit, currency);
      if (limit === null || amount <= limit) names.add(`members of ${g.xmlid}`);
    }
  }
  return [...names];
}

function refuse(code: RefusalCode, message: string): DecisionAuthority {
  return { allowed: false, code, message };
}

/**
 * May `user` approve or reject this order under `rule`? Checks, in this order: segregation of
 * duties (buyer, then creator), company, being on the rule's chain, and, for approve only, the
 * limit. Anyone on any level of the chain may decide at any time: escalation widens who is asked,
 * it does not hold back the higher levels. Rejecting needs the same membership but no limit
 * (it commits no money); the buyer and creator may not reject through the card either, since a
 * rejection is recorded as an approver's decision (they can still cancel their own PO in Odoo).
 * An approve is allowed when amount_total <= limit.
 *
 * `atLevel` (sequential rules): only that level's approvers may decide, within their own limit at
 * that level; someone on another level of the chain is told which level the order waits on.
 */
export function authorizeDecision(
  policy: Policy,
  rule: PolicyRule,
  subject: ApprovalSubject,
  user: DecidingUser,
  action: DecisionAction,
  atLevel?: number,
): DecisionAuthority {
  const po = subject.orderName;
  if (policy.segregationOfDuties && subject.buyerId === user.odooUserId) {
    return refuse('segregation_of_duties_buyer', `You are the buyer of ${po}, so you cannot ${action} it: segregation of duties needs someone else to decide.`);
  }
  if (policy.segregationOfDuties && subject.creatorId === user.odooUserId) {
    return refuse('segregation_of_duties_creator', `You created ${po}, so you cannot ${action} it: segregation of duties needs someone else to decide.`);
  }
  if (!user.companyIds.includes(subject.company.id)) {
    return refuse('wrong_company', `You are not a user of ${subject.company.name} in Odoo, so you cannot ${action} ${po}.`);
  }
  const authorities = authoritiesOf(policy, rule, user, subject.currency, atLevel);
  const first = authorities[0];
  if (!first) {
    const elsewhere = atLevel === undefined ? [] : [...new Set(authoritiesOf(policy, rule, user, subject.currency).map((a) => a.level))];
    if (atLevel !== undefined && elsewhere.length > 0) {
      const asked = whoCanApprove(policy, rule, -Infinity, null, atLevel).join(', ');
      return refuse(
        'not_at_this_level',
        `${po} waits on level ${atLevel} (${levelLabel(policy, rule, atLevel)}), which asks ${asked}. You decide at level ${elsewhere.join(' and ')} of rule "${rule.name}", in its turn.`,
      );
    }
    const asked = whoCanApprove(policy, rule, -Infinity, null).join(', ');
    return refuse('not_an_approver', `You are not an approver of ${po}: rule "${rule.name}" asks ${asked}.`);
  }
  if (action === 'reject') return { allowed: true, level: first.level, via: first.via, limit: null };
  const fit = authorities.find((a) => a.limit === null || subject.amount <= a.limit);
  if (fit) return { allowed: true, ...fit };
  const best = authorities.map((a) => a.limit).reduce(widerLimit) ?? 0;
  const others = whoCanApprove(policy, rule, subject.amount, subject.currency, atLevel);
  const hint = others.length > 0 ? ` ${others.join(', ')} can approve it.` : ' Nobody on this rule has a limit that high: ask an administrator to update the policy.';
  return refuse(
    'over_limit',
    `Your approval limit is ${formatMoney(best, subject.currency)}; ${po} is ${formatMoney(subject.amount, subject.currency)}.${hint}`,
  );
}

/** The absent approver a delegate acts for, as authorizeOnBehalf judges them. */
export interface AbsentApprover extends DecidingUser {
  name: string;
}

/**
 * May `delegate` decide this order for the absent `delegator` (at `atLevel` of a sequential rule)?
 * The delegator's authority is what is borrowed: they must be on the rule (or the level) and free
 * of segregation-of-duties conflicts themselves. Everything about the person who clicks stays
 * theirs: segregation of duties and company are checked on the delegate, and so is the limit.
 * The delegate's own `limit` under `approvers:` applies when the policy sets one; a delegate the
 * policy gives no limit of their own (not listed, or listed without one) is held to the
 * delegator's limit at that level, so acting for someone never widens what an unlisted person may
 * approve.
 */
export function authorizeOnBehalf(
  policy: Policy,
  rule: PolicyRule,
  subject: ApprovalSubject,
  delegate: DecidingUser,
  delegator: AbsentApprover,
  action: DecisionAction,
  atLevel?: number,
): DecisionAuthority {
  const po = subject.orderName;
  const them = delegator.name;
  if (policy.segregationOfDuties && subject.buyerId === delegate.odooUserId) {
    return refuse('segregation_of_duties_buyer', `You are the buyer of ${po}, so you cannot ${action} it, even on behalf of ${them}: segregation of duties needs someone else to decide.`);
  }
  if (policy.segregationOfDuties && subject.creatorId === delegate.odooUserId) {
    return refuse('segregation_of_duties_creator', `You created ${po}, so you cannot ${action} it, even on behalf of ${them}: segregation of duties needs someone else to decide.`);
  }
  if (!delegate.companyIds.includes(subject.company.id)) {
    return refuse('wrong_company', `You are not a user of ${subject.company.name} in Odoo, so you cannot ${action} ${po}, even on behalf of ${them}.`);
  }
  const theirs = authorizeDecision(policy, rule, subject, delegator, action, atLevel);
  if (!theirs.allowed && theirs.code !== 'over_limit') {
    const why = theirs.code.startsWith('segregation_of_duties')
      ? `${them} ${theirs.code === 'segregation_of_duties_buyer' ? 'is the buyer of' : 'created'} ${po}, so nobody can ${action} it on their behalf: segregation of duties needs someone else to decide.`
      : theirs.code === 'wrong_company'
        ? `${them} is not a user of ${subject.company.name} in Odoo, so you cannot ${action} ${po} on their behalf.`
        : `You act for ${them}, who ${atLevel === undefined ? `is not an approver of ${po} under rule "${rule.name}"` : `does not decide level ${atLevel} (${levelLabel(policy, rule, atLevel)}) of ${po}`}, so you cannot ${action} it on their behalf.`;
    return refuse(theirs.code, why);
  }
  const authorities = authoritiesOf(policy, rule, delegator, subject.currency, atLevel);
  const first = authorities[0]!;
  const via = `on behalf of ${delegator.login}`;
  if (action === 'reject') return { allowed: true, level: first.level, via, limit: null };
  const login = delegate.login.toLowerCase();
  const own = [...policy.approvers.values()].find((a) => a.odooLogin.toLowerCase() === login)?.limit ?? null;
  const others = () => {
    const names = whoCanApprove(policy, rule, subject.amount, subject.currency, atLevel);
    return names.length > 0 ? ` ${names.join(', ')} can approve it.` : ' Nobody on this rule has a limit that high: ask an administrator to update the policy.';
  };
  const amountText = `${po} is ${formatMoney(subject.amount, subject.currency)}`;
  if (own !== null) {
    const limit = limitIn(own, subject.currency);
    if (limit !== null && subject.amount > limit) {
      return refuse('over_limit', `Your own approval limit is ${formatMoney(limit, subject.currency)}; ${amountText}. Acting for ${them} does not raise your limit.${others()}`);
    }
    return { allowed: true, level: first.level, via, limit };
  }
  const fit = authorities.find((a) => a.limit === null || subject.amount <= a.limit);
  if (fit) return { allowed: true, level: fit.level, via, limit: fit.limit };
  const best = authorities.map((a) => a.limit).reduce(widerLimit) ?? 0;
  return refuse('over_limit', `You have no approval limit of your own in the policy, so ${them}'s applies: ${formatMoney(best, subject.currency)}; ${amountText}.${others()}`);
}

/** The refusal as an error the queue will not retry. */
export function refusalError(authority: Extract<DecisionAuthority, { allowed: false }>): BusinessRefusal {
  return new BusinessRefusal(authority.code, authority.message);
}
