import type { AuditEntry, AuditLog } from '../ports/audit-log.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { ChatProfile } from '../ports/chat.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { KnownOdooUsers } from '../ports/known-odoo-users.ts';
import { jobId } from '../queue/job-id.ts';
import type { ChatUserRef } from './approval-card-view.ts';
import type { ApprovalClick } from './approval-click.ts';
import { APPROVAL_JOBS, type WriteBackJob } from './approval-jobs.ts';
import type { ApprovalRequest, Decision, DecisionAction } from './approval-request.ts';
import type { ApprovalRules } from './approval-rules.ts';
import { enqueueCardUpdates, enqueueEphemeral, NOTIFY_JOBS, type PostDetailsJob } from './notify-jobs.ts';
import { currentLevel, levelDecidedBy } from './approval-chain.ts';
import type { ApprovalObserver } from './approval-observer.ts';
import { claimChainLevel } from './claim-chain-level.ts';
import { authorizeClicker } from './authorize-clicker.ts';
import { decidedText, decisionDetail, sameDeciderText } from './decided-text.ts';
import type { DelegationLookup } from './delegation-routing.ts';
import { resolveApprover, type ApproverResolution } from './resolve-approver.ts';
import { isOdooUnreachable, WaitingForOdoo, type OdooOutagePolicy } from './waiting-for-odoo.ts';

export interface DecideApprovalDeps {
  odoo: OdooGateway;
  store: ApprovalStore;
  audit: AuditLog;
  queue: JobQueue;
  rules: ApprovalRules;
  profile: (user: ChatUserRef) => Promise<ChatProfile | null>;
  now: () => Date;
  /** Told when a level is decided (aging metrics); optional: the core works without it. */
  observer?: ApprovalObserver;
  /** Delegates may decide for absent approvers (and the next level is asked through them). */
  delegations?: DelegationLookup;
  /** Odoo users read before: who clicked is known without Odoo (see findOdooUsers). */
  known?: KnownOdooUsers;
  /**
   * While Odoo cannot be reached to tell who a never-seen clicker is, the click is checked again
   * every `retryEveryMs` (no attempt spent) until `giveUpAfterMs` after the click; without it,
   * the queue's retries with backoff apply.
   */
  outage?: OdooOutagePolicy;
}

/** Answers the clicker privately, once per key (by default: the card, the person, the words, the window). */
type Tell = (text: string, key?: string) => Promise<void>;
/** Records the click's outcome in the audit log. */
type Audit = (outcome: AuditEntry['outcome'], extra: Partial<AuditEntry>) => Promise<void>;

export type DecideOutcome = 'accepted' | 'refused' | 'stale' | 'already_decided' | 'missing' | 'details' | 'retried';

/**
 * One click on an approval card, after the chat adapter acked it. The same use case serves
 * Slack, Teams and the local workspace. Every refusal is told to the clicker only (ephemeral)
 * and audited; only a click that wins the atomic claim queues a write-back.
 */
export async function decideApproval(click: ApprovalClick, deps: DecideApprovalDeps): Promise<DecideOutcome> {
  const request = await deps.store.get(click.requestId);
  const tell: Tell = (text, key = onceKey(click, text, deps.now())) =>
    enqueueEphemeral(deps.queue, { platform: click.source.platform, channel: click.source.channel, user: click.actor, text }, key);
  if (!request) {
    await tell('This approval request is no longer known to the bot. Open the PO in Odoo to see where it stands.');
    return 'missing';
  }
  const audit: Audit = (outcome, extra) =>
    deps.audit.record({
      at: deps.now().toISOString(), orderId: request.orderId, orderName: request.snapshot.orderName, requestId: request.id,
      action: click.action === 'details' ? 'request' : click.action, outcome, actor: click.actor, odooLogin: null,
      version: click.version, channel: click.source.channel, code: null, detail: null, ...extra,
    }).then(() => undefined);

  if (click.action === 'details') {
    const card = request.cards.find((c) => c.channel === click.source.channel && c.messageId === click.source.messageId) ?? request.cards[0];
    if (card) {
      const data: PostDetailsJob = { requestId: request.id, card };
      await deps.queue.enqueue('notify', NOTIFY_JOBS.postDetails, data, { jobId: jobId('details', click.clickId) });
    }
    return 'details';
  }
  if (click.action === 'retry') return retryWriteBack(request, click, deps, tell, audit);

  const name = request.snapshot.orderName;
  if (request.status !== 'pending') {
    await tell(decidedText(request));
    await audit('refused', { code: 'already_decided', detail: decidedText(request) });
    return 'already_decided';
  }
  if (click.version !== request.version) {
    const text = `${name} changed since this card was posted${request.changes.length ? ` (${request.changes.join('; ')})` : ''}. The card now shows the current order: check it and decide again.`;
    await tell(text);
    await audit('stale', { code: 'stale_card', detail: text });
    return 'stale';
  }

  let who: ApproverResolution;
  try {
    who = await resolveApprover(click.actor, deps);
  } catch (err) {
    if (!isOdooUnreachable(err)) throw err;
    return waitForOdooToIdentify(click, name, err, deps, tell, audit);
  }
  if (!who.ok) {
    await tell(who.message);
    await audit('refused', { code: who.code, detail: who.message });
    return 'refused';
  }
  const approver = who.approver;
  const action: DecisionAction = click.action;
  // Sequential rules: only the waiting level decides, and nobody decides two levels of one PO.
  const level = request.chain ? currentLevel(request.chain) : null;
  const earlier = request.chain ? levelDecidedBy(request.chain, approver.odooUserId) : null;
  if (request.chain && earlier) {
    const text = sameDeciderText(request, earlier, level);
    await tell(text);
    await audit('refused', { code: 'already_decided_a_level', detail: text, odooLogin: approver.login });
    return 'refused';
  }
  const auth = await authorizeClicker(request, approver, action, level?.level, deps);
  if (!auth.ok) {
    await tell(auth.message);
    await audit('refused', { code: auth.code, detail: auth.message, odooLogin: approver.login });
    return 'refused';
  }
  if (action === 'reject' && !click.reason) {
    await tell('A rejection needs a reason: use the Reject button and fill in the reason.');
    await audit('refused', { code: 'reason_required', odooLogin: approver.login });
    return 'refused';
  }

  // The card matches the request, and the request is what the bot holds of the PO. Whether it
  // still matches Odoo is for the write-back to check before it writes (it reads Odoo anyway, and
  // retries while Odoo is down): a click is recorded, and shown on the card, without Odoo.
  const decision: Decision = {
    // A level's decision names its level: each level of a sequential chain is its own decision.
    id: level ? jobId(action, 'po', request.orderId, click.version, `level-${level.level}`) : jobId(action, 'po', request.orderId, click.version),
    action,
    // The profile's name (users.info), else the policy's: the handle in a Slack payload (`avery.quinn`) is no name.
    actor: { ...click.actor, displayName: who.profile?.displayName || approver.name || click.actor.displayName },
    odooUserId: approver.odooUserId,
    odooLogin: approver.login,
    reason: click.reason ?? null,
    version: click.version,
    at: deps.now().toISOString(),
    channel: click.source.channel,
    ...(auth.onBehalfOf ? { onBehalfOf: auth.onBehalfOf } : {}),
  };
  if (level) return claimChainLevel(request, level, decision, { ...deps, tell, audit });
  const claim = await deps.store.claimDecision(request.id, click.version, decision);
  if (!claim.won) {
    const text = claim.request ? decidedText(claim.request) : 'This approval request is no longer known to the bot.';
    await tell(text);
    await audit('refused', { code: claim.why, detail: text, odooLogin: approver.login });
    return claim.why === 'stale' ? 'stale' : 'already_decided';
  }
  const job: WriteBackJob = { requestId: request.id, decisionId: decision.id };
  await deps.queue.enqueue('writeback', APPROVAL_JOBS.writeBack, job, { jobId: decision.id });
  await enqueueCardUpdates(deps.queue, claim.request);
  await audit('accepted', { odooLogin: approver.login, detail: decisionDetail(decision) });
  deps.observer?.levelDecided({ ruleName: request.ruleName, level: 1, hoursWaited: deps.rules.businessHours(request.ruleName, new Date(request.requestedAt), new Date(decision.at)) });
  return 'accepted';
}

/**
 * Who clicked is not known without Odoo (not a policy approver read ahead, never seen before) and
 * Odoo cannot be reached: the clicker is told at once that the click is kept, and it is checked
 * again shortly (nothing is decided meanwhile); past the outage wait, they are told it was not
 * recorded and to click again.
 */
async function waitForOdooToIdentify(
  click: ApprovalClick,
  name: string,
  err: unknown,
  deps: DecideApprovalDeps,
  tell: Tell,
  audit: Audit,
): Promise<DecideOutcome> {
  const waitedMs = deps.now().getTime() - Date.parse(click.clickedAt);
  if (deps.outage && waitedMs >= deps.outage.giveUpAfterMs) {
    const text = `Odoo could not be reached for ${waitedMs < 120_000 ? `${Math.round(waitedMs / 1000)} s` : `${Math.round(waitedMs / 60_000)} min`} to check who you are in Odoo, so your click on ${name} was not recorded. Click again once Odoo is back.`;
    await tell(text);
    await audit('refused', { code: 'odoo_unreachable', detail: text });
    return 'refused';
  }
  // Said once per click, though the click is checked again every second: keyed on the click, not
  // on a time window (a window boundary between two checks would say it twice).
  await tell(`Odoo cannot be reached right now to check who you are in Odoo. Your click on ${name} is kept and checked as soon as Odoo answers; nothing is decided until then.`, jobId('answer-kept', click.clickId));
  if (deps.outage) throw new WaitingForOdoo(deps.outage.retryEveryMs, { cause: err });
  throw err;
}

/** Within this window, the same answer to the same person about the same card is sent once. */
const SAME_ANSWER_WINDOW_MS = 5 * 60_000;

/**
 * The key of a private answer: the card, the person, the words and the window. A hundred clicks on
 * one card by one person (an impatient double-tapper, a retried delivery) get one message; a
 * different answer, or the same one minutes later, is sent.
 */
function onceKey(click: ApprovalClick, text: string, now: Date): string {
  let hash = 0x811c9dc5; // FNV-1a: a short, stable digest of the words
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return jobId('answer', click.requestId, click.actor.platform, click.actor.userId, hash.toString(36), Math.floor(now.getTime() / SAME_ANSWER_WINDOW_MS));
}

async function retryWriteBack(
  request: ApprovalRequest,
  click: ApprovalClick,
  deps: DecideApprovalDeps,
  tell: Tell,
  audit: Audit,
): Promise<DecideOutcome> {
  const d = request.decision;
  if (!d || request.writeback?.state !== 'failed') {
    await tell(d ? decidedText(request) : 'There is nothing to retry on this card.');
    return 'refused';
  }
  if (d.actor.platform !== click.actor.platform || d.actor.userId !== click.actor.userId) {
    const text = `Only ${d.actor.displayName ?? d.odooLogin}, who made this decision, can retry writing it to Odoo.`;
    await tell(text);
    await audit('refused', { code: 'not_the_decider', detail: text });
    return 'refused';
  }
  // Only the press that moves the write-back from failed to queued re-queues and audits it.
  const changed = await deps.store.change(request.id, (r) => (r.writeback?.state === 'failed' ? { ...r, writeback: { state: 'queued' } } : r));
  if (!changed?.changed) return 'refused';
  const updated = changed.request;
  const job: WriteBackJob = { requestId: request.id, decisionId: d.id };
  await deps.queue.enqueue('writeback', APPROVAL_JOBS.writeBack, job, { jobId: jobId(d.id, 'retry', `r${updated.revision}`) });
  await enqueueCardUpdates(deps.queue, updated);
  await audit('retrying', { code: 'retry_requested', odooLogin: d.odooLogin });
  return 'retried';
}
