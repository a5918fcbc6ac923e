/** Building the `records` and `owner` of exceptions from the typed Odoo records. */
import type { PurchaseOrder, Ref } from '../domain/odoo-records.ts';
import type { ExceptionRecords, OdooModel, RecordRef } from './exception.ts';

/** A many2one as a RecordRef of `model`, or null. */
export function refOf(model: OdooModel, ref: Ref | null | undefined): RecordRef | null {
  return ref ? { model, id: ref.id, name: ref.name } : null;
}

/** The routing records of a PO (company, warehouse, vendor, buyer), each null when Odoo has none. */
export function orderRecords(order: PurchaseOrder | null | undefined): Omit<ExceptionRecords, 'subject' | 'related'> {
  if (!order) return { purchaseOrder: null, company: null, warehouse: null, vendor: null, buyer: null };
  return {
    purchaseOrder: { model: 'purchase.order', id: order.id, name: order.name },
    company: refOf('res.company', order.company),
    warehouse: refOf('stock.warehouse', order.warehouse),
    vendor: refOf('res.partner', order.partner),
    buyer: refOf('res.users', order.buyer),
  };
}
