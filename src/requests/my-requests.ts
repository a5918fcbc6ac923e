/** The requester's own requests, for `/po mine` and the Home tab: newest first, with their state. */
import { purchaseOrderUrl } from '../approvals/odoo-links.ts';
import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { STATE_WORDS } from './purchase-request.ts';
import { formatQuantity } from './request-card-view.ts';
import type { RequestDeps } from './request-deps.ts';

export interface MyRequestLine {
  ref: string;
  text: string;
  state: string;
  orderUrl: string | null;
}

export const REQUEST_STEPS = ['requested', 'RFQ sent', 'confirmed', 'received'] as const;

export async function myRequests(chat: ChatUserRef, deps: Pick<RequestDeps, 'identify' | 'store' | 'odooUrl'>, limit = 10): Promise<{ ok: true; lines: MyRequestLine[] } | { ok: false; message: string }> {
  const who = await deps.identify(chat);
  if (!who.ok) return { ok: false, message: who.message };
  const list = await deps.store.forRequester(who.viewer.odoo.login, limit);
  return {
    ok: true,
    lines: list.map((r) => ({
      ref: r.ref,
      state: STATE_WORDS[r.state],
      text: `${r.ref}: ${formatQuantity(r.request.quantity)} ${r.request.uom.name} ${r.request.product.name} for ${r.request.warehouse.code} by ${r.request.neededBy}, ${STATE_WORDS[r.state]}${r.order ? ` (${r.order.name})` : ''}${r.state === 'rejected' && r.rejectReason ? `: ${r.rejectReason}` : ''}${r.overdueRaised && r.state === 'requested' ? ' (waiting too long for a buyer)' : ''}`,
      orderUrl: r.order ? purchaseOrderUrl(deps.odooUrl, r.order.id) : null,
    })),
  };
}
