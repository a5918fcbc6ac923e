import { BusinessRefusal, isRetryable } from '../errors/coded-error.ts';
import { isOdooUnreachable, WaitingForOdoo, type OdooOutagePolicy } from './waiting-for-odoo.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { JobContext, JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { WriteBackJob } from './approval-jobs.ts';
import type { ApprovalRequest, Decision } from './approval-request.ts';
import { chainNoteLines, platformName, writeLevelNote } from './write-level-note.ts';
import { enqueueCardUpdates, enqueueDirect, enqueueEphemeral, enqueueRetryOffer } from './notify-jobs.ts';
import type { ApprovalRules } from './approval-rules.ts';
import { snapshotVersion } from './po-snapshot.ts';
import { readPoSubject, type PoSubject } from './read-po-subject.ts';
import { refreshedRequest } from './refresh-request.ts';
import { jobId } from '../queue/job-id.ts';
import { deciderText, decisionDetail } from './decided-text.ts';
import { formatAmount } from '../format/card-numbers.ts';
import { lastOdooActor } from './last-odoo-actor.ts';

export interface WriteBackDeps {
  odoo: OdooGateway;
  store: ApprovalStore;
  audit: AuditLog;
  queue: JobQueue;
  now: () => Date;
  /**
   * To re-render a request whose PO changed in Odoo after the click: a sequential chain restarts
   * with the levels of the new amount (without it, the chain is dropped; the runtime passes it).
   */
  rules?: Pick<ApprovalRules, 'levelsOf'>;
  /** While Odoo cannot be reached (see OdooOutagePolicy); without it an outage spends attempts. */
  outage?: OdooOutagePolicy;
  /** Called once Odoo is written, before the bookkeeping: a test's fault hook (adapters/runtime/test-fault-hooks.ts). */
  afterOdooWrite?: () => void;
}

/**
 * Writes one decision to Odoo, exactly once, however often the job runs: it re-reads the PO
 * before acting (an earlier attempt may have approved it already), re-reads after acting (Odoo
 * silently ignores an approve it does not allow), and looks for its own chatter note before
 * posting one. The card follows every step: queued, retrying, written, failed. What follows the
 * write (card, buyer's DM, audit "written") happens exactly once too: a re-run after a crash finds
 * the write recorded and finishes only the bookkeeping, each step keyed by the decision.
 */
export async function writeBackDecision(job: WriteBackJob, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>, deps: WriteBackDeps): Promise<'written' | 'already_written' | 'stale'> {
  const request = await deps.store.get(job.requestId);
  // A sequential chain's earlier levels are noted in the chatter as they are decided.
  const level = request?.chain?.find((l) => l.decision?.id === job.decisionId && request.decision?.id !== job.decisionId);
  if (request && level) return writeLevelNote(request, level, deps);
  const decision = request?.decision;
  if (!request || !decision || decision.id !== job.decisionId) throw new BusinessRefusal('decision_missing', `decision ${job.decisionId} is not recorded; nothing to write`);
  // A re-run after a crash between the Odoo write and the end of the bookkeeping: Odoo is done, the
  // bookkeeping is finished below, each step once (keyed by the decision, so a repeat is a no-op).
  const already = request.writeback?.state === 'written' ? request.writeback : null;
  if (!already) {
    try {
      // The click was recorded from what the bot holds; the PO must still be the one decided on.
      const subject = await readPoSubject(deps.odoo, request.orderId);
      if (subject?.snapshot.state === 'to approve' && snapshotVersion(subject.snapshot) !== decision.version) {
        await reopenChanged(request, decision, subject, deps);
        return 'stale';
      }
      const state = subject?.snapshot.state ?? null;
      // Approved (or cancelled) already: by an earlier run of this decision only if that run had
      // started its Odoo write; otherwise someone did it in Odoo between the click and now.
      const oursAlready = state !== 'to approve' && request.odooWriteStarted === decision.id;
      if (!subject || !statesOf(request, decision).includes(subject.snapshot.state) || (state !== 'to approve' && !oursAlready)) {
        await closeDecidedElsewhere(request, decision, state, deps);
        return 'stale';
      }
      if (!oursAlready && !(await markWriteStarted(request, decision, deps))) return 'stale';
      if (decision.action === 'approve') await approve(request, deps);
      else await reject(request, decision, deps);
      await ensureNote(request, decision, deps);
      deps.afterOdooWrite?.();
    } catch (err) {
      if (deps.outage && isOdooUnreachable(err)) {
        await waitForOdoo(request, err, deps.outage, deps);
        // The outage outlasted its wait: the job ends here (another attempt would only wait again).
        const gaveUp = new BusinessRefusal('odoo_unreachable', `Odoo could not be reached for ${Math.round(deps.outage.giveUpAfterMs / 1000)} s (${err instanceof Error ? err.message : String(err)})`, { cause: err });
        await recordFailure(request, gaveUp, ctx, deps);
        throw gaveUp;
      }
      await recordFailure(request, err, ctx, deps);
      throw err;
    }
  }
  const at = already?.at ?? deps.now().toISOString();
  const written = already ? request : await deps.store.update(request.id, (r) => ({ ...r, writeback: { state: 'written', at } }));
  await deps.store.close(request.id);
  if (written) await enqueueCardUpdates(deps.queue, written, `written-${decision.id}`);
  const s = request.snapshot;
  if (s.buyerId) {
    const verb = decision.action === 'approve' ? 'approved' : 'rejected';
    const text = `Your purchase order ${s.orderName} (${s.vendorName}, ${formatAmount(s.amountTotal, s.currency)}) was ${verb} by ${who(decision)}${decision.reason ? `: ${decision.reason}` : '.'}`;
    await enqueueDirect(deps.queue, { to: { odooUserId: s.buyerId, platform: decision.actor.platform === 'teams' ? 'teams' : 'slack' }, text }, `buyer-${decision.id}`);
  }
  await deps.audit.record({
    at, orderId: request.orderId, orderName: s.orderName, requestId: request.id, action: 'writeback', outcome: 'written',
    actor: decision.actor, odooLogin: decision.odooLogin, version: decision.version, channel: decision.channel, code: decision.action, detail: decisionDetail(decision),
  }, { onceKey: `written-${decision.id}` });
  return already ? 'already_written' : 'written';
}

/**
 * Records, before Odoo is called, that this decision's write has started (see
 * ApprovalRequest.odooWriteStarted). False when the request no longer holds this decision.
 */
async function markWriteStarted(request: ApprovalRequest, decision: Decision, deps: WriteBackDeps): Promise<boolean> {
  const holds = (r: ApprovalRequest) => r.decision?.id === decision.id && r.writeback?.state !== 'written';
  const after = await deps.store.update(request.id, (r) => (holds(r) && r.odooWriteStarted !== decision.id ? { ...r, odooWriteStarted: decision.id } : r));
  return after !== null && holds(after);
}

/** "Dana Okafor", or "Dana Okafor on behalf of Avery Quinn" for a delegate's decision. */
const who = (d: Decision) => deciderText(d);

async function approve(request: ApprovalRequest, deps: WriteBackDeps): Promise<void> {
  const name = request.snapshot.orderName;
  const state = await deps.odoo.readState(request.orderId);
  if (state === 'purchase' || state === 'done') return; // an earlier attempt (or Odoo) already did it
  if (state !== 'to approve') throw new BusinessRefusal('po_not_waiting', state ? `${name} is "${state}" in Odoo, no longer waiting for approval; the approval was not written` : `${name} no longer exists in Odoo`);
  const t = await deps.odoo.approvePurchaseOrder(request.orderId);
  if (t.after !== 'purchase' && t.after !== 'done') {
    throw new BusinessRefusal('odoo_ignored_approve', `Odoo did not approve ${name} (still "${t.after}"): the bot's Odoo user must be in the Purchase / Administrator group`);
  }
}

async function reject(request: ApprovalRequest, decision: Decision, deps: WriteBackDeps): Promise<void> {
  const name = request.snapshot.orderName;
  const target = request.rejectAction === 'draft' ? 'draft' : 'cancel';
  let state = await deps.odoo.readState(request.orderId);
  if (state === target) return;
  if (state === 'to approve') {
    state = (await deps.odoo.cancelPurchaseOrder(request.orderId)).after;
    if (state !== 'cancel') throw new BusinessRefusal('odoo_ignored_cancel', `Odoo did not cancel ${name} (still "${state}")`);
  }
  if (target === 'draft' && state === 'cancel') {
    await deps.odoo.callMethod('purchase.order', 'button_draft', [request.orderId]);
    state = await deps.odoo.readState(request.orderId);
  }
  if (state !== target) throw new BusinessRefusal('po_not_waiting', `${name} is "${state}" in Odoo; the rejection by ${who(decision)} was not written`);
}

/** The chatter note carries the decision id, so a retry finds it instead of posting twice. */
async function ensureNote(request: ApprovalRequest, d: Decision, deps: WriteBackDeps): Promise<void> {
  const existing = await deps.odoo.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', request.orderId], ['body', 'ilike', d.id]], { limit: 1 });
  if (existing.length) return;
  const verb = d.action === 'approve' ? 'Approved' : 'Rejected';
  const platform = platformName(d);
  const body = [
    `${verb} in ${platform} by ${who(d)} (chat user ${d.actor.userId}, Odoo user ${d.odooLogin}${d.onBehalfOf ? `, delegate of Odoo user ${d.onBehalfOf.login}` : ''}) at ${d.at.slice(0, 16).replace('T', ' ')} UTC.`,
    d.reason ? `Reason: ${d.reason}` : null,
    ...chainNoteLines(request),
    `Rule: ${request.ruleName}. Card version ${d.version}. Ref ${d.id}.`,
  ].filter(Boolean).join('\n');
  await deps.odoo.postNote('purchase.order', request.orderId, body);
}

/**
 * Odoo is down: the first time, the card says "waiting for Odoo" (and the audit says so once);
 * then the job comes back every `retryEveryMs` (WaitingForOdoo, no attempt spent) until Odoo
 * answers. Returns (to record a final failure) only when the outage has lasted `giveUpAfterMs`.
 */
async function waitForOdoo(request: ApprovalRequest, err: unknown, outage: OdooOutagePolicy, deps: WriteBackDeps): Promise<void> {
  const wb = request.writeback;
  const since = wb?.state === 'retrying' && wb.waitingSince ? wb.waitingSince : deps.now().toISOString();
  if (deps.now().getTime() - new Date(since).getTime() >= outage.giveUpAfterMs) return;
  if (!(wb?.state === 'retrying' && wb.waitingSince)) {
    const reason = err instanceof Error ? err.message : String(err);
    const attempt = wb?.state === 'retrying' ? wb.attempt : 1;
    const updated = await deps.store.update(request.id, (r) =>
      r.decision?.id === request.decision?.id && r.writeback?.state !== 'written' ? { ...r, writeback: { state: 'retrying', attempt, reason, waitingSince: since } } : r,
    );
    if (updated) await enqueueCardUpdates(deps.queue, updated);
    const d = request.decision!;
    await deps.audit.record({
      at: since, orderId: request.orderId, orderName: request.snapshot.orderName, requestId: request.id, action: 'writeback',
      outcome: 'retrying', actor: d.actor, odooLogin: d.odooLogin, version: d.version, channel: d.channel, code: 'odoo_unreachable', detail: reason,
    }, { onceKey: `waiting-${d.id}-${since}` });
  }
  throw new WaitingForOdoo(outage.retryEveryMs, { cause: err });
}

/**
 * The states a PO may be in when this decision is written: still waiting, or where this decision
 * (an earlier run of it) already took it. Anything else was decided in Odoo meanwhile.
 */
const statesOf = (request: ApprovalRequest, decision: Decision): readonly string[] =>
  decision.action === 'approve' ? ['to approve', 'purchase', 'done'] : ['to approve', 'cancel', ...(request.rejectAction === 'draft' ? ['draft'] : [])];

/**
 * The PO left `to approve` in Odoo (approved, cancelled, deleted) between the click and the write:
 * nothing is written; the request closes as decided elsewhere (cards lose their buttons) and the
 * clicker is told, as a click on such a PO was before clicks were recorded without Odoo.
 */
async function closeDecidedElsewhere(request: ApprovalRequest, decision: Decision, state: string | null, deps: WriteBackDeps): Promise<void> {
  const name = request.snapshot.orderName;
  const at = deps.now().toISOString();
  const outcome = state === 'purchase' || state === 'done' ? 'approved' : state === 'cancel' || state === null ? 'cancelled' : state === 'draft' || state === 'sent' ? 'reset_to_draft' : 'changed';
  const by = state ? await lastOdooActor(deps.odoo, request.orderId) : null;
  const updated = await deps.store.update(request.id, (r) =>
    r.decision?.id === decision.id && r.writeback?.state !== 'written' ? { ...r, status: 'decided_elsewhere', decision: null, writeback: null, elsewhere: { outcome, by, at } } : r,
  );
  if (updated?.status === 'decided_elsewhere') {
    await deps.store.close(request.id);
    await enqueueCardUpdates(deps.queue, updated);
  }
  const text = state ? `${name} is no longer waiting for approval: it is "${state}" in Odoo${by ? ` (last changed there by ${by})` : ''}. Nothing was changed.` : `${name} no longer exists in Odoo. Nothing was changed.`;
  const platform = decision.actor.platform === 'teams' ? 'teams' : 'slack';
  await enqueueEphemeral(deps.queue, { platform, channel: decision.channel, user: decision.actor, text }, jobId('elsewhere', decision.id));
  await deps.audit.record({
    at, orderId: request.orderId, orderName: name, requestId: request.id, action: decision.action, outcome: 'stale',
    actor: decision.actor, odooLogin: decision.odooLogin, version: decision.version, channel: decision.channel, code: state ? 'not_waiting' : 'po_missing', detail: text,
  }, { onceKey: `elsewhere-${decision.id}` });
}

/**
 * The PO changed in Odoo between the card and the write: nothing is written; the request goes back
 * to waiting with the PO as it is now (the cards show what changed), and the clicker is told to
 * check and decide again, as a click on a stale card is.
 */
async function reopenChanged(request: ApprovalRequest, decision: Decision, subject: PoSubject, deps: WriteBackDeps): Promise<void> {
  const current = snapshotVersion(subject.snapshot);
  const at = deps.now().toISOString();
  const updated = await deps.store.update(request.id, (r) =>
    r.decision?.id === decision.id && r.writeback?.state !== 'written' ? refreshedRequest({ ...r, status: 'pending', decision: null, writeback: null }, subject, current, deps.rules ?? { levelsOf: () => null }, at) : r,
  );
  if (updated) await enqueueCardUpdates(deps.queue, updated);
  const name = request.snapshot.orderName;
  const changes = updated?.version === current ? updated.changes : [];
  const text = `${name} changed in Odoo since this card was posted (${changes.join('; ') || 'details changed'}). The card now shows the current order: check it and decide again.`;
  const platform = decision.actor.platform === 'teams' ? 'teams' : 'slack';
  await enqueueEphemeral(deps.queue, { platform, channel: decision.channel, user: decision.actor, text }, jobId('changed', decision.id));
  await deps.audit.record({
    at, orderId: request.orderId, orderName: name, requestId: request.id, action: decision.action, outcome: 'stale',
    actor: decision.actor, odooLogin: decision.odooLogin, version: decision.version, channel: decision.channel, code: 'stale_card', detail: text,
  }, { onceKey: `changed-${decision.id}` });
}

async function recordFailure(request: ApprovalRequest, err: unknown, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>, deps: WriteBackDeps): Promise<void> {
  const reason = err instanceof Error ? err.message : String(err);
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
  const final = !isRetryable(err) || ctx.attempt >= ctx.maxAttempts;
  const updated = await deps.store.update(request.id, (r) => ({
    ...r,
    writeback: final ? { state: 'failed', reason, code } : { state: 'retrying', attempt: ctx.attempt, reason },
  }));
  if (updated) await enqueueCardUpdates(deps.queue, updated);
  const d = request.decision!;
  // The person who decided is told privately, with a Retry button, once per failure (the revision).
  if (final && updated?.writeback?.state === 'failed') await enqueueRetryOffer(deps.queue, { requestId: request.id, decisionId: d.id }, `${d.id}-r${updated.revision}`);
  await deps.audit.record({
    at: deps.now().toISOString(), orderId: request.orderId, orderName: request.snapshot.orderName, requestId: request.id, action: 'writeback',
    outcome: final ? 'failed' : 'retrying', actor: d.actor, odooLogin: d.odooLogin, version: d.version, channel: d.channel, code, detail: reason,
  });
}
