import { isActiveOn } from './delegation-days.ts';
import type { Delegation, IsoDay } from './delegation.ts';

/**
 * Policy-file and chat delegations as one list, in precedence order: an approver's own chat
 * delegation comes first, so on the days it covers it wins over the file's (it is the newer
 * word, and `/po delegate off` hands back to the file's). Readers take the first active one per
 * `from` (see activeByFrom).
 */
export function effectiveDelegations(policyDelegations: readonly Delegation[], chatDelegations: readonly Delegation[]): Delegation[] {
  return [...chatDelegations, ...policyDelegations];
}

/** The delegation in force for each absent approver (lower-cased login) on a day. */
export function activeByFrom(delegations: readonly Delegation[], day: IsoDay): Map<string, Delegation> {
  const out = new Map<string, Delegation>();
  for (const d of delegations) {
    const key = d.from.toLowerCase();
    if (!out.has(key) && isActiveOn(d, day)) out.set(key, d);
  }
  return out;
}
