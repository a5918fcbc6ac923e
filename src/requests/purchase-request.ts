import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { PostedMessage } from '../ports/chat.ts';

/**
 * requested: the draft RFQ holds the line and the buyer has the card; rfq_sent: the buyer sent it
 * to the vendor; confirmed: the PO is confirmed; received: the receipt is done. rejected: the buyer
 * refused it (the line left the RFQ). failed: Odoo refused the write (the requester is told why).
 */
export type RequestState = 'submitted' | 'requested' | 'rfq_sent' | 'confirmed' | 'received' | 'rejected' | 'failed';

export const STATE_WORDS: Record<RequestState, string> = {
  submitted: 'submitted',
  requested: 'requested',
  rfq_sent: 'RFQ sent',
  confirmed: 'confirmed',
  received: 'received',
  rejected: 'rejected',
  failed: 'failed',
};

export interface Named {
  id: number;
  name: string;
}

/** What the form carries once checked: every reference resolved against Odoo. */
export interface CheckedRequest {
  product: Named & { code: string | null; category: Named | null };
  quantity: number;
  uom: Named;
  warehouse: Named & { code: string; companyId: number; pickingTypeId: number };
  /** YYYY-MM-DD, in the policy's time zone. */
  neededBy: string;
  reason: string | null;
  vendor: Named;
  /** The vendor's price (product.supplierinfo), 0 when the vendor has none for the product. */
  price: number;
  attachment: string | null;
  /** Odoo login of the buyer the card goes to (policy `buyers:`, else the product's Responsible), null: nobody. */
  buyerLogin: string | null;
}

export interface PurchaseRequest {
  /** The idempotency key of the submission (digest of who, which form, what values). */
  id: string;
  /** Short reference shown to people and written on the RFQ line (REQ-XXXXXXXX). */
  ref: string;
  revision: number;
  state: RequestState;
  requester: { chat: ChatUserRef; login: string; name: string; odooUserId: number };
  request: CheckedRequest;
  /** Where the person filed it from (a permalink or the DM), for the chatter note. */
  chatLink: string | null;
  order: (Named & { lineId: number; grouped: boolean }) | null;
  buyerCards: PostedMessage[];
  /** Who acted last as buyer, and the reason of a rejection. */
  decidedBy: string | null;
  rejectReason: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /** When the buyer's silence becomes an exception (business hours from createdAt). */
  buyerDueAt: string | null;
  overdueRaised: boolean;
  receivedTold: boolean;
}

/** Raw form values, as a chat platform hands them over (ids as strings, empty as null). */
export interface RequestForm {
  productId: string | null;
  quantity: string | null;
  uomId: string | null;
  warehouseId: string | null;
  neededBy: string | null;
  reason: string | null;
  vendorId: string | null;
  attachment: string | null;
}

/** The form fields, the names errors are reported under (adapters map them to block ids / inputs). */
export type RequestField = keyof RequestForm;
