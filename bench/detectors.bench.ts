import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createBaseDatabase } from '../adapters/embedded-odoo/base-data/base-database.ts';
import { seedDistribution } from '../adapters/embedded-odoo/seed/seed-distribution.ts';
import type { OdooStore, Row } from '../adapters/embedded-odoo/store.ts';
import { OdooStore as Store } from '../adapters/embedded-odoo/store.ts';
import { parseAlertThresholds } from '../src/alerts/alert-thresholds.ts';
import type { DetectionInput } from '../src/alerts/detect-all.ts';
import { detectAll } from '../src/alerts/detect-all.ts';
import { EXCEPTION_TYPES } from '../src/alerts/exception.ts';
import type {
  Company,
  PurchaseOrder,
  PurchaseOrderLine,
  Receipt,
  Ref,
  VendorBill,
  VendorBillLine,
  Warehouse,
} from '../src/domain/odoo-records.ts';
import type { BusinessCalendar } from '../src/time/business-calendar.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

/** Purchase orders to generate (about 3 lines, 1.2 receipts and 0.6 bills each). */
const SCALE = Number(process.env.BENCH_DETECTORS_POS ?? 50_000);
const NOW = new Date('2026-11-26T23:00:00Z');

/**
 * Store rows -> the typed records, for the fields the detectors read. No XML-RPC: this bench
 * measures the detectors, not the gateway (the scan bench measures the whole path).
 */
export function converter(store: OdooStore) {
  const refs = new Map<string, Ref | null>();
  const ref = (model: string, id: unknown): Ref | null => {
    if (typeof id !== 'number') return null;
    const k = `${model}:${id}`;
    let r = refs.get(k);
    if (r === undefined) {
      const row = store.get(model, id);
      const partner = model === 'res.users' && row && typeof row.partner_id === 'number' ? store.get('res.partner', row.partner_id) : undefined;
      r = row ? { id, name: String(row.name ?? partner?.name ?? id) } : null;
      refs.set(k, r);
    }
    return r;
  };
  const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(`${v.replace(' ', 'T')}Z`) : null);
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const ids = (v: unknown): number[] => (Array.isArray(v) ? v : []);
  const warehouseOfType = (typeId: unknown): Ref | null => {
    const t = typeof typeId === 'number' ? store.get('stock.picking.type', typeId) : undefined;
    return t ? ref('stock.warehouse', t.warehouse_id) : null;
  };
  const rows = (model: string, keep: (r: Row) => boolean = () => true) => store.rows(model).filter(keep);

  const purchaseOrders: PurchaseOrder[] = rows('purchase.order').map((r) => ({
    id: r.id, name: String(r.name), state: r.state as PurchaseOrder['state'], partner: ref('res.partner', r.partner_id),
    buyer: ref('res.users', r.user_id), createdBy: ref('res.users', r.create_uid), company: ref('res.company', r.company_id),
    currency: ref('res.currency', r.currency_id), amountUntaxed: num(r.amount_untaxed), amountTotal: num(r.amount_total),
    dateOrder: date(r.date_order), dateApprove: date(r.date_approve), datePlanned: date(r.date_planned), partnerRef: text(r.partner_ref),
    origin: text(r.origin), lineIds: ids(r.order_line), pickingIds: ids(r.picking_ids), invoiceIds: ids(r.invoice_ids),
    receiptStatus: (text(r.receipt_status) as PurchaseOrder['receiptStatus']) ?? null, invoiceStatus: (text(r.invoice_status) as PurchaseOrder['invoiceStatus']) ?? null,
    writeDate: date(r.write_date) ?? NOW, pickingType: ref('stock.picking.type', r.picking_type_id), warehouse: warehouseOfType(r.picking_type_id),
    receptionConfirmed: typeof r.mail_reception_confirmed === 'boolean' ? r.mail_reception_confirmed : null, notes: text(r.notes),
  }));
  const purchaseOrderLines: PurchaseOrderLine[] = rows('purchase.order.line').map((r) => ({
    id: r.id, order: ref('purchase.order', r.order_id) as Ref, product: ref('product.product', r.product_id), name: String(r.name ?? ''),
    displayType: (text(r.display_type) as PurchaseOrderLine['displayType']) ?? null, quantity: num(r.product_qty), qtyReceived: num(r.qty_received),
    qtyInvoiced: num(r.qty_invoiced), priceUnit: num(r.price_unit), priceSubtotal: num(r.price_subtotal), datePlanned: date(r.date_planned),
    uom: ref('uom.uom', r.product_uom), productCategory: null, writeDate: date(r.write_date) ?? NOW,
  }));
  const receipts: Receipt[] = rows('stock.picking', (r) => r.picking_type_code === 'incoming').map((r) => ({
    id: r.id, name: String(r.name), state: r.state as Receipt['state'], scheduledDate: date(r.scheduled_date), dateDeadline: date(r.date_deadline),
    dateDone: date(r.date_done), origin: text(r.origin), purchaseOrder: ref('purchase.order', r.purchase_id), partner: ref('res.partner', r.partner_id),
    pickingType: ref('stock.picking.type', r.picking_type_id), warehouse: warehouseOfType(r.picking_type_id),
    backorderOf: ref('stock.picking', r.backorder_id), writeDate: date(r.write_date) ?? NOW,
  }));
  const vendorBills: VendorBill[] = rows('account.move', (r) => r.move_type === 'in_invoice').map((r) => ({
    id: r.id, name: text(r.name), ref: text(r.ref), state: r.state as VendorBill['state'], partner: ref('res.partner', r.partner_id),
    invoiceOrigin: text(r.invoice_origin), amountTotal: num(r.amount_total), paymentState: (text(r.payment_state) as VendorBill['paymentState']) ?? null,
    currency: ref('res.currency', r.currency_id), invoiceDate: text(r.invoice_date), invoiceDateDue: text(r.invoice_date_due), writeDate: date(r.write_date) ?? NOW,
  }));
  const billIds = new Set(vendorBills.map((b) => b.id));
  const vendorBillLines: VendorBillLine[] = rows('account.move.line', (r) => r.display_type === 'product' && billIds.has(r.move_id as number)).map((r) => ({
    id: r.id, bill: ref('account.move', r.move_id) as Ref, purchaseLine: ref('purchase.order.line', r.purchase_line_id), product: ref('product.product', r.product_id),
    name: text(r.name), quantity: num(r.quantity), priceUnit: num(r.price_unit), priceSubtotal: num(r.price_subtotal),
  }));
  const companies: Company[] = rows('res.company').map((r) => ({
    id: r.id, name: String(r.name), currency: ref('res.currency', r.currency_id),
    poDoubleValidation: r.po_double_validation === 'two_step' ? 'two_step' : 'one_step', poDoubleValidationAmount: num(r.po_double_validation_amount),
  }));
  const warehouses: Warehouse[] = rows('stock.warehouse').map((r) => ({
    id: r.id, name: String(r.name), code: text(r.code), company: ref('res.company', r.company_id), receiptType: ref('stock.picking.type', r.in_type_id),
  }));
  return { purchaseOrders, purchaseOrderLines, receipts, vendorBills, vendorBillLines, companies, warehouses };
}

/** Monday to Friday 08:00-18:00, Chicago: the example policy's calendar. */
const CALENDAR: BusinessCalendar = {
  timeZone: 'America/Chicago',
  week: [[], ...Array.from({ length: 5 }, () => [{ startMinute: 480, endMinute: 1080 }]), []],
  holidays: new Set(['2026-11-26', '2026-11-27']),
};

/**
 * Generates the seeded dataset into a fresh store (base database included), converts the rows to
 * typed records, then times detectAll alone: records/s, exceptions by type. A first run (warm-up)
 * fills the first-promise memory, so the measured run also checks every open PO line for a slip.
 */
export const run: BenchRun = async () => {
  const store = new Store();
  createBaseDatabase(store, { version: 18, adminLogin: 'admin', adminPassword: 'admin', demo: false, now: NOW });
  seedDistribution(store, { seed: 42, scale: SCALE, now: NOW });
  const convertStarted = performance.now();
  const records = converter(store);
  const convertMs = performance.now() - convertStarted;
  const thresholds = parseAlertThresholds({}, CALENDAR);
  const warmup = detectAll(records, thresholds, NOW);
  const input: DetectionInput = { ...records, firstPromised: warmup.firstPromised.remember };
  const runs: number[] = [];
  let result = warmup;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    result = detectAll(input, thresholds, NOW);
    runs.push(performance.now() - started);
  }
  const ms = [...runs].sort((a, b) => a - b)[1] ?? 0;
  const total = Object.values(records).reduce((s, list) => s + list.length, 0);
  const params = { scale: SCALE, seed: 42, records: total };
  const fig = (metric: string, value: number, unit: string): BenchFigure => ({ bench: 'detectors', metric, value, unit, params });
  const byType = new Map<string, number>(EXCEPTION_TYPES.map((t) => [t, 0]));
  for (const e of result.exceptions) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  return [
    fig('detectAll time (median of 3)', Math.round(ms * 10) / 10, 'ms'),
    fig('records/s', Math.round(total / (ms / 1000)), 'records/s'),
    fig('purchase orders/s', Math.round(records.purchaseOrders.length / (ms / 1000)), 'POs/s'),
    fig('records in', total, 'records'),
    fig('rows -> records (not XML-RPC)', Math.round(convertMs), 'ms'),
    fig('exceptions found', result.exceptions.length, 'exceptions'),
    ...[...byType].map(([type, n]) => fig(`exceptions ${type}`, n, 'exceptions')),
  ];
};

// `npx tsx bench/detectors.bench.ts` runs it alone and prints the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  for (const f of figures) console.log(`${f.metric.padEnd(34)} ${String(f.value).padStart(12)} ${f.unit}`);
}
