/** Typed records for the status tests: sensible defaults, override what a test is about. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import type { PoMessage, PurchaseOrder, PurchaseOrderLine, Receipt, Ref, VendorBill, VendorBillLine } from '../../src/domain/odoo-records.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { approversAskedFrom } from '../../src/status/approvers-asked.ts';
import type { NextActionDeps } from '../../src/status/next-action.ts';
import type { PoRecords } from '../../src/status/po-records.ts';
import { dayIn } from '../../src/status/day-format.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

export const at = (iso: string) => new Date(iso);
export const ACME: Ref = { id: 50, name: 'Acme Janitorial' };
export const BUYER: Ref = { id: 7, name: 'Megan Holt' };
export const US_CO: Ref = { id: 1, name: 'Northgate Supply Group' };
export const JOLIET: Ref = { id: 1, name: 'Joliet DC' };

/** The approval end-to-end policy: America/Chicago, Mon-Fri 08:00-18:00; rule us-approvals over 5,000. */
export function testPolicy(): Policy {
  return parsePolicy(readFileSync(resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'), 'utf8'), 'approval-policy.yaml');
}

export function nextDeps(policy: Policy = testPolicy()): NextActionDeps {
  return { rules: policyRules(policy, ['slack']), approversAsked: approversAskedFrom(policy), formatDate: dayIn('America/Chicago') };
}

export function po(over: Partial<PurchaseOrder> = {}): PurchaseOrder {
  const id = over.id ?? 42;
  return {
    id, name: `P${String(id).padStart(5, '0')}`, state: 'purchase', partner: ACME, buyer: BUYER, createdBy: BUYER, company: US_CO, currency: { id: 1, name: 'USD' },
    amountUntaxed: 12_000, amountTotal: 12_000, dateOrder: at('2026-11-09T15:00:00Z'), dateApprove: at('2026-11-10T16:00:00Z'), datePlanned: at('2026-11-20T15:00:00Z'),
    partnerRef: null, origin: null, lineIds: [1], pickingIds: [], invoiceIds: [], receiptStatus: 'pending', invoiceStatus: 'no', writeDate: at('2026-11-10T16:00:00Z'),
    pickingType: { id: 1, name: 'Joliet DC: Receipts' }, warehouse: JOLIET, receptionConfirmed: true, notes: null, ...over,
  };
}

export function line(over: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine {
  return {
    id: 1, order: { id: 42, name: 'P00042' }, product: { id: 9, name: '[AJ-MH24] Mop head' }, name: 'Mop head', displayType: null, quantity: 80, qtyReceived: 0, qtyInvoiced: 0,
    priceUnit: 150, priceSubtotal: 12_000, datePlanned: at('2026-11-20T15:00:00Z'), uom: { id: 1, name: 'Units' }, productCategory: null, writeDate: at('2026-11-10T16:00:00Z'), ...over,
  };
}

export function receipt(over: Partial<Receipt> = {}): Receipt {
  return {
    id: 100, name: 'WH/IN/00100', state: 'assigned', scheduledDate: at('2026-11-20T15:00:00Z'), dateDeadline: null, dateDone: null, origin: 'P00042',
    purchaseOrder: { id: 42, name: 'P00042' }, partner: ACME, pickingType: { id: 1, name: 'Joliet DC: Receipts' }, warehouse: JOLIET, backorderOf: null, writeDate: at('2026-11-10T16:00:00Z'), ...over,
  };
}

export function bill(over: Partial<VendorBill> = {}): VendorBill {
  return {
    id: 300, name: 'BILL/2026/11/0003', ref: 'INV-77', state: 'posted', partner: ACME, invoiceOrigin: 'P00042', amountTotal: 12_000, paymentState: 'not_paid', currency: { id: 1, name: 'USD' },
    invoiceDate: '2026-11-24', invoiceDateDue: '2026-12-24', writeDate: at('2026-11-24T10:00:00Z'), ...over,
  };
}

export function billLine(over: Partial<VendorBillLine> = {}): VendorBillLine {
  return { id: 400, bill: { id: 300, name: 'BILL/2026/11/0003' }, purchaseLine: { id: 1, name: 'Mop head' }, product: { id: 9, name: '[AJ-MH24] Mop head' }, name: 'Mop head', quantity: 80, priceUnit: 150, priceSubtotal: 12_000, ...over };
}

export function message(over: Partial<PoMessage> = {}): PoMessage {
  return { id: 500, orderId: 42, messageType: 'notification', subtype: null, author: null, emailFrom: null, subject: null, body: null, date: at('2026-11-09T16:00:00Z'), writeDate: at('2026-11-09T16:00:00Z'), ...over };
}

export function records(over: Partial<PoRecords> = {}): PoRecords {
  return { order: po(), lines: [line()], receipts: [], bills: [], billLines: [], messages: [], ...over };
}

/** A pending request for P00042 under rule us-approvals, requested Monday 2026-11-23 09:00 Chicago. */
export function pending(over: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return {
    id: 'po-42-v1', orderId: 42, revision: 1, version: 'v1',
    snapshot: { orderId: 42, orderName: 'P00042', state: 'to approve', vendorId: ACME.id, vendorName: ACME.name, amountTotal: 12_000, currency: 'USD', companyId: 1, companyName: US_CO.name, buyerId: BUYER.id, buyerName: BUYER.name, creatorId: BUYER.id, datePlanned: null, lines: [] },
    subject: { orderId: 42, orderName: 'P00042', company: US_CO, currency: 'USD', amount: 12_000, vendor: ACME, categories: [], warehouses: [], buyerId: BUYER.id, creatorId: BUYER.id },
    changes: [], ruleName: 'us-approvals', reason: 'over 5,000', rejectAction: 'cancel', confirmAbove: 15_000, requestedAt: '2026-11-23T15:00:00.000Z',
    status: 'pending', decision: null, writeback: null, elsewhere: null, targets: [], cards: [], ...over,
  };
}
