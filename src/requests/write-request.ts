/**
 * The write-back of a purchase request (queue `writeback`, job `request-write`): the line on a
 * draft RFQ of the product's vendor for the warehouse's receipt type, one chatter note, then the
 * buyer's card. Each step looks in Odoo for its own result first (the line and the note carry
 * the request's reference), so a re-run after a crash finishes the work without doing any of it twice.
 */
import { BusinessRefusal, CodedError, isRetryable } from '../errors/coded-error.ts';
import type { JobContext } from '../ports/job-queue.ts';
import { queueCardUpdate, tell } from './post-request-card.ts';
import { jobId } from '../queue/job-id.ts';
import type { PurchaseRequest } from './purchase-request.ts';
import { REQUEST_JOBS, type RequestDeps } from './request-deps.ts';
import type { RequestWriteJob } from './submit-request.ts';
import { formatQuantity } from './request-card-view.ts';

export async function writeRequest(job: RequestWriteJob, deps: RequestDeps): Promise<{ outcome: string }> {
  const request = await deps.store.get(job.requestId);
  if (!request) throw new BusinessRefusal('request_missing', `purchase request ${job.requestId} is not stored`);
  if (request.state !== 'submitted' && request.order) {
    await queueCard(request, deps);
    return { outcome: 'already_written' };
  }
  const { odoo } = deps;
  const q = request.request;
  const lineIds = await odoo.searchIds('purchase.order.line', [['name', 'ilike', request.ref]], { limit: 1 });
  let orderId: number;
  let lineId: number;
  let grouped = false;
  if (lineIds[0] !== undefined) {
    lineId = lineIds[0];
    const [line] = await odoo.read('purchaseOrderLine', [lineId]);
    if (!line) throw new CodedError('odoo_record_missing', `line ${lineId} vanished`, true);
    orderId = line.order.id;
  } else {
    const target = await orderFor(request, deps);
    orderId = target.id;
    grouped = target.grouped;
    lineId = await odoo.create('purchase.order.line', {
      order_id: orderId,
      product_id: q.product.id,
      name: `${q.product.code ? `[${q.product.code}] ` : ''}${q.product.name}\n${request.ref}`,
      product_qty: q.quantity,
      product_uom: q.uom.id,
      price_unit: q.price,
      // noon UTC: the needed-by day stays the same day in every zone from UTC-11 to UTC+11
      date_planned: new Date(`${q.neededBy}T12:00:00Z`),
    });
  }
  const [order] = await odoo.read('purchaseOrder', [orderId]);
  if (!order) throw new CodedError('odoo_record_missing', `RFQ ${orderId} vanished`, true);
  const notes = await odoo.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', orderId], ['body', 'ilike', `Purchase request ${request.ref}`]], { limit: 1 });
  if (notes.length === 0) await odoo.postNote('purchase.order', orderId, noteText(request));
  const updated = await deps.store.update(request.id, (r) =>
    r.state !== 'submitted' ? r : { ...r, state: 'requested', order: { id: orderId, name: order.name, lineId, grouped: r.order?.grouped ?? grouped }, updatedAt: deps.now().toISOString() },
  );
  await deps.audit.record(
    { at: deps.now().toISOString(), orderId, orderName: order.name, requestId: request.id, action: 'purchase-request', outcome: 'written', actor: request.requester.chat, odooLogin: request.requester.login, version: null, channel: null, code: grouped ? 'grouped' : 'created', detail: `${request.ref}: ${formatQuantity(q.quantity)} ${q.uom.name} ${q.product.name} on ${order.name}` },
    { onceKey: `request-written:${request.id}` },
  );
  if (updated) await queueCard(updated, deps);
  return { outcome: grouped ? 'grouped' : 'created' };
}

/** A draft RFQ of this request (a re-run), an open draft to group onto (policy), or a new one. */
async function orderFor(request: PurchaseRequest, deps: RequestDeps): Promise<{ id: number; grouped: boolean }> {
  const { odoo } = deps;
  const q = request.request;
  const own = await odoo.searchIds('purchase.order', [['origin', 'ilike', request.ref], ['state', '=', 'draft']], { limit: 1 });
  if (own[0] !== undefined) return { id: own[0], grouped: false };
  if (deps.settings.groupOntoDraft) {
    const [draft] = await odoo.search('purchaseOrder', {
      domain: [['state', '=', 'draft'], ['partner_id', '=', q.vendor.id], ['picking_type_id', '=', q.warehouse.pickingTypeId], ['company_id', '=', q.warehouse.companyId]],
      order: 'id desc',
      limit: 1,
    });
    if (draft) {
      await odoo.write('purchase.order', [draft.id], { origin: draft.origin ? `${draft.origin}, ${request.ref}` : request.ref });
      return { id: draft.id, grouped: true };
    }
  }
  const id = await odoo.create('purchase.order', {
    partner_id: q.vendor.id,
    company_id: q.warehouse.companyId,
    picking_type_id: q.warehouse.pickingTypeId,
    origin: request.ref,
  });
  return { id, grouped: false };
}

function noteText(r: PurchaseRequest): string {
  const q = r.request;
  return [
    `Purchase request ${r.ref} from ${r.requester.name} (${r.requester.login}) via chat:`,
    `${formatQuantity(q.quantity)} ${q.uom.name} of ${q.product.name} for ${q.warehouse.name}, needed by ${q.neededBy}.`,
    `Reason: ${q.reason ?? '(none given)'}`,
    ...(q.attachment ? [`Attachment: ${q.attachment}`] : []),
    ...(r.chatLink ? [`Chat: ${r.chatLink}`] : []),
  ].join('\n');
}

async function queueCard(r: PurchaseRequest, deps: RequestDeps): Promise<void> {
  await deps.queue.enqueue('notify', REQUEST_JOBS.postCard, { requestId: r.id }, { jobId: jobId(REQUEST_JOBS.postCard, r.id) });
}

/**
 * The job handler: the write-back, and when it fails for good (a refusal, or the last attempt)
 * the request is marked failed and the requester told why, instead of waiting unseen.
 */
export async function writeRequestJob(job: RequestWriteJob, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>, deps: RequestDeps): Promise<{ outcome: string }> {
  try {
    return await writeRequest(job, deps);
  } catch (err) {
    if (isRetryable(err) && ctx.attempt < ctx.maxAttempts) throw err;
    const why = err instanceof Error ? err.message : String(err);
    const failed = await deps.store.update(job.requestId, (r) => (r.state === 'submitted' ? { ...r, state: 'failed', error: why, updatedAt: deps.now().toISOString() } : r));
    if (failed?.state === 'failed') {
      await queueCardUpdate(failed, deps);
      await tell(failed, `Your request ${failed.ref} could not be written to Odoo: ${why}. Nothing was ordered; file it again or ask purchasing.`, deps);
    }
    throw err;
  }
}
