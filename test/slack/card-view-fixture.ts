import type { ApprovalCardLine, ApprovalCardView } from '../../src/approvals/approval-card-view.ts';

/** A pending card view for P00042; override what a test is about. */
export function cardView(overrides: Partial<ApprovalCardView> = {}): ApprovalCardView {
  return {
    requestId: 'req-po-42',
    version: 'v7a1b2c3d4',
    orderId: 42,
    orderName: 'P00042',
    vendorName: 'Acme Industrial Supply',
    amountTotal: 12_500,
    currency: 'EUR',
    buyerName: 'Bob Buyer',
    companyName: 'Distri NL',
    datePlanned: '2026-03-02T09:00:00Z',
    lines: [line(1), line(2)],
    moreLines: 0,
    reason: 'Amount above €10,000 for company Distri NL',
    ruleName: 'nl-over-10k',
    requestedAt: '2026-02-27T08:00:00Z',
    ageText: '2 business hours',
    odooUrl: 'https://odoo.example.com/odoo/action-purchase.purchase_rfq/42',
    confirmApprove: false,
    status: { kind: 'pending' },
    ...overrides,
  };
}

export function line(n: number, description = `Steel bolts M${n}`): ApprovalCardLine {
  return { description, quantity: n * 10, uom: 'Units', priceUnit: 1.25, subtotal: n * 12.5 };
}
