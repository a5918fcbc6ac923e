import type { ApprovalStore } from '../ports/approval-store.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { ApprovalRequest } from './approval-request.ts';
import type { ApprovalRules, ApprovalTarget, ScheduleStep } from './approval-rules.ts';
import { currentLevel } from './approval-chain.ts';
import { memoizedLookup, newTargets, routeTargets, withDelegated, type DelegationLookup } from './delegation-routing.ts';
import { followDelegations } from './follow-delegations.ts';
import { enqueueDirect, enqueuePostCards, sameTarget } from './notify-jobs.ts';
import { formatAmount } from '../format/card-numbers.ts';

export interface RemindDeps {
  store: ApprovalStore;
  audit: AuditLog;
  queue: JobQueue;
  rules: Pick<ApprovalRules, 'schedule' | 'levelTargets' | 'age'>;
  now: () => Date;
  /** Reminders and escalations go to absent approvers' delegates; open requests follow new delegations. */
  delegations?: DelegationLookup;
}

const stepKey = (s: ScheduleStep) => (s.kind === 'remind' ? `remind-${s.level}-${s.nth}` : `escalate-${s.toLevel}`);

/**
 * Runs due reminders and escalations of every pending request (a job scheduler calls it every
 * minute). Each step is claimed on the request before it runs, so two workers never send the
 * same reminder twice; escalation posts the next level's cards next to the existing ones.
 * A sequential chain has no escalation: its waiting level is reminded, counting from when that
 * level started waiting.
 */
export async function remindAndEscalate(tickDeps: RemindDeps): Promise<{ reminded: number; escalated: number }> {
  const now = tickDeps.now();
  // Within one tick every request sees the same delegations, read once per approver.
  const deps: RemindDeps = tickDeps.delegations ? { ...tickDeps, delegations: memoizedLookup(tickDeps.delegations) } : tickDeps;
  let reminded = 0;
  let escalated = 0;
  // A delegation whose first day arrives (the policy file's, or one set ahead in chat) moves open requests here.
  const delegations = deps.delegations && (await deps.delegations.active(now)).length > 0 ? deps.delegations : null;
  for (const id of await deps.store.openIds()) {
    const request = await deps.store.get(id);
    if (!request || request.status !== 'pending') continue;
    if (delegations) await followDelegations(request, { ...deps, delegations });
    if (request.chain) {
      reminded += await remindWaitingLevel(deps, request, now);
      continue;
    }
    const due = deps.rules.schedule(request.ruleName, new Date(request.requestedAt)).filter((s) => s.at <= now && !(request.stepsDone ?? []).includes(stepKey(s)));
    for (const step of due) {
      const claimed = await claimStep(deps.store, request.id, stepKey(step));
      if (!claimed) continue;
      if (step.kind === 'escalate') {
        const routed = await routeTargets(deps.rules.levelTargets(request.ruleName, step.toLevel), step.toLevel, deps.delegations, now);
        const targets = routed.targets;
        const added = await deps.store.update(request.id, (r) => ({
          ...r,
          targets: [...r.targets, ...newTargets(r.targets, targets, sameTarget)],
          ...(routed.delegated.length ? { delegated: withDelegated(r.delegated, routed.delegated) } : {}),
        }));
        if (added) await enqueuePostCards(deps.queue, { id: request.id, targets });
        await audit(deps, request, 'escalate', `asked level ${step.toLevel} after ${deps.rules.age(new Date(request.requestedAt), now)}`);
        escalated += 1;
      } else {
        await remind(deps, claimed, step, now);
        reminded += 1;
      }
    }
  }
  return { reminded, escalated };
}

async function claimStep(store: ApprovalStore, requestId: string, key: string): Promise<ApprovalRequest | null> {
  let won = false;
  const r = await store.update(requestId, (current) => {
    if (current.status !== 'pending' || (current.stepsDone ?? []).includes(key)) return current;
    won = true;
    return { ...current, stepsDone: [...(current.stepsDone ?? []), key] };
  });
  return won ? r : null;
}

async function remind(deps: RemindDeps, request: ApprovalRequest, step: Extract<ScheduleStep, { kind: 'remind' }>, now: Date): Promise<void> {
  const s = request.snapshot;
  const text = `Reminder: ${s.orderName} (${s.vendorName}, ${formatAmount(s.amountTotal, s.currency)}) has waited ${deps.rules.age(new Date(request.requestedAt), now)} for approval. The card is in your messages${request.cards.length ? '' : ' once posted'}.`;
  for (let level = 1; level <= step.level; level++) {
    await sendTo(deps, deps.rules.levelTargets(request.ruleName, level), text, `remind-${request.id}-${step.level}-${step.nth}`, level, now);
  }
  await audit(deps, request, 'remind', `reminder ${step.nth} to level ${step.level}`);
}

/** Reminders of the level a sequential chain waits on; keyed by the level's start, so a restarted chain reminds afresh. */
async function remindWaitingLevel(deps: RemindDeps, request: ApprovalRequest, now: Date): Promise<number> {
  const level = request.chain ? currentLevel(request.chain) : null;
  if (!level?.since) return 0;
  const since = new Date(level.since);
  const key = (nth: number) => `remind-L${level.level}-${nth}-${level.since}`;
  const due = deps.rules.schedule(request.ruleName, since).filter((s) => s.kind === 'remind' && s.at <= now && !(request.stepsDone ?? []).includes(key(s.nth)));
  let sent = 0;
  for (const step of due) {
    if (step.kind !== 'remind' || !(await claimStep(deps.store, request.id, key(step.nth)))) continue;
    const s = request.snapshot;
    const text = `Reminder: ${s.orderName} (${s.vendorName}, ${formatAmount(s.amountTotal, s.currency)}) has waited ${deps.rules.age(since, now)} at level ${level.level} (${level.label}) for your approval. The card is in your messages${request.cards.length ? '' : ' once posted'}.`;
    await sendTo(deps, deps.rules.levelTargets(request.ruleName, level.level), text, `remind-${request.id}-L${level.level}-${step.nth}-${level.since}`, level.level, now);
    await audit(deps, request, 'remind', `reminder ${step.nth} to level ${level.level} (${level.label})`);
    sent += 1;
  }
  return sent;
}

/**
 * A direct message to each person among `targets` (channels are not reminded: the card is there);
 * an approver away on a delegation is not reminded, their delegate is, "on behalf of" them.
 */
async function sendTo(deps: RemindDeps, targets: ApprovalTarget[], text: string, keyPrefix: string, level: number, now: Date): Promise<void> {
  for (const t of (await routeTargets(targets, level, deps.delegations, now)).targets) {
    const key = `${keyPrefix}-${targetId(t)}`;
    const behalf = t.kind !== 'channel' && t.kind !== 'odoo-group' && t.onBehalfOf ? `(On behalf of ${t.onBehalfOf.name}, who is away.) ` : '';
    if (t.kind === 'user') await enqueueDirect(deps.queue, { to: { chatUser: { platform: t.platform, userId: t.userId } }, text: behalf + text }, key);
    if (t.kind === 'odoo-user') await enqueueDirect(deps.queue, { to: { odooLogin: t.login, platform: t.platform }, text: behalf + text }, key);
  }
}

const targetId = (t: ApprovalTarget) => (t.kind === 'channel' ? t.channel : t.kind === 'user' ? t.userId : t.kind === 'odoo-user' ? t.login : t.xmlid);

function audit(deps: RemindDeps, r: ApprovalRequest, what: 'remind' | 'escalate', detail: string) {
  return deps.audit.record({
    at: deps.now().toISOString(), orderId: r.orderId, orderName: r.snapshot.orderName, requestId: r.id, action: 'request', outcome: 'requested',
    actor: null, odooLogin: null, version: r.version, channel: null, code: what, detail,
  });
}
