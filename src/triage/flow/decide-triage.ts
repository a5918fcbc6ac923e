import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { OdooUser } from '../../domain/odoo-records.ts';
import type { ChatProfile } from '../../ports/chat.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import { jobId } from '../../queue/job-id.ts';
import { EMAIL_CATEGORIES } from '../email-reading.ts';
import { MISMATCH_CATEGORIES } from '../finance/mismatch-category.ts';
import { categoryWords } from './triage-card-view.ts';
import type { TriageClick } from './triage-click.ts';
import { enqueueCardUpdates, enqueueEphemeral, TRIAGE_JOBS, type TriageWriteBackJob } from './triage-jobs.ts';
import type { TriageRecorder, TriageStore } from './triage-ports.ts';
import { needsCategoryPick, type TriageDecision, type TriageProposal } from './triage-proposal.ts';
import { resolveTriageActor } from './resolve-triage-actor.ts';

export interface DecideTriageDeps {
  odoo: Pick<OdooGateway, 'search' | 'searchIds' | 'refId'>;
  store: TriageStore;
  queue: JobQueue;
  recorder: TriageRecorder;
  profile: (u: ChatUserRef) => Promise<ChatProfile | null>;
  loginOverride: (platform: 'slack' | 'teams', userId: string) => string | null;
  now: () => Date;
}

export type DecideTriageOutcome = 'confirmed' | 'dismissed' | 'category_changed' | 'retried' | 'refused' | 'already_decided' | 'missing';

/** The categories a proposal of this kind may take. */
export function categoriesOf(p: TriageProposal): readonly string[] {
  return p.kind === 'supplier-email' ? EMAIL_CATEGORIES : MISMATCH_CATEGORIES;
}

/**
 * One click on a triage card, after the chat adapter acked it: who it is in Odoo, whether they
 * may decide this proposal (the PO's buyer or a purchase user of its company; finance for a bill),
 * then an atomic change of the proposal. Only a Confirm that wins the claim queues a write-back;
 * every refusal is told to the clicker alone.
 */
export async function decideTriage(click: TriageClick, deps: DecideTriageDeps): Promise<DecideTriageOutcome> {
  const tell = (text: string) => enqueueEphemeral(deps.queue, { platform: click.source.platform, channel: click.source.channel, user: click.actor, text }, click.clickId);
  const proposal = await deps.store.get(click.proposalId);
  if (!proposal) {
    await tell('This triage card is no longer known to the bot. Nothing was changed.');
    return 'missing';
  }
  if (click.action !== 'retry' && proposal.status !== 'open') {
    await tell(decidedText(proposal));
    return 'already_decided';
  }
  const who = await resolveTriageActor(click.actor, deps);
  if (!who.ok) {
    await tell(who.message);
    return 'refused';
  }
  const refusal = await mayDecide(proposal, who.user, deps);
  if (refusal) {
    await tell(refusal);
    return 'refused';
  }
  // Never the Slack handle a click carries (`casey.morgan`) while a real name is known.
  const name = who.profile?.displayName || who.user.name || click.actor.displayName || click.actor.userId;

  if (click.action === 'retry') return retry(proposal, click, deps, tell);
  if (click.action === 'set_category') {
    const category = click.category;
    if (!category || !categoriesOf(proposal).includes(category)) {
      await tell('That category is not one I know. Nothing was changed.');
      return 'refused';
    }
    // On an unsure card, picking the reader's own guess is still the person's pick.
    const updated = await deps.store.update(proposal.id, (p) => (p.status === 'open' && (p.category !== category || needsCategoryPick(p)) ? { ...p, category, changedBy: name } : p));
    if (updated && updated.status !== 'open') {
      await tell(decidedText(updated));
      return 'already_decided';
    }
    if (updated) await enqueueCardUpdates(deps.queue, updated);
    return 'category_changed';
  }

  if (click.action === 'confirm' && needsCategoryPick(proposal)) {
    await tell('The reader was not sure what this email means: pick a category on the card first, then Confirm. Nothing was changed.');
    return 'refused';
  }
  const category = click.action === 'confirm' ? (click.category ?? proposal.category) : proposal.category;
  if (!categoriesOf(proposal).includes(category)) {
    await tell('That category is not one I know. Nothing was changed.');
    return 'refused';
  }
  const decision: TriageDecision = {
    id: jobId('triage', click.action, proposal.id),
    action: click.action,
    category,
    actor: { ...click.actor, displayName: name },
    odooUserId: who.user.id,
    odooLogin: who.user.login,
    at: deps.now().toISOString(),
    channel: click.source.channel,
  };
  let won = false;
  const claimed = await deps.store.update(proposal.id, (p) => {
    won = p.status === 'open';
    if (!won) return p;
    return click.action === 'confirm'
      ? { ...p, status: 'confirmed', category, decision, writeback: { state: 'queued' } }
      : { ...p, status: 'dismissed', decision, writeback: null };
  });
  if (!claimed || !won) {
    await tell(claimed ? decidedText(claimed) : 'This triage card is no longer known to the bot. Nothing was changed.');
    return 'already_decided';
  }
  const provider = claimed.kind === 'supplier-email' ? claimed.reading.provider : 'rules';
  if (click.action === 'confirm') {
    const job: TriageWriteBackJob = { proposalId: claimed.id, decisionId: decision.id };
    await deps.queue.enqueue('writeback', TRIAGE_JOBS.writeBack, job, { jobId: decision.id });
    await deps.recorder.record({ event: 'confirmed', proposalId: claimed.id, kind: claimed.kind, proposed: claimed.proposed, confirmed: category, provider, by: decision.odooLogin }, deps.now());
  } else {
    await deps.recorder.record({ event: 'dismissed', proposalId: claimed.id, kind: claimed.kind, proposed: claimed.proposed, provider, by: decision.odooLogin }, deps.now());
  }
  await enqueueCardUpdates(deps.queue, claimed);
  return click.action === 'confirm' ? 'confirmed' : 'dismissed';
}

/** Null when the user may decide this proposal, else why not (told to them alone). */
async function mayDecide(p: TriageProposal, user: OdooUser, deps: Pick<DecideTriageDeps, 'odoo'>): Promise<string | null> {
  if (p.kind === 'bill-mismatch') {
    const group = await deps.odoo.refId('account.group_account_invoice');
    const inGroup = await deps.odoo.searchIds('res.users', [['id', '=', user.id], ['groups_id', 'in', [group]]], { limit: 1 });
    const companyOk = p.bill.companyId === null || user.companyIds.includes(p.bill.companyId);
    return inGroup.length && companyOk ? null : `Only finance (Accounting / Billing) of the bill's company can confirm this mismatch; ${user.login} is not. Nothing was changed.`;
  }
  const order = p.order;
  if (order && order.buyerId === user.id) return null;
  const companyOk = !order || order.companyId === null || user.companyIds.includes(order.companyId);
  if (user.isPurchaseUser && companyOk) return null;
  const whose = order ? `${order.name}'s buyer${order.buyerName ? ` (${order.buyerName})` : ''} or a purchase user of its company` : 'a purchase user';
  return `Only ${whose} can act on this supplier email; your Odoo user ${user.login} is not. Nothing was changed.`;
}

async function retry(p: TriageProposal, click: TriageClick, deps: DecideTriageDeps, tell: (t: string) => Promise<void>): Promise<DecideTriageOutcome> {
  const d = p.decision;
  if (!d || d.action !== 'confirm' || p.writeback?.state !== 'failed') {
    await tell(d ? decidedText(p) : 'There is nothing to retry on this card.');
    return 'refused';
  }
  if (d.actor.platform !== click.actor.platform || d.actor.userId !== click.actor.userId) {
    await tell(`Only ${d.actor.displayName ?? d.odooLogin}, who confirmed it, can retry writing it to Odoo.`);
    return 'refused';
  }
  const updated = await deps.store.update(p.id, (x) => (x.writeback?.state === 'failed' ? { ...x, writeback: { state: 'queued' } } : x));
  if (!updated || updated.writeback?.state !== 'queued') return 'refused';
  const job: TriageWriteBackJob = { proposalId: p.id, decisionId: d.id };
  await deps.queue.enqueue('writeback', TRIAGE_JOBS.writeBack, job, { jobId: jobId(d.id, 'retry', `r${updated.revision}`) });
  await enqueueCardUpdates(deps.queue, updated);
  return 'retried';
}

/** "Already confirmed as delay by Bea Buyer." */
export function decidedText(p: TriageProposal): string {
  const d = p.decision;
  if (!d) return 'This card is already closed. Nothing was changed.';
  const by = d.actor.displayName ?? d.odooLogin;
  return d.action === 'dismiss' ? `This card was already dismissed by ${by}. Nothing was changed.` : `This was already confirmed as "${categoryWords(d.category)}" by ${by}. Nothing was changed.`;
}
