/** Typed Odoo records for detector tests: sensible defaults, override what the test is about. */
import type {
  Company,
  PurchaseOrder,
  PurchaseOrderLine,
  Receipt,
  Ref,
  VendorBill,
  VendorBillLine,
  Warehouse,
} from '../../src/domain/odoo-records.ts';
import type { AlertThresholds } from '../../src/alerts/alert-thresholds.ts';
import { parseAlertThresholds } from '../../src/alerts/alert-thresholds.ts';
import type { BusinessCalendar, WorkingRange } from '../../src/time/business-calendar.ts';

export const at = (iso: string) => new Date(iso);

const h = (from: number, to: number): WorkingRange[] => [{ startMinute: from * 60, endMinute: to * 60 }];

/** Monday to Friday 08:00-18:00 in `timeZone`. */
export function officeHours(timeZone = 'America/Chicago', holidays: string[] = []): BusinessCalendar {
  const day = h(8, 18);
  return { timeZone, week: [[], day, day, day, day, day, []], holidays: new Set(holidays) };
}

/** Thresholds from an `alerts:` section (defaults for what is left out), Chicago office hours. */
export function thresholds(raw: unknown = {}, calendar: BusinessCalendar = officeHours()): AlertThresholds {
  return parseAlertThresholds(raw, calendar);
}

export const USD: Ref = { id: 1, name: 'USD' };
export const EUR: Ref = { id: 2, name: 'EUR' };
export const ACME: Ref = { id: 50, name: 'Acme Janitorial' };
export const BUYER: Ref = { id: 7, name: 'Megan Holt' };
export const US_CO: Ref = { id: 1, name: 'Northgate Supply Group' };
export const EU_CO: Ref = { id: 2, name: 'Northgate Supply Europe B.V.' };
export const JOLIET: Ref = { id: 1, name: 'Joliet DC' };
export const ROTTERDAM: Ref = { id: 4, name: 'Rotterdam Waalhaven' };

export const companies: Company[] = [
  { id: 1, name: US_CO.name, currency: USD, poDoubleValidation: 'two_step', poDoubleValidationAmount: 5000 },
  { id: 2, name: EU_CO.name, currency: EUR, poDoubleValidation: 'one_step', poDoubleValidationAmount: 0 },
];

export const warehouses: Warehouse[] = [
  { id: 1, name: 'Joliet DC', code: 'WH', company: US_CO, receiptType: { id: 1, name: 'Joliet DC: Receipts' } },
  { id: 4, name: 'Rotterdam Waalhaven', code: 'RTM', company: EU_CO, receiptType: { id: 9, name: 'Rotterdam Waalhaven: Receipts' } },
];

export function po(over: Partial<PurchaseOrder> = {}): PurchaseOrder {
  const id = over.id ?? 42;
  return {
    id,
    name: `P${String(id).padStart(5, '0')}`,
    state: 'purchase',
    partner: ACME,
    buyer: BUYER,
    createdBy: BUYER,
    company: US_CO,
    currency: USD,
    amountUntaxed: 1000,
    amountTotal: 1000,
    dateOrder: at('2026-11-10T15:00:00Z'),
    dateApprove: at('2026-11-10T16:00:00Z'),
    datePlanned: at('2026-11-20T15:00:00Z'),
    partnerRef: null,
    origin: null,
    lineIds: [],
    pickingIds: [],
    invoiceIds: [],
    receiptStatus: 'pending',
    invoiceStatus: 'no',
    writeDate: at('2026-11-10T16:00:00Z'),
    pickingType: { id: 1, name: 'Joliet DC: Receipts' },
    warehouse: JOLIET,
    receptionConfirmed: true,
    notes: null,
    ...over,
  };
}

export function poLine(over: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine {
  return {
    id: 100,
    order: { id: 42, name: 'P00042' },
    product: { id: 9, name: '[AJ-MH24] Microfiber mop head' },
    name: 'Microfiber mop head',
    displayType: null,
    quantity: 80,
    qtyReceived: 80,
    qtyInvoiced: 0,
    priceUnit: 150,
    priceSubtotal: 12000,
    datePlanned: at('2026-11-20T15:00:00Z'),
    uom: { id: 1, name: 'Units' },
    productCategory: null,
    writeDate: at('2026-11-10T16:00:00Z'),
    ...over,
  };
}

export function receipt(over: Partial<Receipt> = {}): Receipt {
  return {
    id: 7,
    name: 'WH/IN/00007',
    state: 'assigned',
    scheduledDate: at('2026-11-20T15:00:00Z'),
    dateDeadline: at('2026-11-20T15:00:00Z'),
    dateDone: null,
    origin: 'P00042',
    purchaseOrder: { id: 42, name: 'P00042' },
    partner: ACME,
    pickingType: { id: 1, name: 'Joliet DC: Receipts' },
    warehouse: JOLIET,
    backorderOf: null,
    writeDate: at('2026-11-10T16:00:00Z'),
    ...over,
  };
}

export function bill(over: Partial<VendorBill> = {}): VendorBill {
  return {
    id: 300,
    name: 'BILL/2026/11/0001',
    ref: 'INV-1001',
    state: 'posted',
    partner: ACME,
    invoiceOrigin: 'P00042',
    amountTotal: 12000,
    paymentState: 'not_paid',
    currency: USD,
    invoiceDate: '2026-11-22',
    invoiceDateDue: '2026-12-22',
    writeDate: at('2026-11-22T16:00:00Z'),
    ...over,
  };
}

export function billLine(over: Partial<VendorBillLine> = {}): VendorBillLine {
  return {
    id: 900,
    bill: { id: 300, name: 'BILL/2026/11/0001' },
    purchaseLine: { id: 100, name: 'P00042: Microfiber mop head' },
    product: { id: 9, name: '[AJ-MH24] Microfiber mop head' },
    name: 'Microfiber mop head',
    quantity: 80,
    priceUnit: 150,
    priceSubtotal: 12000,
    ...over,
  };
}
