import type { DelegationChange } from '../delegation/delegation.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import { jobId } from '../queue/job-id.ts';
import type { ApprovalRequest, DelegatedApprover } from './approval-request.ts';
import type { ApprovalRules, ApprovalTarget } from './approval-rules.ts';
import { delegateTarget, newTargets, personLogin, type DelegationLookup } from './delegation-routing.ts';
import { levelWaiting } from './level-waiting.ts';
import { enqueueCardUpdates, enqueuePostCards, sameTarget } from './notify-jobs.ts';

/** The scan-queue job that moves open requests after a delegation was made or ended. */
export const FOLLOW_DELEGATION_JOB = 'approvals-follow-delegation';

export interface FollowDelegationJob {
  kind: DelegationChange['kind'];
  /** The absent approver's Odoo login. */
  from: string;
}

export interface FollowDelegationsDeps {
  store: ApprovalStore;
  queue: JobQueue;
  audit: AuditLog;
  rules: Pick<ApprovalRules, 'levelTargets'>;
  delegations: DelegationLookup;
  now: () => Date;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isOpen = (r: ApprovalRequest | null): r is ApprovalRequest => r !== null && r.status === 'pending' && !r.elsewhere;

/** The job for a delegation change; its id is the change, so a repeated hook queues it once. */
export async function enqueueFollowDelegation(queue: JobQueue, change: DelegationChange): Promise<void> {
  const data: FollowDelegationJob = { kind: change.kind, from: change.delegation.from };
  await queue.enqueue('scan', FOLLOW_DELEGATION_JOB, data, { jobId: jobId('follow-delegation', change.kind, change.delegation.id) });
}

/** The person targets of the levels a request asks now (the waiting level, or every level escalation reached). */
function askedPeople(request: ApprovalRequest, rules: Pick<ApprovalRules, 'levelTargets'>): Array<{ level: number; target: ApprovalTarget; login: string }> {
  const out: Array<{ level: number; target: ApprovalTarget; login: string }> = [];
  for (const level of levelWaiting(request)?.askedLevels ?? []) {
    for (const target of rules.levelTargets(request.ruleName, level)) {
      const login = personLogin(target);
      if (login) out.push({ level, target, login });
    }
  }
  return out;
}

/**
 * Moves one open request to the delegates of its asked approvers who are away now and whose
 * delegation it has not followed yet: the delegate gets a card "on behalf of" (once: the post job
 * id names the delegate), and the absent approver's own card says who has it (its buttons stay).
 * The tick (every minute) and the change hook both call it, so a delegation from the policy file
 * whose first day arrives moves requests too. True when it moved something.
 */
export async function followDelegations(request: ApprovalRequest, deps: FollowDelegationsDeps): Promise<boolean> {
  if (!isOpen(request)) return false;
  const now = deps.now();
  const moves: Array<{ target: ApprovalTarget; record: DelegatedApprover }> = [];
  for (const { level, target, login } of askedPeople(request, deps.rules)) {
    const resolved = await deps.delegations.delegateOf(login, now);
    if (!resolved) continue;
    const record: DelegatedApprover = { level, from: login, fromName: resolved.via[0]!.fromName, to: resolved.login, toName: resolved.name, at: now.toISOString() };
    moves.push({ target: delegateTarget(target, resolved), record });
  }
  const followed = (r: ApprovalRequest, m: DelegatedApprover) => (r.delegated ?? []).some((x) => x.level === m.level && same(x.from, m.from) && same(x.to, m.to) && !x.endedAt);
  if (!moves.some((m) => !followed(request, m.record))) return false;
  let added: typeof moves = [];
  let posts: ApprovalTarget[] = [];
  const updated = await deps.store.update(request.id, (r) => {
    added = isOpen(r) ? moves.filter((m) => !followed(r, m.record)) : [];
    if (added.length === 0) return r;
    posts = newTargets(r.targets, added.map((m) => m.target), sameTarget).filter((t, i, all) => all.findIndex((x) => sameTarget(x, t)) === i);
    // A replaced delegation (A -> B, now A -> C) ends for this request: B's card says so.
    const replaced = (x: DelegatedApprover) => !x.endedAt && added.some((m) => m.record.level === x.level && same(m.record.from, x.from) && !same(m.record.to, x.to));
    const kept = (r.delegated ?? []).map((x) => (replaced(x) ? { ...x, endedAt: now.toISOString() } : x));
    return { ...r, targets: [...r.targets, ...posts], delegated: [...kept, ...added.map((m) => m.record)] };
  });
  if (!updated || added.length === 0) return false;
  await enqueuePostCards(deps.queue, { id: request.id, targets: posts });
  await enqueueCardUpdates(deps.queue, updated);
  await audit(deps, updated, 'delegated', added.map((m) => `level ${m.record.level}: ${m.record.fromName} -> ${m.record.toName}`).join('; '));
  return true;
}

/**
 * `from`'s delegation ended while `request` was open: its delegates' cards stay (and say the
 * delegation ended), and the approver is asked again: their own card is posted where they have
 * none, unless another delegation (the policy file's) sends it on, which followDelegations does.
 */
export async function endDelegation(request: ApprovalRequest, from: string, deps: FollowDelegationsDeps): Promise<boolean> {
  if (!isOpen(request) || !(request.delegated ?? []).some((d) => same(d.from, from) && !d.endedAt)) return false;
  const now = deps.now();
  const stillAway = await deps.delegations.delegateOf(from, now);
  const back = stillAway ? [] : askedPeople(request, deps.rules).filter((p) => same(p.login, from)).map((p) => p.target);
  const hasOwnCard = (r: ApprovalRequest) => Object.values(r.cardPeople ?? {}).some((p) => same(p.login, from) && !p.onBehalfOf);
  let posts: ApprovalTarget[] = [];
  const updated = await deps.store.update(request.id, (r) => {
    if (!isOpen(r) || !(r.delegated ?? []).some((d) => same(d.from, from) && !d.endedAt)) return r;
    posts = hasOwnCard(r) ? [] : newTargets(r.targets, back, sameTarget);
    const delegated = (r.delegated ?? []).map((d) => (same(d.from, from) && !d.endedAt ? { ...d, endedAt: now.toISOString() } : d));
    return { ...r, targets: [...r.targets, ...posts], delegated };
  });
  if (!updated) return false;
  if (posts.length) await enqueuePostCards(deps.queue, { id: request.id, targets: posts });
  await enqueueCardUpdates(deps.queue, updated);
  await audit(deps, updated, 'delegation_ended', `${from}'s delegation ended; cards already with the delegate stay`);
  if (stillAway) await followDelegations(updated, deps);
  return true;
}

/** Every open request after a delegation change (the FOLLOW_DELEGATION_JOB handler). */
export async function followDelegationChange(job: FollowDelegationJob, deps: FollowDelegationsDeps): Promise<string> {
  let changed = 0;
  for (const id of await deps.store.openIds()) {
    const request = await deps.store.get(id);
    if (!request) continue;
    const moved = job.kind === 'set' ? await followDelegations(request, deps) : await endDelegation(request, job.from, deps);
    if (moved) changed += 1;
  }
  return `${job.kind === 'set' ? 'moved' : 'handed back'} ${changed}`;
}

function audit(deps: FollowDelegationsDeps, r: ApprovalRequest, code: string, detail: string) {
  return deps.audit.record({
    at: deps.now().toISOString(), orderId: r.orderId, orderName: r.snapshot.orderName, requestId: r.id, action: 'request', outcome: 'requested',
    actor: null, odooLogin: null, version: r.version, channel: null, code, detail,
  });
}
