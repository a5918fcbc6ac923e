/**
 * What the buyer does with a request card, as a write-back job (`request-decide`): Convert to RFQ
 * sent (Odoo's "Print RFQ", which marks a draft RFQ sent), Reject with a reason (the line leaves
 * the RFQ, an RFQ left empty is cancelled, a chatter note says why, the requester is told), or
 * Ask the requester a question (a message, nothing written). Only purchase users may act, and
 * only on a request still waiting: a second click reads who acted first.
 */
import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { BusinessRefusal } from '../errors/coded-error.ts';
import { jobId } from '../queue/job-id.ts';
import { queueCardUpdate, tell } from './post-request-card.ts';
import type { PurchaseRequest } from './purchase-request.ts';
import { REQUEST_JOBS, type RequestDeps } from './request-deps.ts';

export type RequestAction = 'send' | 'reject' | 'ask';

export interface RequestDecision {
  requestId: string;
  action: RequestAction;
  by: ChatUserRef;
  /** The rejection reason or the question. */
  text: string | null;
}

export type DecisionAnswer = { ok: true; message: string } | { ok: false; message: string };

/** The click, checked and queued (in the web process, before the ack). */
export async function receiveRequestDecision(d: RequestDecision, deps: RequestDeps): Promise<DecisionAnswer> {
  const request = await deps.store.get(d.requestId);
  if (!request) return { ok: false, message: 'That request is not known any more.' };
  if (request.state !== 'requested') return { ok: false, message: `${request.ref} is ${request.state.replace('_', ' ')} already${request.decidedBy ? ` (${request.decidedBy})` : ''}.` };
  const who = await deps.identify(d.by);
  if (!who.ok) return { ok: false, message: who.message };
  const groups = who.viewer.odoo.groups;
  if (!groups.includes('purchase.group_purchase_user') && !groups.includes('purchase.group_purchase_manager')) {
    return { ok: false, message: 'Only purchasing (Odoo Purchase: User) can act on purchase requests.' };
  }
  if ((d.action === 'reject' || d.action === 'ask') && !(d.text ?? '').trim()) return { ok: false, message: d.action === 'reject' ? 'Give the reason for the rejection.' : 'Write your question.' };
  if (d.action === 'ask') {
    await tell(request, `${who.viewer.odoo.name} asks about your request ${request.ref} (${request.request.product.name}): ${d.text!.trim()}\nAnswer them directly; the request stays with them.`, deps);
    return { ok: true, message: `Asked ${request.requester.name}.` };
  }
  await deps.queue.enqueue('writeback', REQUEST_JOBS.decide, { ...d, byName: who.viewer.odoo.name }, { jobId: jobId(REQUEST_JOBS.decide, d.requestId) });
  return { ok: true, message: d.action === 'send' ? `Marking ${request.order?.name ?? 'the RFQ'} as sent…` : `Rejecting ${request.ref}…` };
}

/** The write-back of a buyer's decision; the first decision per request runs (job id), re-runs finish it. */
export async function writeRequestDecision(job: RequestDecision & { byName: string }, deps: RequestDeps): Promise<{ outcome: string }> {
  const request = await deps.store.get(job.requestId);
  if (!request || !request.order) throw new BusinessRefusal('request_missing', `request ${job.requestId} has no RFQ`);
  if (request.state !== 'requested' && !(request.decidedBy === job.byName)) return { outcome: `already_${request.state}` };
  const orderId = request.order.id;
  const state = await deps.odoo.readState(orderId);
  if (job.action === 'send') {
    if (state === 'draft') await deps.odoo.callMethod('purchase.order', 'print_quotation', [orderId]);
    else if (state !== 'sent') throw new BusinessRefusal('rfq_not_draft', `${request.order.name} is ${state ?? 'gone'} in Odoo; it can no longer be sent as an RFQ`);
    const after = await finish(request, deps, (r) => ({ ...r, state: 'rfq_sent', decidedBy: job.byName }));
    await tell(after, `Your request ${request.ref}: ${job.byName} sent RFQ ${request.order.name} to ${request.request.vendor.name}.`, deps);
    return { outcome: 'rfq_sent' };
  }
  const reason = (job.text ?? '').trim();
  if (state === 'draft' || state === 'sent') {
    const [line] = await deps.odoo.read('purchaseOrderLine', [request.order.lineId]);
    if (line) await deps.odoo.callMethod('purchase.order.line', 'unlink', [line.id]);
    const [order] = await deps.odoo.read('purchaseOrder', [orderId]);
    if (order && order.lineIds.length === 0 && order.state !== 'cancel') await deps.odoo.cancelPurchaseOrder(orderId);
  }
  const notes = await deps.odoo.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', orderId], ['body', 'ilike', `${request.ref} rejected`]], { limit: 1 });
  if (notes.length === 0) await deps.odoo.postNote('purchase.order', orderId, `Purchase request ${request.ref} rejected by ${job.byName}: ${reason}`);
  const after = await finish(request, deps, (r) => ({ ...r, state: 'rejected', decidedBy: job.byName, rejectReason: reason }));
  await tell(after, `Your request ${request.ref} (${request.request.product.name}) was rejected by ${job.byName}: ${reason}`, deps);
  return { outcome: 'rejected' };
}

async function finish(request: PurchaseRequest, deps: RequestDeps, change: (r: PurchaseRequest) => PurchaseRequest): Promise<PurchaseRequest> {
  const after = (await deps.store.update(request.id, (r) => (r.state === 'requested' ? { ...change(r), updatedAt: deps.now().toISOString() } : r))) ?? request;
  await deps.audit.record(
    { at: deps.now().toISOString(), orderId: request.order?.id ?? 0, orderName: request.order?.name ?? request.ref, requestId: request.id, action: 'purchase-request', outcome: 'written', actor: null, odooLogin: null, version: null, channel: null, code: after.state, detail: after.rejectReason ?? after.decidedBy },
    { onceKey: `request-decided:${request.id}` },
  );
  await queueCardUpdate(after, deps);
  return after;
}
