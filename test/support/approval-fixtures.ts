import type { ApprovalRequest, Decision } from '../../src/approvals/approval-request.ts';

/** A pending request for PO 42, as requestApproval would open it. */
export function pendingRequest(overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return {
    id: 'po-42-abc123def456',
    orderId: 42,
    revision: 1,
    version: 'abc123def456',
    snapshot: {
      orderId: 42, orderName: 'P00042', state: 'to approve', vendorId: 15, vendorName: 'Azure Interior', amountTotal: 12000, currency: 'USD',
      companyId: 1, companyName: 'Northgate Supply Group', buyerId: 8, buyerName: 'Bea Buyer', creatorId: 8, datePlanned: '2026-12-01T10:00:00.000Z',
      lines: [{ productId: 16, description: '[E-COM06] Corner Desk Right Sit', quantity: 80, uom: 'Units', priceUnit: 150, subtotal: 12000, categoryName: 'Furniture' }],
    },
    subject: {
      orderId: 42, orderName: 'P00042', company: { id: 1, name: 'Northgate Supply Group' }, currency: 'USD', amount: 12000,
      vendor: { id: 15, name: 'Azure Interior' }, categories: [{ id: 3, name: 'Furniture' }], warehouses: [{ id: 1, name: 'Joliet DC', code: 'WH' }], buyerId: 8, creatorId: 8,
    },
    changes: [],
    ruleName: 'over-5000',
    reason: 'amount 12,000.00 USD is over 5,000',
    rejectAction: 'cancel',
    confirmAbove: 10000,
    requestedAt: '2026-11-26T22:17:21.000Z',
    status: 'pending',
    decision: null,
    writeback: null,
    elsewhere: null,
    targets: [{ kind: 'channel', platform: 'slack', channel: 'C-APPROVALS' }],
    cards: [],
    ...overrides,
  };
}

export function decisionBy(userId: string, overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'approve-po-42-abc123def456',
    action: 'approve',
    actor: { platform: 'slack', userId, displayName: userId },
    odooUserId: 9,
    odooLogin: `${userId}@example.com`,
    reason: null,
    version: 'abc123def456',
    at: '2026-11-26T22:20:00.000Z',
    channel: 'C-APPROVALS',
    ...overrides,
  };
}
