import { purchaseOrderUrl } from '../../approvals/odoo-links.ts';
import type { PurchaseOrderLine } from '../../domain/odoo-records.ts';
import { dayIn, dayToInstant } from '../day-format.ts';
import { billMismatches, describeException, isOpenBill, lateReceipts, type OpenException } from '../open-exceptions.ts';
import type { ListItem, StatusAnswer } from '../status-answer.ts';
import type { StatusDeps } from '../status-deps.ts';
import type { ListQuery } from '../status-query.ts';
import type { Viewer } from '../viewer.ts';
import { listAnswer } from './paging.ts';

/** Upper bound of rows read per kind: a buyer with more open problems than this has other worries. */
const MAX_ROWS = 5_000;

interface Flagged {
  exceptions: OpenException[];
  /** When the oldest of them started: the list's urgency. */
  since: Date;
}

/**
 * The viewer's own POs (buyer = viewer) with an open exception: late receipts, and open bills
 * that do not match the PO or what was received. Two narrow searches rather than reading every
 * PO of the buyer: late pickings by date, and only the PO lines something was billed on.
 */
export async function myExceptionItems(viewer: Viewer, deps: StatusDeps): Promise<ListItem[]> {
  const now = deps.now();
  const uid = viewer.odoo.odooUserId;
  const companies = viewer.odoo.companyIds;
  const [late, lines] = await Promise.all([
    deps.odoo.search('receipt', {
      domain: [['purchase_id.user_id', '=', uid], ['purchase_id.company_id', 'in', companies], ['state', 'not in', ['done', 'cancel']], ['scheduled_date', '<', now]],
      order: 'scheduled_date asc, id asc',
      limit: MAX_ROWS,
    }),
    deps.odoo.search('purchaseOrderLine', {
      domain: [['order_id.user_id', '=', uid], ['order_id.company_id', 'in', companies], ['order_id.state', 'in', ['purchase', 'done']], ['qty_invoiced', '>', 0]],
      limit: MAX_ROWS,
    }),
  ]);
  const billLines = lines.length ? await deps.odoo.search('vendorBillLine', { domain: [['purchase_line_id', 'in', lines.map((l) => l.id)]], limit: MAX_ROWS * 2 }) : [];
  const bills = await deps.odoo.read('vendorBill', [...new Set(billLines.map((l) => l.bill.id))]);

  const flagged = new Map<number, Flagged>();
  const flag = (orderId: number, found: OpenException[], since: Date) => {
    if (found.length === 0) return;
    const f = flagged.get(orderId) ?? { exceptions: [], since };
    f.exceptions.push(...found);
    if (since < f.since) f.since = since;
    flagged.set(orderId, f);
  };
  for (const r of late) if (r.purchaseOrder) flag(r.purchaseOrder.id, lateReceipts([r], now), r.scheduledDate ?? now);
  const byOrder = new Map<number, PurchaseOrderLine[]>();
  for (const l of lines) byOrder.set(l.order.id, [...(byOrder.get(l.order.id) ?? []), l]);
  for (const [orderId, orderLines] of byOrder) {
    const found = billMismatches(orderLines, bills, billLines);
    const lineIds = new Set(orderLines.map((l) => l.id));
    const billDates = bills
      .filter((b) => isOpenBill(b) && billLines.some((bl) => bl.bill.id === b.id && bl.purchaseLine !== null && lineIds.has(bl.purchaseLine.id)))
      .map((b) => (b.invoiceDate ? dayToInstant(b.invoiceDate) : b.writeDate));
    flag(orderId, found, billDates.sort((a, b) => a.getTime() - b.getTime())[0] ?? now);
  }

  const orders = await deps.odoo.read('purchaseOrder', [...flagged.keys()]);
  const formatDate = dayIn(deps.timeZone);
  return orders
    .map((o) => {
      const f = flagged.get(o.id)!;
      const [first, ...rest] = f.exceptions;
      return {
        orderId: o.id,
        orderName: o.name,
        vendor: o.partner?.name ?? null,
        amountTotal: o.amountTotal,
        currency: o.currency?.name ?? null,
        headline: `${describeException(first!, formatDate)}${rest.length ? ` (+${rest.length} more)` : ''}`,
        since: f.since,
        odooUrl: purchaseOrderUrl(deps.odooUrl, o.id),
      };
    })
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.orderId - b.orderId);
}

/** "mine": the viewer's POs with open exceptions, the oldest problem first. */
export async function myExceptions(query: Extract<ListQuery, { kind: 'my_exceptions' }>, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const items = await myExceptionItems(viewer, deps);
  return listAnswer(query, items, { title: 'Your POs with open exceptions', emptyText: 'None of your POs has an open exception.' }, deps.pageSize);
}
