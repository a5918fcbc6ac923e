import type { ApprovalRequest } from '../../approvals/approval-request.ts';
import { purchaseOrderUrl } from '../../approvals/odoo-links.ts';
import type { ListItem, StatusAnswer } from '../status-answer.ts';
import type { StatusDeps } from '../status-deps.ts';
import type { ListQuery } from '../status-query.ts';
import type { Viewer } from '../viewer.ts';
import { listAnswer } from './paging.ts';

/** Pending requests the viewer may approve (the policy's authorize: chain, limit, company, SoD), oldest first. */
export async function pendingApprovalsFor(viewer: Viewer, deps: Pick<StatusDeps, 'store' | 'rules'>): Promise<ApprovalRequest[]> {
  const requests = await Promise.all((await deps.store.openIds()).map((id) => deps.store.get(id)));
  return requests
    .filter((r): r is ApprovalRequest => r !== null && r.status === 'pending')
    .filter((r) => deps.rules.authorize(r.ruleName, r.subject, viewer.odoo, 'approve').ok)
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.orderId - b.orderId);
}

export function approvalItem(r: ApprovalRequest, deps: Pick<StatusDeps, 'rules' | 'odooUrl'>, now: Date): ListItem {
  const since = new Date(r.requestedAt);
  return {
    orderId: r.orderId,
    orderName: r.snapshot.orderName,
    vendor: r.snapshot.vendorName,
    amountTotal: r.snapshot.amountTotal,
    currency: r.snapshot.currency,
    headline: `waiting ${deps.rules.age(since, now)} for approval (rule ${r.ruleName})`,
    since,
    odooUrl: purchaseOrderUrl(deps.odooUrl, r.orderId),
  };
}

/** "my approvals": what waits for the viewer's click, the longest waiting first. */
export async function myApprovals(query: Extract<ListQuery, { kind: 'my_approvals' }>, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const now = deps.now();
  const items = (await pendingApprovalsFor(viewer, deps)).map((r) => approvalItem(r, deps, now));
  return listAnswer(query, items, { title: 'Waiting for your approval', emptyText: 'Nothing waits for your approval.' }, deps.pageSize);
}
