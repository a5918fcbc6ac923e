import type { SequentialLevel } from '../policy/sequential-levels.ts';
import type { ChainLevel, Decision } from './approval-request.ts';

/** A fresh chain: the first level that applies waits from `since`, later ones are upcoming or skipped. */
export function newChain(levels: readonly SequentialLevel[], since: string): ChainLevel[] {
  let waiting = false;
  return levels.map((l) => {
    if (!l.applies) return { level: l.level, label: l.label, state: 'skipped', decision: null, since: null };
    const first = !waiting;
    waiting = true;
    return { level: l.level, label: l.label, state: first ? 'waiting' : 'upcoming', decision: null, since: first ? since : null };
  });
}

/** The level the order waits on, or null once the chain is decided. */
export function currentLevel(chain: readonly ChainLevel[]): ChainLevel | null {
  return chain.find((l) => l.state === 'waiting') ?? null;
}

/** The level of the chain this Odoo user already decided, if any (one person, one level per PO). */
export function levelDecidedBy(chain: readonly ChainLevel[], odooUserId: number): ChainLevel | null {
  return chain.find((l) => l.decision?.odooUserId === odooUserId) ?? null;
}

export type LevelStep =
  | { ok: true; chain: ChainLevel[]; final: boolean; next: ChainLevel | null }
  | { ok: false; why: 'level_moved' | 'same_person' };

/**
 * Records `decision` at `level`, if that level is the one waiting and its decider decided no other
 * level. An approve moves the wait to the next level that applies (final when none is left); a
 * reject ends the chain. Pure, so the store can run it inside its compare-and-set.
 */
export function decideLevel(chain: readonly ChainLevel[], level: number, decision: Decision): LevelStep {
  const at = chain.find((l) => l.level === level);
  if (!at || at.state !== 'waiting') return { ok: false, why: 'level_moved' };
  if (levelDecidedBy(chain, decision.odooUserId)) return { ok: false, why: 'same_person' };
  const decided = chain.map((l): ChainLevel => (l.level === level ? { ...l, state: decision.action === 'approve' ? 'approved' : 'rejected', decision } : l));
  if (decision.action === 'reject') return { ok: true, chain: decided, final: true, next: null };
  const next = decided.find((l) => l.level > level && l.state === 'upcoming');
  if (!next) return { ok: true, chain: decided, final: true, next: null };
  const started: ChainLevel = { ...next, state: 'waiting', since: decision.at };
  return { ok: true, chain: decided.map((l) => (l.level === next.level ? started : l)), final: false, next: started };
}

/** True when some level was already decided: a restart voids those decisions. */
export function chainHasDecisions(chain: readonly ChainLevel[] | undefined): boolean {
  return (chain ?? []).some((l) => l.decision !== null);
}
