import { purchaseOrderUrl } from '../approvals/odoo-links.ts';
import { STATE_WORDS, type PurchaseRequest, type RequestState } from './purchase-request.ts';

/** What a buyer's card shows (platform-neutral; Slack blocks and Teams cards render it). */
export interface RequestCardView {
  requestId: string;
  ref: string;
  state: RequestState;
  stateWords: string;
  requester: string;
  product: string;
  quantity: string;
  warehouse: string;
  neededBy: string;
  vendor: string;
  reason: string | null;
  attachment: string | null;
  order: { name: string; url: string; grouped: boolean } | null;
  /** "RFQ sent by Jordan Blake", "Rejected by ...: reason". */
  outcome: string | null;
  /** Buttons (Convert to RFQ sent / Ask requester / Reject) only while waiting for the buyer. */
  actionable: boolean;
  overdue: boolean;
}

export function requestCardView(r: PurchaseRequest, odooUrl: string): RequestCardView {
  const q = r.request;
  const outcome =
    r.state === 'rejected' ? `Rejected by ${r.decidedBy ?? 'someone'}: ${r.rejectReason ?? ''}`.trim()
    : r.state === 'rfq_sent' ? `RFQ sent to ${q.vendor.name}${r.decidedBy ? ` by ${r.decidedBy}` : ''}`
    : r.state === 'confirmed' ? 'Purchase order confirmed'
    : r.state === 'received' ? 'Received'
    : r.state === 'failed' ? `Could not be written to Odoo: ${r.error ?? 'unknown error'}`
    : null;
  return {
    requestId: r.id,
    ref: r.ref,
    state: r.state,
    stateWords: STATE_WORDS[r.state],
    requester: r.requester.name,
    product: q.product.code ? `[${q.product.code}] ${q.product.name}` : q.product.name,
    quantity: `${formatQuantity(q.quantity)} ${q.uom.name}`,
    warehouse: `${q.warehouse.name} (${q.warehouse.code})`,
    neededBy: q.neededBy,
    vendor: q.vendor.name,
    reason: q.reason,
    attachment: q.attachment,
    order: r.order ? { name: r.order.name, url: purchaseOrderUrl(odooUrl, r.order.id), grouped: r.order.grouped } : null,
    outcome,
    actionable: r.state === 'requested',
    overdue: r.overdueRaised && r.state === 'requested',
  };
}

export function formatQuantity(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
