import { describe, expect, it } from 'vitest';
import type { Company, PurchaseOrder, PurchaseOrderLine } from '../../src/domain/odoo-records.ts';
import { approvalSubjectFrom } from '../../src/policy/approval-subject.ts';

const USD = { id: 2, name: 'USD' };
const company: Company = { id: 1, name: 'Northgate Supply Group', currency: USD, poDoubleValidation: 'two_step', poDoubleValidationAmount: 5000 };
const at = new Date('2026-11-23T15:00:00Z');
const order: PurchaseOrder = {
  id: 42, name: 'P00042', state: 'to approve', partner: { id: 501, name: 'Brightline LED Supply' }, buyer: { id: 20, name: 'Jordan Blake' },
  createdBy: { id: 21, name: 'Priya Nair' }, company: { id: 1, name: 'Northgate Supply Group' }, currency: USD, amountUntaxed: 12000, amountTotal: 12000,
  dateOrder: at, dateApprove: null, datePlanned: at, partnerRef: null, origin: null, lineIds: [1, 2, 3], pickingIds: [], invoiceIds: [],
  receiptStatus: null, invoiceStatus: 'no', writeDate: at, receptionConfirmed: null, notes: null,
  pickingType: { id: 7, name: 'Joliet DC: Receipts' }, warehouse: { id: 1, name: 'Joliet DC' },
};
function line(id: number, category: { id: number; name: string } | null, displayType: PurchaseOrderLine['displayType'] = null): PurchaseOrderLine {
  return {
    id, order: { id: 42, name: 'P00042' }, product: displayType ? null : { id: id + 100, name: 'x' }, name: 'x', displayType, quantity: 1, qtyReceived: 0,
    qtyInvoiced: 0, priceUnit: 1, priceSubtotal: 1, datePlanned: at, uom: null, productCategory: category, writeDate: at,
  };
}

describe('approvalSubjectFrom', () => {
  it('gathers what the policy looks at from the Odoo records', () => {
    const lighting = { id: 36, name: 'All / Electrical & Lighting' };
    const s = approvalSubjectFrom({
      order,
      lines: [line(1, lighting), line(2, lighting), line(3, null, 'line_section')],
      company,
      warehouses: [{ id: 1, name: 'Joliet DC', code: 'WH', company: null, receiptType: null }],
    });
    expect(s).toEqual({
      orderId: 42, orderName: 'P00042', company: { id: 1, name: 'Northgate Supply Group' }, currency: 'USD', amount: 12000,
      vendor: { id: 501, name: 'Brightline LED Supply' }, categories: [lighting], warehouses: [{ id: 1, name: 'Joliet DC', code: 'WH' }],
      buyerId: 20, creatorId: 21,
    });
  });

  it("matches on the order's own warehouse when no more are given", () => {
    expect(approvalSubjectFrom({ order, lines: [], company }).warehouses).toEqual([{ id: 1, name: 'Joliet DC', code: null }]);
  });

  it('needs the amount in company currency when the order is in another currency', () => {
    const eurOrder = { ...order, currency: { id: 3, name: 'EUR' }, amountTotal: 10_000 };
    expect(() => approvalSubjectFrom({ order: eurOrder, lines: [], company })).toThrow(expect.objectContaining({ code: 'currency_conversion_required' }));
    expect(approvalSubjectFrom({ order: eurOrder, lines: [], company, amountInCompanyCurrency: 10_850 })).toMatchObject({ amount: 10_850, currency: 'USD' });
  });
});
