import type { PurchaseOrderState } from '../domain/odoo-records.ts';

/** purchase.order.state as people say it (Odoo's own labels, where they are clear). */
export const STATE_WORDS: Record<PurchaseOrderState, string> = {
  draft: 'RFQ (draft)',
  sent: 'RFQ sent to the vendor',
  'to approve': 'Waiting for approval',
  purchase: 'Purchase order (confirmed)',
  done: 'Locked (completed)',
  cancel: 'Cancelled',
};
