import type { ChangeCursor, OdooGateway } from '../../ports/odoo-gateway.ts';
import type { VendorBill } from '../../domain/odoo-records.ts';
import { parseExceptionKey } from '../exception.ts';
import { CountingReader, IN_CHUNK, type SourcePages, type SourceRead } from './source-read.ts';

const TYPES = ['bill-over-received', 'bill-price-mismatch', 'bill-without-po', 'bill-duplicate-ref', 'bill-nothing-received'] as const;
const PAGE = 500;

type Odoo = Pick<OdooGateway, 'scan' | 'scanChanges' | 'read' | 'search'>;

/**
 * What the three-way match needs of some candidate bills: their lines, the PO lines and orders they
 * bill, every other bill line of those PO lines (cumulative billing), and the bills sharing their
 * vendor references.
 */
async function withMatchRecords(r: CountingReader, candidates: VendorBill[]): Promise<SourceRead['snapshot']> {
  const byId = new Map(candidates.map((b) => [b.id, b]));
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
  return { vendorBills: [...byId.values()], vendorBillLines, purchaseOrderLines, purchaseOrders: [...orders.values()], companies };
}

/** In scope: keys of the bill types whose subject is one of these bill ids. */
function billsInScope(ids: ReadonlySet<number>) {
  return (key: string) => {
    const k = parseExceptionKey(key);
    return !!k && k.model === 'account.move' && (TYPES as readonly string[]).includes(k.type) && ids.has(k.id);
  };
}

/**
 * Vendor bills that changed since the cursor and are still open to payment, plus `recheck` (the
 * bills of open exceptions, whatever their state: a cancelled or corrected one clears), a page at
 * a time with what the match needs. Only the candidates' ids are kept across pages (for the
 * scope); `cursor()` is where the next scan of changes starts, once the pages are read.
 */
export function readBillPages(odoo: Odoo, options: { since: ChangeCursor | null; recheck: readonly number[]; pageSize?: number }): SourcePages & { cursor(): ChangeCursor | null } {
  const seen = new Set<number>();
  let cursor = options.since;
  return {
    types: TYPES,
    inScope: billsInScope(seen),
    cursor: () => cursor,
    async *pages() {
      for await (const page of odoo.scanChanges('vendorBill', { since: options.since, domain: [['state', '!=', 'cancel'], ['payment_state', 'not in', ['paid', 'reversed']]], pageSize: options.pageSize ?? PAGE })) {
        // At-least-once: a bill written during the scan comes again in a later page.
        const fresh = page.records.filter((b) => !seen.has(b.id));
        for (const b of fresh) seen.add(b.id);
        cursor = page.cursor;
        if (!fresh.length) continue;
        const r = new CountingReader(odoo);
        const snapshot = await withMatchRecords(r, fresh);
        yield { snapshot, types: TYPES, inScope: billsInScope(new Set(fresh.map((b) => b.id))), recordsRead: page.records.length + r.recordsRead };
      }
      const recheck = [...new Set(options.recheck)].filter((id) => !seen.has(id));
      for (let i = 0; i < recheck.length; i += IN_CHUNK) {
        const r = new CountingReader(odoo);
        const bills = await r.byIds('vendorBill', recheck.slice(i, i + IN_CHUNK));
        for (const id of recheck.slice(i, i + IN_CHUNK)) seen.add(id);
        yield { snapshot: await withMatchRecords(r, bills), types: TYPES, inScope: billsInScope(new Set(bills.map((b) => b.id))), recordsRead: r.recordsRead };
      }
    },
  };
}

/** Just these bills (a webhook), read in one go. */
export async function readBills(odoo: Odoo, ids: readonly number[]): Promise<SourceRead> {
  const r = new CountingReader(odoo);
  const bills = await r.byIds('vendorBill', ids);
  return { snapshot: await withMatchRecords(r, bills), types: TYPES, inScope: billsInScope(new Set(ids)), recordsRead: r.recordsRead };
}
