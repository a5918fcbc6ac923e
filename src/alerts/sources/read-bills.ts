import type { ChangeCursor, OdooGateway } from '../../ports/odoo-gateway.ts';
import type { VendorBill } from '../../domain/odoo-records.ts';
import { keysOfSubjects, CountingReader, type SourceRead } from './source-read.ts';

const TYPES = ['bill-over-received', 'bill-price-mismatch', 'bill-without-po', 'bill-duplicate-ref', 'bill-nothing-received'] as const;

/**
 * Vendor bills that changed since the cursor and are still open to payment, plus `recheck` (the
 * bills of open exceptions, whatever their state: a cancelled or corrected one clears), with what
 * the three-way match needs: their lines, the PO lines and orders they bill, every other bill line
 * of those PO lines (cumulative billing), and the bills sharing their vendor references.
 */
export async function readBills(
  odoo: Pick<OdooGateway, 'scan' | 'scanChanges' | 'read' | 'search'>,
  options: { since: ChangeCursor | null; recheck: readonly number[]; changes?: boolean },
): Promise<SourceRead & { cursor: ChangeCursor | null }> {
  const r = new CountingReader(odoo);
  const byId = new Map<number, VendorBill>();
  let cursor = options.since;
  if (options.changes !== false) {
    for await (const page of odoo.scanChanges('vendorBill', { since: options.since, domain: [['state', '!=', 'cancel'], ['payment_state', 'not in', ['paid', 'reversed']]], pageSize: 500 })) {
      r.recordsRead += page.records.length;
      for (const b of page.records) byId.set(b.id, b);
      cursor = page.cursor;
    }
  }
  for (const b of await r.byIds('vendorBill', options.recheck.filter((id) => !byId.has(id)))) byId.set(b.id, b);
  const candidates = [...byId.values()];
  const lines = await r.where('vendorBillLine', 'move_id', candidates.map((b) => b.id));
  const poLineIds = lines.flatMap((l) => (l.purchaseLine ? [l.purchaseLine.id] : []));
  const [purchaseOrderLines, otherLines] = await Promise.all([r.byIds('purchaseOrderLine', poLineIds), r.where('vendorBillLine', 'purchase_line_id', poLineIds)]);
  const origins = candidates.flatMap((b) => (b.invoiceOrigin ? b.invoiceOrigin.split(',').map((s) => s.trim()).filter(Boolean) : []));
  const refs = candidates.flatMap((b) => (b.ref ? [b.ref] : []));
  const [ordersById, ordersByName, sameRef, companies] = await Promise.all([
    r.byIds('purchaseOrder', purchaseOrderLines.map((l) => l.order.id)),
    r.where('purchaseOrder', 'name', origins),
    r.where('vendorBill', 'ref', refs, [['state', '!=', 'cancel']]),
    r.all('company', []),
  ]);
  const lineIds = new Set(lines.map((l) => l.id));
  const vendorBillLines = [...lines, ...otherLines.filter((l) => !lineIds.has(l.id))];
  const extraBillIds = vendorBillLines.map((l) => l.bill.id).filter((id) => !byId.has(id));
  for (const b of [...sameRef, ...(await r.byIds('vendorBill', extraBillIds))]) if (!byId.has(b.id)) byId.set(b.id, b);
  const orders = new Map([...ordersById, ...ordersByName].map((o) => [o.id, o]));
  return {
    snapshot: { vendorBills: [...byId.values()], vendorBillLines, purchaseOrderLines, purchaseOrders: [...orders.values()], companies },
    types: TYPES,
    inScope: keysOfSubjects(TYPES, 'account.move', candidates.map((b) => b.id)),
    recordsRead: r.recordsRead,
    cursor,
  };
}
