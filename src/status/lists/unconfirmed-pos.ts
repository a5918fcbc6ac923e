import { purchaseOrderUrl } from '../../approvals/odoo-links.ts';
import type { OdooDomain } from '../../ports/odoo-gateway.ts';
import { dayIn, daysWords } from '../day-format.ts';
import type { ListItem, StatusAnswer } from '../status-answer.ts';
import type { StatusDeps } from '../status-deps.ts';
import type { ListQuery } from '../status-query.ts';
import type { Viewer } from '../viewer.ts';
import { findVendorIds } from './find-names.ts';
import { pageIds, pagedAnswer } from './paging.ts';

type UnconfirmedQuery = Extract<ListQuery, { kind: 'unconfirmed' }>;

/**
 * Confirmed POs whose vendor has not confirmed the receipt date (`mail_reception_confirmed`),
 * confirmed more than N days ago and not fully received yet, the oldest first.
 */
export async function unconfirmedPos(query: UnconfirmedQuery, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - query.olderThanDays * 86_400_000);
  const title = `Not confirmed by the vendor after ${query.olderThanDays} day${query.olderThanDays === 1 ? '' : 's'}${query.vendor ? `, from ${query.vendor}` : ''}`;
  const domain: OdooDomain[number][] = [
    ['state', '=', 'purchase'],
    ['mail_reception_confirmed', '=', false],
    ['receipt_status', '!=', 'full'],
    ['date_approve', '<', cutoff],
    ['company_id', 'in', [...viewer.odoo.companyIds]],
  ];
  if (query.vendor) {
    const vendors = await findVendorIds(deps.odoo, query.vendor);
    if (vendors.length === 0) return pagedAnswer(query, [], 0, { title, emptyText: `I know no vendor called "${query.vendor}".` }, deps.pageSize);
    domain.push(['partner_id', 'in', vendors]);
  }
  const ids = await deps.odoo.searchIds('purchase.order', domain, { order: 'date_approve asc, id asc' });
  const page = pageIds(ids, query.page, deps.pageSize);
  const orders = new Map((await deps.odoo.read('purchaseOrder', page)).map((o) => [o.id, o]));
  const formatDate = dayIn(deps.timeZone);
  const items: ListItem[] = page.flatMap((id) => {
    const o = orders.get(id);
    if (!o) return [];
    const since = o.dateApprove ?? o.writeDate;
    return [{
      orderId: o.id,
      orderName: o.name,
      vendor: o.partner?.name ?? null,
      amountTotal: o.amountTotal,
      currency: o.currency?.name ?? null,
      headline: `confirmed ${daysWords(since, now)} ago, no vendor confirmation${o.datePlanned ? `; expected ${formatDate(o.datePlanned)}` : ''}`,
      since,
      odooUrl: purchaseOrderUrl(deps.odooUrl, o.id),
    }];
  });
  return pagedAnswer(query, items, ids.length, { title, emptyText: `Every PO confirmed more than ${query.olderThanDays} days ago has its vendor's confirmation.` }, deps.pageSize);
}
