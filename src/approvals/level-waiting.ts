import { currentLevel } from './approval-chain.ts';
import type { ApprovalRequest } from './approval-request.ts';

/** Which level a pending request waits on and since when: the basis of aging (status, metrics). */
export interface LevelWaiting {
  /** 1-based. */
  level: number;
  /** Sequential rules: the level's label; null for escalation-chain rules. */
  label: string | null;
  since: Date;
  /** Every level whose approvers are asked now: the waiting level, or all levels escalation reached. */
  askedLevels: number[];
}

/**
 * A sequential chain waits on its current level since that level started; an escalation-chain
 * request waits since it was made, on the highest level escalation reached (and every level below
 * it). Null once decided.
 */
export function levelWaiting(request: ApprovalRequest): LevelWaiting | null {
  if (request.status !== 'pending') return null;
  if (request.chain) {
    const level = currentLevel(request.chain);
    if (!level) return null;
    return { level: level.level, label: level.label, since: new Date(level.since ?? request.requestedAt), askedLevels: [level.level] };
  }
  const escalated = (request.stepsDone ?? []).flatMap((s) => {
    const m = /^escalate-(\d+)$/.exec(s);
    return m ? [Number(m[1])] : [];
  });
  const upTo = Math.max(1, ...escalated);
  return { level: upTo, label: null, since: new Date(request.requestedAt), askedLevels: Array.from({ length: upTo }, (_, i) => i + 1) };
}
