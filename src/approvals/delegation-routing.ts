import type { Delegation, ResolvedDelegate } from '../delegation/delegation.ts';
import type { DelegatedApprover } from './approval-request.ts';
import type { ApprovalTarget } from './approval-rules.ts';

/**
 * What approvals read of delegation (adapters/delegation's feature implements it): who finally
 * acts for an approver now, and which delegations are in force. Every process reads Redis and the
 * policy file each time, so a delegation counts the moment it is stored.
 */
export interface DelegationLookup {
  /** Who finally acts for `login` at `at` (default now), following chains; null: nobody else. */
  delegateOf(login: string, at?: Date): Promise<ResolvedDelegate | null>;
  /** The delegations in force at `at` (default now). */
  active(at?: Date): Promise<Delegation[]>;
}

/**
 * The same lookup, remembering each answer: one pass over many requests (the reminder tick)
 * reads the delegations once per approver instead of once per request.
 */
export function memoizedLookup(lookup: DelegationLookup): DelegationLookup {
  const delegates = new Map<string, Promise<ResolvedDelegate | null>>();
  const actives = new Map<number, Promise<Delegation[]>>();
  return {
    delegateOf(login, at) {
      const key = `${login.toLowerCase()}@${at?.getTime() ?? ''}`;
      if (!delegates.has(key)) delegates.set(key, lookup.delegateOf(login, at));
      return delegates.get(key)!;
    },
    active(at) {
      const key = at?.getTime() ?? -1;
      if (!actives.has(key)) actives.set(key, lookup.active(at));
      return actives.get(key)!;
    },
  };
}

/** The Odoo login behind a person target (a policy approver's DM, an Odoo user); null for channels and groups. */
export function personLogin(t: ApprovalTarget): string | null {
  if (t.kind === 'odoo-user') return t.login;
  if (t.kind === 'user') return t.login ?? null;
  return null;
}

/** A card for `resolved`'s final delegate, on the platform of `t`, naming the absent approver. */
export function delegateTarget(t: ApprovalTarget, resolved: ResolvedDelegate): ApprovalTarget {
  const first = resolved.via[0]!;
  return { kind: 'odoo-user', platform: t.platform, login: resolved.login, onBehalfOf: { login: first.from, name: first.fromName } };
}

export interface RoutedTargets {
  targets: ApprovalTarget[];
  /** The approvers whose cards go to a delegate instead. */
  delegated: DelegatedApprover[];
}

const samePerson = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Where the cards of `level` go now: each approver away on a delegation is replaced by their final
 * delegate, whose card says "on behalf of"; channels and Odoo groups stay as they are (group
 * members are routed one by one when the group is expanded). A delegate who is asked anyway gets
 * one card, their own.
 */
export async function routeTargets(targets: readonly ApprovalTarget[], level: number, lookup: DelegationLookup | undefined, now: Date): Promise<RoutedTargets> {
  if (!lookup) return { targets: [...targets], delegated: [] };
  const out: ApprovalTarget[] = [];
  const delegated: DelegatedApprover[] = [];
  const routed: ApprovalTarget[] = [];
  for (const t of targets) {
    const login = personLogin(t);
    const resolved = login ? await lookup.delegateOf(login, now) : null;
    if (!login || !resolved) {
      out.push(t);
      continue;
    }
    const first = resolved.via[0]!;
    delegated.push({ level, from: login, fromName: first.fromName, to: resolved.login, toName: resolved.name, at: now.toISOString() });
    routed.push(delegateTarget(t, resolved));
  }
  for (const t of routed) {
    const login = personLogin(t)!;
    if (out.some((x) => x.platform === t.platform && personLogin(x) !== null && samePerson(personLogin(x)!, login))) continue;
    out.push(t);
  }
  return { targets: out, delegated };
}

/** The targets of `extra` not already among `targets` (by place, and by person on a platform). */
export function newTargets(targets: readonly ApprovalTarget[], extra: readonly ApprovalTarget[], same: (a: ApprovalTarget, b: ApprovalTarget) => boolean): ApprovalTarget[] {
  return extra.filter((t) => {
    const login = personLogin(t);
    return !targets.some((x) => same(x, t) || (login !== null && x.platform === t.platform && personLogin(x) !== null && samePerson(personLogin(x)!, login)));
  });
}

/** Adds delegation records not yet on the request (same level, approver and delegate). */
export function withDelegated(existing: readonly DelegatedApprover[] | undefined, added: readonly DelegatedApprover[]): DelegatedApprover[] {
  const out = [...(existing ?? [])];
  for (const d of added) {
    if (!out.some((x) => x.level === d.level && samePerson(x.from, d.from) && samePerson(x.to, d.to) && !x.endedAt)) out.push(d);
  }
  return out;
}

/** " (delegated to Dana Okafor)" for a level whose approvers' cards went to delegates; '' otherwise. */
export function delegatedNote(delegated: readonly DelegatedApprover[] | undefined, level: number): string {
  const names = [...new Set((delegated ?? []).filter((d) => d.level === level && !d.endedAt).map((d) => d.toName))];
  return names.length ? ` (delegated to ${names.join(', ')})` : '';
}
