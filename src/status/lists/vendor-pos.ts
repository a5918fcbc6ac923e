import type { ApprovalRequest } from '../../approvals/approval-request.ts';
import { purchaseOrderUrl } from '../../approvals/odoo-links.ts';
import { dayIn } from '../day-format.ts';
import { nextAction, type NextAction } from '../next-action.ts';
import { openExceptions } from '../open-exceptions.ts';
import { loadPoRecords } from '../po-records.ts';
import type { ListItem, StatusAnswer } from '../status-answer.ts';
import type { StatusDeps } from '../status-deps.ts';
import type { ListQuery } from '../status-query.ts';
import type { Viewer } from '../viewer.ts';
import { findVendorIds } from './find-names.ts';
import { listAnswer } from './paging.ts';
import type { VendorScorecardView } from '../status-insights.ts';

type VendorQuery = Extract<ListQuery, { kind: 'vendor_pos' }>;

/** The newest POs of a vendor that are ranked; older ones are history, found by their number. */
export const VENDOR_LIST_LIMIT = 100;

/** Lower is more urgent: an exception, then waiting approval, then any open step, then finished. */
function urgency(next: NextAction, exceptions: number, state: string): number {
  if (exceptions > 0) return 0;
  if (state === 'to approve') return 1;
  if (next.owner !== 'nobody') return state === 'draft' || state === 'sent' ? 3 : 2;
  return 4;
}

/**
 * The POs of a vendor (name contains the words) in the viewer's companies, each with its next
 * action, most urgent first. Ranks the newest VENDOR_LIST_LIMIT of them.
 */
export async function vendorPos(query: VendorQuery, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const title = `POs of ${query.vendor}`;
  const vendors = await findVendorIds(deps.odoo, query.vendor);
  if (vendors.length === 0) return listAnswer(query, [], { title, emptyText: `I know no vendor called "${query.vendor}".` }, deps.pageSize);
  const orders = await deps.odoo.search('purchaseOrder', {
    domain: [['partner_id', 'in', vendors], ['company_id', 'in', [...viewer.odoo.companyIds]]],
    order: 'id desc',
    limit: VENDOR_LIST_LIMIT,
  });
  const now = deps.now();
  const formatDate = dayIn(deps.timeZone);
  const records = await loadPoRecords(deps.odoo, orders);
  const requests = new Map<number, ApprovalRequest | null>(
    await Promise.all(orders.filter((o) => o.state === 'to approve').map(async (o) => [o.id, await deps.store.openFor(o.id)] as const)),
  );
  const ranked = records.map((r) => {
    const next = nextAction(r, requests.get(r.order.id) ?? null, now, { rules: deps.rules, approversAsked: deps.approversAsked, formatDate });
    const item: ListItem = {
      orderId: r.order.id,
      orderName: r.order.name,
      vendor: r.order.partner?.name ?? null,
      amountTotal: r.order.amountTotal,
      currency: r.order.currency?.name ?? null,
      headline: next.what,
      since: next.since,
      odooUrl: purchaseOrderUrl(deps.odooUrl, r.order.id),
    };
    return { item, rank: urgency(next, openExceptions(r, now).length, r.order.state) };
  });
  ranked.sort((a, b) => a.rank - b.rank || (a.item.since?.getTime() ?? Infinity) - (b.item.since?.getTime() ?? Infinity) || b.item.orderId - a.item.orderId);
  const answer = listAnswer(query, ranked.map((r) => r.item), { title, emptyText: `${query.vendor} has no purchase orders in your companies.` }, deps.pageSize);
  const scorecard = query.page === 1 ? await vendorScorecard(orders, deps) : null;
  if (scorecard && answer.kind === 'list') answer.list.scorecard = scorecard;
  return answer;
}

/**
 * The scorecard of the vendor the words mean: of the vendors matched, the one with the most of
 * the listed orders (`Acme` matching "Acme Industrial" and "Acme Parts": the one you buy from).
 * None without the control tower, or when the measures cannot be read now (the list still answers).
 */
async function vendorScorecard(orders: ReadonlyArray<{ partner: { id: number } | null }>, deps: StatusDeps): Promise<VendorScorecardView | null> {
  const insights = deps.insights;
  if (!insights) return null;
  const counts = new Map<number, number>();
  for (const o of orders) if (o.partner) counts.set(o.partner.id, (counts.get(o.partner.id) ?? 0) + 1);
  const [vendorId] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  if (vendorId === undefined) return null;
  const now = deps.now();
  const card = await insights.reader.vendorScorecard(vendorId, insights.period(now)).catch(() => null);
  if (!card) return null;
  return { vendorId, vendorName: card.vendor.name, weeks: insights.weeks, total: card.total, chartUrl: insights.vendorChartUrl(vendorId, now) };
}
