import type { AuditEntry } from '../ports/audit-log.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { ApprovalObserver } from './approval-observer.ts';
import { APPROVAL_JOBS, type WriteBackJob } from './approval-jobs.ts';
import type { ApprovalRequest, ChainLevel, Decision } from './approval-request.ts';
import type { ApprovalRules } from './approval-rules.ts';
import { decisionDetail, levelDecidedText, sameDeciderText } from './decided-text.ts';
import { newTargets, routeTargets, withDelegated, type DelegationLookup } from './delegation-routing.ts';
import { enqueueCardUpdates, enqueuePostCards, sameTarget } from './notify-jobs.ts';

export interface ClaimLevelDeps {
  store: ApprovalStore;
  queue: JobQueue;
  rules: Pick<ApprovalRules, 'levelTargets' | 'businessHours'>;
  observer?: ApprovalObserver;
  /** Tells the clicker only (ephemeral). */
  tell: (text: string) => Promise<void>;
  /** Audits this click with its outcome. */
  audit: (outcome: AuditEntry['outcome'], extra: Partial<AuditEntry>) => Promise<void>;
  /** The next level's absent approvers are asked through their delegates. */
  delegations?: DelegationLookup;
  now: () => Date;
}

/**
 * The decision of one level of a sequential chain, after every check passed: claimed atomically
 * (concurrent clicks at a level make one level decision). Each level decision gets its chatter
 * note through the write-back queue (job id = decision id, so once); the final one (the last
 * level's approve, or any reject) is written to Odoo as a single-level decision is. An approve
 * at an earlier level asks the next level: its cards are posted and every card shows the chain.
 */
export async function claimChainLevel(request: ApprovalRequest, level: ChainLevel, decision: Decision, deps: ClaimLevelDeps): Promise<'accepted' | 'stale' | 'already_decided' | 'refused'> {
  const claim = await deps.store.claimLevelDecision(request.id, decision.version, level.level, decision);
  if (!claim.won) {
    const current = claim.request;
    const earlier = current?.chain?.find((l) => l.decision?.odooUserId === decision.odooUserId);
    const text = !current
      ? 'This approval request is no longer known to the bot.'
      : claim.why === 'same_person' && earlier
        ? sameDeciderText(current, earlier, current.chain?.find((l) => l.state === 'waiting') ?? null)
        : levelDecidedText(current, level.level);
    await deps.tell(text);
    await deps.audit('refused', { code: claim.why === 'same_person' ? 'already_decided_a_level' : claim.why, detail: text, odooLogin: decision.odooLogin });
    return claim.why === 'stale' ? 'stale' : claim.why === 'same_person' ? 'refused' : 'already_decided';
  }
  // The write-back job tells a level note from the final decision by the decision id.
  const job: WriteBackJob = { requestId: request.id, decisionId: decision.id };
  await deps.queue.enqueue('writeback', APPROVAL_JOBS.writeBack, job, { jobId: decision.id });
  const next = claim.final ? null : (claim.request.chain?.find((l) => l.state === 'waiting') ?? null);
  const latest = next ? await askLevel(claim.request, next.level, deps) : claim.request;
  await enqueueCardUpdates(deps.queue, latest);
  await deps.audit('accepted', { code: `level-${level.level}`, odooLogin: decision.odooLogin, detail: decisionDetail(decision) });
  const waitedFrom = new Date(level.since ?? request.requestedAt);
  deps.observer?.levelDecided({ ruleName: request.ruleName, level: level.level, hoursWaited: deps.rules.businessHours(request.ruleName, waitedFrom, new Date(decision.at)) });
  return 'accepted';
}

/**
 * Posts the cards of `level` where none is yet (a shared channel keeps its one card, updated);
 * an approver away on a delegation is asked through their delegate.
 */
async function askLevel(request: ApprovalRequest, level: number, deps: ClaimLevelDeps): Promise<ApprovalRequest> {
  const routed = await routeTargets(deps.rules.levelTargets(request.ruleName, level), level, deps.delegations, deps.now());
  const targets = newTargets(request.targets, routed.targets, sameTarget);
  if (targets.length === 0 && routed.delegated.length === 0) return request;
  const updated = await deps.store.update(request.id, (r) => ({
    ...r,
    targets: [...r.targets, ...newTargets(r.targets, targets, sameTarget)],
    ...(routed.delegated.length ? { delegated: withDelegated(r.delegated, routed.delegated) } : {}),
  }));
  await enqueuePostCards(deps.queue, { id: request.id, targets });
  return updated ?? request;
}
