import { dayIn } from './delegation-days.ts';
import type { Delegation, IsoDay, ResolvedDelegate } from './delegation.ts';
import { activeByFrom } from './effective-delegations.ts';

/** Chains longer than this are refused when made and cut here when followed. */
export const MAX_DELEGATION_HOPS = 5;

/**
 * Who acts for `login` at instant `at`: follows active delegations (A -> B, and B -> C when B is
 * away too) to the end, at most MAX_DELEGATION_HOPS. Null when `login` has no active delegation,
 * or when the chain loops back (possible only if the file and chat were changed independently):
 * with a loop nobody is reliably present, so the request stays with the approver it was meant for.
 * `delegations` is in precedence order (effectiveDelegations); the day is judged in `timeZone`.
 */
export function resolveDelegate(login: string, delegations: readonly Delegation[], at: Date, timeZone: string): ResolvedDelegate | null {
  return resolveDelegateOn(login, delegations, dayIn(at, timeZone));
}

/** resolveDelegate on a given local day. */
export function resolveDelegateOn(login: string, delegations: readonly Delegation[], day: IsoDay): ResolvedDelegate | null {
  const active = activeByFrom(delegations, day);
  const chain = [login];
  const via: Delegation[] = [];
  const seen = new Set([login.toLowerCase()]);
  let current = login.toLowerCase();
  while (via.length < MAX_DELEGATION_HOPS) {
    const d = active.get(current);
    if (!d) break;
    const next = d.to.toLowerCase();
    if (seen.has(next)) return null;
    seen.add(next);
    chain.push(d.to);
    via.push(d);
    current = next;
  }
  const last = via[via.length - 1];
  return last ? { login: last.to, name: last.toName, chain, via } : null;
}
