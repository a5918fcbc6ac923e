import { addDays } from './delegation-days.ts';
import type { Delegation, IsoDay } from './delegation.ts';
import { activeByFrom } from './effective-delegations.ts';
import { MAX_DELEGATION_HOPS } from './resolve-delegate.ts';

/** Why a new delegation cannot join the others: it closes a loop, or makes a chain too long. */
export type DelegationGraphProblem =
  | { code: 'loop'; names: string[]; day: IsoDay }
  | { code: 'chain_too_long'; names: string[]; day: IsoDay };

/**
 * The days within the candidate's range on which the set of active delegations can change:
 * checking those is checking every day, whatever the length of the range.
 */
function checkpoints(candidate: Delegation, others: readonly Delegation[]): IsoDay[] {
  const days = new Set([candidate.startsOn]);
  for (const d of others) {
    for (const day of [d.startsOn, addDays(d.until, 1)]) {
      if (candidate.startsOn <= day && day <= candidate.until) days.add(day);
    }
  }
  return [...days].sort();
}

/** Follows the chain from `start`; `hops` counts delegations followed, cut one past the limit. */
function walk(start: string, active: Map<string, Delegation>): { path: Delegation[]; loops: boolean } {
  const path: Delegation[] = [];
  const seen = new Set([start.toLowerCase()]);
  let current = start.toLowerCase();
  while (path.length <= MAX_DELEGATION_HOPS) {
    const d = active.get(current);
    if (!d) break;
    path.push(d);
    current = d.to.toLowerCase();
    if (seen.has(current)) return { path, loops: true };
    seen.add(current);
  }
  return { path, loops: false };
}

const namesOf = (path: readonly Delegation[]) => [path[0]!.fromName, ...path.map((d) => d.toName)];

/**
 * Whether adding `candidate` (which replaces any earlier delegation of the same person in
 * `others`' precedence, as a chat delegation does) would, on any day of its range, close a loop
 * (A -> B while B -> A, or A -> B -> C -> A) or make a chain longer than MAX_DELEGATION_HOPS.
 * `others` is in precedence order (effectiveDelegations) and may include the file's entries.
 */
export function findDelegationProblem(candidate: Delegation, others: readonly Delegation[]): DelegationGraphProblem | null {
  const all = [candidate, ...others];
  const from = candidate.from.toLowerCase();
  for (const day of checkpoints(candidate, others)) {
    const active = activeByFrom(all, day);
    const own = walk(candidate.from, active);
    if (own.loops && own.path.some((d) => d.to.toLowerCase() === from)) return { code: 'loop', names: namesOf(own.path), day };
    for (const start of active.keys()) {
      const { path, loops } = walk(start, active);
      if (!loops && path.length > MAX_DELEGATION_HOPS && path.some((d) => d.from.toLowerCase() === from)) {
        return { code: 'chain_too_long', names: namesOf(path), day };
      }
    }
  }
  return null;
}
