import { BusinessRefusal, isRetryable } from '../errors/coded-error.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { JobContext, JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { WriteBackJob } from './approval-jobs.ts';
import type { ApprovalRequest, Decision } from './approval-request.ts';
import { chainNoteLines, platformName, writeLevelNote } from './write-level-note.ts';
import { enqueueCardUpdates, enqueueDirect } from './notify-jobs.ts';
import { deciderText, decisionDetail } from './decided-text.ts';
import { formatAmount } from '../format/card-numbers.ts';

export interface WriteBackDeps {
  odoo: OdooGateway;
  store: ApprovalStore;
  audit: AuditLog;
  queue: JobQueue;
  now: () => Date;
}

/**
 * Writes one decision to Odoo, exactly once, however often the job runs: it re-reads the PO
 * before acting (an earlier attempt may have approved it already), re-reads after acting (Odoo
 * silently ignores an approve it does not allow), and looks for its own chatter note before
 * posting one. The card follows every step: queued, retrying, written, failed. What follows the
 * write (card, buyer's DM, audit "written") happens exactly once too: a re-run after a crash finds
 * the write recorded and finishes only the bookkeeping, each step keyed by the decision.
 */
export async function writeBackDecision(job: WriteBackJob, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>, deps: WriteBackDeps): Promise<'written' | 'already_written'> {
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
      if (decision.action === 'approve') await approve(request, deps);
      else await reject(request, decision, deps);
      await ensureNote(request, decision, deps);
    } catch (err) {
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
  await deps.audit.record({
    at: deps.now().toISOString(), orderId: request.orderId, orderName: request.snapshot.orderName, requestId: request.id, action: 'writeback',
    outcome: final ? 'failed' : 'retrying', actor: d.actor, odooLogin: d.odooLogin, version: d.version, channel: d.channel, code, detail: reason,
  });
}
