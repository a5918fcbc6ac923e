import type { PurchaseOrder } from '../../domain/odoo-records.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import { keysOfTypes } from '../clear-exceptions.ts';
import { CountingReader, keysOfSubjects, type SourceRead } from './source-read.ts';

const TYPES = ['eta-slipped', 'unconfirmed-po', 'rfq-unanswered', 'approval-aging'] as const;

/**
 * Orders that can be an exception: RFQs sent, orders waiting for approval, and confirmed orders
 * not fully received; with the lines of the confirmed ones (ETA slips). With `ids`, just those
 * orders whatever their state (a webhook: a received or approved one clears its exceptions).
 */
export async function readOrders(odoo: Pick<OdooGateway, 'scan' | 'read' | 'search'>, ids?: readonly number[]): Promise<SourceRead> {
  const r = new CountingReader(odoo);
  const purchaseOrders: PurchaseOrder[] = ids
    ? await r.byIds('purchaseOrder', ids)
    : await r.all('purchaseOrder', ['|', ['state', 'in', ['sent', 'to approve']], '&', ['state', '=', 'purchase'], ['receipt_status', '!=', 'full']]);
  const confirmed = purchaseOrders.filter((o) => o.state === 'purchase' || o.state === 'done' || o.state === 'cancel').map((o) => o.id);
  const [purchaseOrderLines, warehouses, companies] = await Promise.all([
    r.where('purchaseOrderLine', 'order_id', confirmed, [['display_type', '=', false]]),
    r.all('warehouse', []),
    r.all('company', []),
  ]);
  return {
    snapshot: { purchaseOrders, purchaseOrderLines, warehouses, companies },
    types: TYPES,
    inScope: ids ? keysOfSubjects(TYPES, 'purchase.order', ids) : keysOfTypes(TYPES),
    recordsRead: r.recordsRead,
  };
}
