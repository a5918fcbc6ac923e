import type { ApprovalRequest } from './approval-request.ts';
import type { ApprovalRules } from './approval-rules.ts';
import { chainHasDecisions, newChain } from './approval-chain.ts';
import { describeChanges } from './po-snapshot.ts';
import type { PoSubject } from './read-po-subject.ts';

/** Said on the cards when a PO changed between levels of a sequential approval. */
export const CHAIN_RESTARTED = 'approvals given before this change are void: the approval chain restarted at level 1';

/**
 * The request pinned to the PO's new version: what changed, in words, for the cards. A sequential
 * chain restarts at its first level (the approvals given were for another order), with the levels
 * recomputed for the new amount, and its reminders count again from now.
 */
export function refreshedRequest(r: ApprovalRequest, current: PoSubject, version: string, rules: Pick<ApprovalRules, 'levelsOf'>, now: string): ApprovalRequest {
  const changes = describeChanges(r.snapshot, current.snapshot);
  const base = { ...r, version, snapshot: current.snapshot, subject: current.subject };
  if (!r.chain) return { ...base, changes };
  const levels = rules.levelsOf(r.ruleName, current.subject);
  const restarted = chainHasDecisions(r.chain);
  const { chain: _old, ...withoutChain } = base;
  return {
    ...(levels ? { ...withoutChain, chain: newChain(levels, now) } : withoutChain),
    changes: restarted ? [...changes, CHAIN_RESTARTED] : changes,
  };
}
