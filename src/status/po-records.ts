import type { PoMessage, PurchaseOrder, PurchaseOrderLine, Receipt, VendorBill, VendorBillLine } from '../domain/odoo-records.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';

/** Everything the status answer reads about one purchase order, loaded in a handful of calls. */
export interface PoRecords {
  order: PurchaseOrder;
  lines: PurchaseOrderLine[];
  /** Incoming pickings of the order (backorders included). */
  receipts: Receipt[];
  bills: VendorBill[];
  billLines: VendorBillLine[];
  /** Chatter, oldest first (sent, submitted, supplier emails); empty when not asked for. */
  messages: PoMessage[];
}

/**
 * Loads the records of several orders with one read per model (never one call per order or per
 * line), grouped back by order. `messages` reads chatter too (one PO's answer wants it, a list
 * does not).
 */
export async function loadPoRecords(odoo: OdooGateway, orders: readonly PurchaseOrder[], options: { messages?: boolean } = {}): Promise<PoRecords[]> {
  if (orders.length === 0) return [];
  const orderIds = orders.map((o) => o.id);
  const billIds = [...new Set(orders.flatMap((o) => o.invoiceIds))];
  const [lines, receipts, bills, billLines, messages] = await Promise.all([
    odoo.read('purchaseOrderLine', orders.flatMap((o) => o.lineIds)),
    odoo.read('receipt', orders.flatMap((o) => o.pickingIds)),
    odoo.read('vendorBill', billIds),
    billIds.length ? odoo.search('vendorBillLine', { domain: [['move_id', 'in', billIds]] }) : Promise.resolve([]),
    options.messages ? odoo.search('poMessage', { domain: [['res_id', 'in', orderIds]], order: 'date asc, id asc', limit: 200 }) : Promise.resolve([]),
  ]);
  return orders.map((order) => {
    const lineIds = new Set(order.lineIds);
    const ownBills = new Set(order.invoiceIds);
    return {
      order,
      lines: lines.filter((l) => lineIds.has(l.id)),
      receipts: receipts.filter((r) => order.pickingIds.includes(r.id)),
      bills: bills.filter((b) => ownBills.has(b.id)),
      billLines: billLines.filter((l) => ownBills.has(l.bill.id)),
      messages: messages.filter((m) => m.orderId === order.id),
    };
  });
}
