import { purchaseOrderUrl } from '../../approvals/odoo-links.ts';
import type { OdooDomain } from '../../ports/odoo-gateway.ts';
import { dayIn } from '../day-format.ts';
import { describeException, lateReceipts } from '../open-exceptions.ts';
import type { ListItem, StatusAnswer } from '../status-answer.ts';
import type { StatusDeps } from '../status-deps.ts';
import type { ListQuery } from '../status-query.ts';
import type { Viewer } from '../viewer.ts';
import { findVendorIds, findWarehouses } from './find-names.ts';
import { pageIds, pagedAnswer } from './paging.ts';

type LateQuery = Extract<ListQuery, { kind: 'late_receipts' }>;

/**
 * Incoming receipts past their scheduled date in the viewer's companies, at a warehouse and/or
 * from a vendor, the latest first. Counts the ids, then reads only the page.
 */
export async function lateReceiptsList(query: LateQuery, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const now = deps.now();
  const title = `Late receipts${query.vendor ? ` from ${query.vendor}` : ''}${query.warehouse ? ` at ${query.warehouse}` : ''}`;
  const domain: OdooDomain[number][] = [
    ['picking_type_code', '=', 'incoming'],
    ['state', 'not in', ['done', 'cancel']],
    ['scheduled_date', '<', now],
    ['company_id', 'in', [...viewer.odoo.companyIds]],
  ];
  let where = '';
  if (query.warehouse) {
    const { matched, all } = await findWarehouses(deps.odoo, query.warehouse, viewer.odoo.companyIds);
    if (matched.length === 0) {
      const known = all.map((w) => (w.code ? `${w.name} (${w.code})` : w.name)).join(', ');
      return pagedAnswer(query, [], 0, { title, emptyText: `I know no warehouse called "${query.warehouse}". Your warehouses: ${known || 'none'}.` }, deps.pageSize);
    }
    domain.push(['picking_type_id.warehouse_id', 'in', matched.map((w) => w.id)]);
    where = ` at ${matched.map((w) => w.name).join(', ')}`;
  }
  if (query.vendor) {
    const vendors = await findVendorIds(deps.odoo, query.vendor);
    if (vendors.length === 0) return pagedAnswer(query, [], 0, { title, emptyText: `I know no vendor called "${query.vendor}".` }, deps.pageSize);
    domain.push(['purchase_id.partner_id', 'in', vendors]);
  }
  const ids = await deps.odoo.searchIds('stock.picking', domain, { order: 'scheduled_date asc, id asc' });
  const page = pageIds(ids, query.page, deps.pageSize);
  const receipts = await deps.odoo.read('receipt', page);
  const orders = await deps.odoo.read('purchaseOrder', [...new Set(receipts.flatMap((r) => (r.purchaseOrder ? [r.purchaseOrder.id] : [])))]);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const formatDate = dayIn(deps.timeZone);
  const byId = new Map(receipts.map((r) => [r.id, r]));
  const items: ListItem[] = page.flatMap((id) => {
    const r = byId.get(id);
    const [late] = r ? lateReceipts([r], now) : [];
    if (!r || !late) return [];
    const o = r.purchaseOrder ? orderById.get(r.purchaseOrder.id) : undefined;
    return [{
      orderId: o?.id ?? 0,
      orderName: o?.name ?? r.origin ?? r.name,
      vendor: o?.partner?.name ?? r.partner?.name ?? null,
      amountTotal: o?.amountTotal ?? 0,
      currency: o?.currency?.name ?? null,
      headline: describeException(late, formatDate),
      since: r.scheduledDate,
      odooUrl: o ? purchaseOrderUrl(deps.odooUrl, o.id) : `${deps.odooUrl.replace(/\/+$/, '')}/web#id=${r.id}&model=stock.picking&view_type=form`,
    }];
  });
  const whom = query.vendor ? ` from ${query.vendor}` : '';
  return pagedAnswer(query, items, ids.length, { title, emptyText: `Nothing is late${whom}${where}.` }, deps.pageSize);
}
