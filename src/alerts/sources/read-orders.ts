import type { Company, PurchaseOrder, Warehouse } from '../../domain/odoo-records.ts';
import type { OdooDomain, OdooGateway } from '../../ports/odoo-gateway.ts';
import { CountingReader, keysOfSubjects, PAGE_SIZE, pagedSource, type SourcePages, type SourceRead } from './source-read.ts';

const TYPES = ['eta-slipped', 'unconfirmed-po', 'rfq-unanswered', 'approval-aging'] as const;
/** RFQs sent, orders waiting for approval, and confirmed orders not fully received. */
const OPEN_ORDERS: OdooDomain = ['|', ['state', 'in', ['sent', 'to approve']], '&', ['state', '=', 'purchase'], ['receipt_status', '!=', 'full']];

type Odoo = Pick<OdooGateway, 'scan' | 'read' | 'search'>;

/** Orders with the lines of the confirmed ones (ETA slips), the warehouses and companies. */
async function withLines(r: CountingReader, purchaseOrders: PurchaseOrder[], warehouses: Warehouse[], companies: Company[]): Promise<SourceRead['snapshot']> {
  const confirmed = purchaseOrders.filter((o) => o.state === 'purchase' || o.state === 'done' || o.state === 'cancel').map((o) => o.id);
  const purchaseOrderLines = await r.where('purchaseOrderLine', 'order_id', confirmed, [['display_type', '=', false]]);
  return { purchaseOrders, purchaseOrderLines, warehouses, companies };
}

/**
 * Every order that can be an exception, a page at a time (with the page's lines): the scan holds
 * one page of records at once, whatever the size of the database.
 */
export function readOrderPages(odoo: Odoo, pageSize = PAGE_SIZE): SourcePages {
  return pagedSource(odoo, { kind: 'purchaseOrder', domain: OPEN_ORDERS, pageSize, types: TYPES }, withLines);
}

/** Just these orders whatever their state (a webhook: a received or approved one clears its exceptions). */
export async function readOrders(odoo: Odoo, ids: readonly number[]): Promise<SourceRead> {
  const r = new CountingReader(odoo);
  const purchaseOrders = await r.byIds('purchaseOrder', ids);
  const [warehouses, companies] = await Promise.all([r.all('warehouse', []), r.all('company', [])]);
  return { snapshot: await withLines(r, purchaseOrders, warehouses, companies), types: TYPES, inScope: keysOfSubjects(TYPES, 'purchase.order', ids), recordsRead: r.recordsRead };
}
