import type { OdooGateway } from '../ports/odoo-gateway.ts';
import { levelDecidedBy } from './approval-chain.ts';
import type { ApprovalRequest, DecisionAction, OnBehalfOf } from './approval-request.ts';
import type { Approver, ApprovalRules } from './approval-rules.ts';
import type { DelegationLookup } from './delegation-routing.ts';
import { toApprover } from './resolve-approver.ts';
import type { KnownOdooUsers } from '../ports/known-odoo-users.ts';
import { findOdooUsers } from './find-odoo-users.ts';

export type ClickerAuthority = { ok: true; onBehalfOf: OnBehalfOf | null } | { ok: false; code: string; message: string };

export interface AuthorizeClickerDeps {
  rules: Pick<ApprovalRules, 'authorize' | 'authorizeOnBehalf'>;
  odoo: Pick<OdooGateway, 'search'>;
  delegations?: DelegationLookup;
  now: () => Date;
  /** Delegators the bot read recently are not read again (see findOdooUsers). */
  known?: KnownOdooUsers;
}

/** The Odoo users whose approvals finally reach `login` now (absent approvers, following chains). */
async function absentFor(login: string, lookup: DelegationLookup, now: Date): Promise<string[]> {
  const froms = [...new Set((await lookup.active(now)).map((d) => d.from.toLowerCase()))];
  const out: string[] = [];
  for (const from of froms) {
    const resolved = await lookup.delegateOf(from, now);
    if (resolved && resolved.login.toLowerCase() === login.toLowerCase()) out.push(from);
  }
  return out;
}

async function odooUser(login: string, deps: Pick<AuthorizeClickerDeps, 'odoo' | 'known' | 'now'>): Promise<Approver | null> {
  const users = await findOdooUsers(login, 'login', { odoo: deps.odoo, ...(deps.known ? { known: deps.known } : {}), now: deps.now });
  const user = users.find((u) => u.active && !u.share);
  return user ? toApprover(user) : null;
}

/**
 * May the clicker decide the request now, and for whom? First as themselves (an approver away on
 * a delegation is not locked out); else as the delegate of an absent approver, with the
 * delegator's place on the rule (or the waiting level) and the clicker's own limit, segregation of
 * duties and company. In a sequential chain an absent approver who already decided a level lends
 * no authority for another (one person, one level, whoever clicks). The clicker's own refusal is
 * given when nobody they act for could decide either.
 */
export async function authorizeClicker(request: ApprovalRequest, clicker: Approver, action: DecisionAction, level: number | undefined, deps: AuthorizeClickerDeps): Promise<ClickerAuthority> {
  const own = deps.rules.authorize(request.ruleName, request.subject, clicker, action, level);
  if (own.ok) return { ok: true, onBehalfOf: null };
  // Segregation of duties and company are the clicker's own: no delegation lifts them.
  if (!deps.delegations || own.code.startsWith('segregation_of_duties') || own.code === 'wrong_company') return own;
  let refusal: ClickerAuthority | null = null;
  for (const login of await absentFor(clicker.login, deps.delegations, deps.now())) {
    const delegator = await odooUser(login, deps);
    if (!delegator) continue;
    const earlier = request.chain ? levelDecidedBy(request.chain, delegator.odooUserId) : null;
    if (earlier) {
      refusal ??= {
        ok: false,
        code: 'already_decided_a_level',
        message: `You act for ${delegator.name}, who already ${earlier.state} level ${earlier.level} (${earlier.label}) of ${request.snapshot.orderName}: each level of this approval must be decided by a different person.`,
      };
      continue;
    }
    const verdict = deps.rules.authorizeOnBehalf(request.ruleName, request.subject, clicker, delegator, action, level);
    if (verdict.ok) return { ok: true, onBehalfOf: { login: delegator.login, name: delegator.name, odooUserId: delegator.odooUserId } };
    refusal ??= verdict;
  }
  return refusal ?? own;
}
