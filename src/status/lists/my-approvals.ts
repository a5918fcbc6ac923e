import { currentLevel, levelDecidedBy } from '../../approvals/approval-chain.ts';
import type { ApprovalRequest, OnBehalfOf } from '../../approvals/approval-request.ts';
import { authorizeClicker } from '../../approvals/authorize-clicker.ts';
import { memoizedLookup } from '../../approvals/delegation-routing.ts';
import { purchaseOrderUrl } from '../../approvals/odoo-links.ts';
import type { ListItem, StatusAnswer } from '../status-answer.ts';
import type { StatusDeps } from '../status-deps.ts';
import type { ListQuery } from '../status-query.ts';
import type { Viewer } from '../viewer.ts';
import { listAnswer } from './paging.ts';

/** A request the viewer may decide now: as themselves (onBehalfOf null), or as an absent approver's delegate. */
export interface PendingApproval {
  request: ApprovalRequest;
  onBehalfOf: OnBehalfOf | null;
}

type PendingDeps = Pick<StatusDeps, 'store' | 'rules' | 'odoo' | 'now' | 'delegations'>;

/**
 * Pending requests the viewer may approve, judged as a click would be (authorizeClicker: the
 * policy's chain, limit, company and segregation of duties, or a delegate's authority with their
 * own limit); a sequential chain only while it waits on a level the viewer is asked at and
 * whose other levels they did not decide. Oldest first.
 */
export async function pendingApprovalsWithDelegation(viewer: Viewer, deps: PendingDeps): Promise<PendingApproval[]> {
  const requests = (await Promise.all((await deps.store.openIds()).map((id) => deps.store.get(id)))).filter((r): r is ApprovalRequest => r !== null && r.status === 'pending');
  // One pass over many requests: read the delegations once, not once per request.
  const delegations = deps.delegations ? memoizedLookup(deps.delegations) : undefined;
  const now = deps.now();
  const authDeps = { rules: deps.rules, odoo: deps.odoo, now: () => now, ...(delegations ? { delegations } : {}) };
  const out: PendingApproval[] = [];
  for (const r of requests) {
    const level = r.chain ? currentLevel(r.chain) : null;
    if (r.chain && (!level || levelDecidedBy(r.chain, viewer.odoo.odooUserId))) continue;
    const auth = await authorizeClicker(r, viewer.odoo, 'approve', level?.level, authDeps);
    if (auth.ok) out.push({ request: r, onBehalfOf: auth.onBehalfOf });
  }
  return out.sort((a, b) => a.request.requestedAt.localeCompare(b.request.requestedAt) || a.request.orderId - b.request.orderId);
}

/**
 * One request as a list item: how long it has waited (on its current level, for a chain) and,
 * for a delegate, whom they would decide it for.
 */
export function approvalItem(r: ApprovalRequest, deps: Pick<StatusDeps, 'rules' | 'odooUrl'>, now: Date, onBehalfOf: Pick<OnBehalfOf, 'name'> | null = null): ListItem {
  const since = new Date(r.requestedAt);
  const level = r.chain ? currentLevel(r.chain) : null;
  const waiting = level ? `waiting ${deps.rules.age(new Date(level.since ?? r.requestedAt), now)} on level ${level.level} (${level.label})` : `waiting ${deps.rules.age(since, now)} for approval`;
  return {
    orderId: r.orderId,
    orderName: r.snapshot.orderName,
    vendor: r.snapshot.vendorName,
    amountTotal: r.snapshot.amountTotal,
    currency: r.snapshot.currency,
    headline: `${waiting} (rule ${r.ruleName})${onBehalfOf ? `, on behalf of ${onBehalfOf.name}` : ''}`,
    since,
    odooUrl: purchaseOrderUrl(deps.odooUrl, r.orderId),
  };
}

/** "my approvals": what waits for the viewer's click (their own, and as a delegate), the longest waiting first. */
export async function myApprovals(query: Extract<ListQuery, { kind: 'my_approvals' }>, viewer: Viewer, deps: StatusDeps): Promise<StatusAnswer> {
  const now = deps.now();
  const items = (await pendingApprovalsWithDelegation(viewer, deps)).map((p) => approvalItem(p.request, deps, now, p.onBehalfOf));
  return listAnswer(query, items, { title: 'Waiting for your approval', emptyText: 'Nothing waits for your approval.' }, deps.pageSize);
}
