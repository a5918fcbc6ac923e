/**
 * Keeps requests in step with their RFQ in Odoo (a listener of purchase.order and receipt
 * changes, and the minute tick): sent -> RFQ sent, confirmed -> confirmed, receipt done ->
 * received (the requester is told once), cancelled in Odoo -> rejected. States only move forward.
 */
import type { OdooRecordChanged } from '../intake/odoo-webhook-event.ts';
import { queueCardUpdate, tell } from './post-request-card.ts';
import type { PurchaseRequest, RequestState } from './purchase-request.ts';
import type { RequestDeps } from './request-deps.ts';

const ORDER: RequestState[] = ['submitted', 'requested', 'rfq_sent', 'confirmed', 'received'];

export async function followRequestOrder(orderId: number, deps: RequestDeps): Promise<number> {
  const requests = (await deps.store.forOrder(orderId)).filter((r) => r.state !== 'rejected' && r.state !== 'failed' && r.state !== 'received');
  if (requests.length === 0) return 0;
  const [order] = await deps.odoo.read('purchaseOrder', [orderId]);
  let changed = 0;
  for (const r of requests) {
    const target: RequestState | 'cancelled' =
      !order || order.state === 'cancel' ? 'cancelled'
      : order.receiptStatus === 'full' ? 'received'
      : order.state === 'purchase' || order.state === 'done' || order.state === 'to approve' ? (order.state === 'to approve' ? 'rfq_sent' : 'confirmed')
      : order.state === 'sent' ? 'rfq_sent'
      : 'requested';
    if (target === 'cancelled') {
      const after = await deps.store.update(r.id, (c) => (c.state === 'rejected' ? c : { ...c, state: 'rejected', rejectReason: `${r.order?.name ?? 'the RFQ'} was cancelled in Odoo`, decidedBy: c.decidedBy ?? 'Odoo', updatedAt: deps.now().toISOString() }));
      if (after && after.revision !== r.revision) {
        changed++;
        await queueCardUpdate(after, deps);
        await tell(after, `Your request ${r.ref} was cancelled: ${after.rejectReason}.`, deps);
      }
      continue;
    }
    if (ORDER.indexOf(target) <= ORDER.indexOf(r.state)) continue;
    const after = await deps.store.update(r.id, (c) => (ORDER.indexOf(target) > ORDER.indexOf(c.state) && c.state !== 'rejected' ? { ...c, state: target, updatedAt: deps.now().toISOString() } : c));
    if (!after || after.revision === r.revision) continue;
    changed++;
    await queueCardUpdate(after, deps);
    if (target === 'received') await tellReceived(after, deps);
    else if (target === 'confirmed') await tell(after, `Your request ${r.ref}: purchase order ${order!.name} is confirmed${order!.datePlanned ? `, expected ${order!.datePlanned.toISOString().slice(0, 10)}` : ''}.`, deps);
  }
  return changed;
}

async function tellReceived(r: PurchaseRequest, deps: RequestDeps): Promise<void> {
  const q = r.request;
  await tell(r, `Received: your request ${r.ref}, ${q.quantity} ${q.uom.name} of ${q.product.name}, arrived at ${q.warehouse.name} (${r.order?.name}).`, deps);
  await deps.store.update(r.id, (c) => ({ ...c, receivedTold: true }));
}

/** The webhook listener: a PO changed, or a receipt of one. */
export function requestOrderListener(deps: RequestDeps) {
  return async (change: OdooRecordChanged): Promise<void> => {
    if (change.model === 'purchase.order') {
      await followRequestOrder(change.id, deps);
      return;
    }
    if (change.model === 'stock.picking') {
      const [receipt] = await deps.odoo.read('receipt', [change.id]);
      if (receipt?.purchaseOrder) await followRequestOrder(receipt.purchaseOrder.id, deps);
    }
  };
}
