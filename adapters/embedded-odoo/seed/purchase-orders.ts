/**
 * purchase.order and purchase.order.line rows with their stored-computed fields (amounts, dates,
 * statuses) set the way Odoo 17/18 computes them, plus the creation / confirmation notifications.
 */
import type { Row } from '../store.ts';
import { formatEmailFrom, postMessage } from './chatter.ts';
import { addMinutes, odooDatetime } from './dates.ts';
import { fromCents, subtotalCents, taxCents } from './money.ts';
import type { CompanyInfo, ProductInfo, SeedContext, UserInfo, VendorInfo, WarehouseInfo } from './seed-context.ts';
import { rowOf, stamp } from './seed-context.ts';

export type PoState = 'draft' | 'sent' | 'to approve' | 'purchase' | 'done' | 'cancel';

export interface LineSpec {
  product: ProductInfo;
  qty: number;
  price: number;
}

export interface OrderSpec {
  name: string;
  company: CompanyInfo;
  vendor: VendorInfo;
  buyer: UserInfo;
  warehouse: WarehouseInfo;
  dateOrder: Date;
  datePlanned: Date;
  state: PoState;
  /** When the order was confirmed (purchase/done, or cancelled after confirmation); false otherwise. */
  dateApprove: Date | false;
  /** The manager who approved it when the two-step rule applied. */
  approver: UserInfo | false;
  mailReceptionConfirmed: boolean;
  partnerRef: string | false;
  priority: '0' | '1';
  lines: LineSpec[];
}

export interface LineRef {
  id: number;
  row: Row;
  spec: LineSpec;
}

export interface OrderRef {
  id: number;
  name: string;
  row: Row;
  spec: OrderSpec;
  lines: LineRef[];
}

/** Amount total in cents of lines under a company's tax, before anything is inserted. */
export function orderTotalCents(lines: readonly LineSpec[], company: CompanyInfo): number {
  let total = 0;
  for (const l of lines) {
    const sub = subtotalCents(l.qty, l.price);
    total += sub + (company.taxId === false ? 0 : taxCents(sub, company.taxRate));
  }
  return total;
}

export function createOrder(ctx: SeedContext, spec: OrderSpec): OrderRef {
  const { store } = ctx;
  const { company, vendor, buyer } = spec;
  const created = odooDatetime(spec.dateOrder);
  const planned = odooDatetime(spec.datePlanned);
  const confirmed = spec.state === 'purchase' || spec.state === 'done';
  const poId = store.insert('purchase.order', {
    name: spec.name,
    state: spec.state,
    partner_id: vendor.id,
    partner_ref: spec.partnerRef,
    company_id: company.id,
    currency_id: company.currencyId,
    currency_rate: 1,
    user_id: buyer.id,
    date_order: created,
    date_approve: spec.dateApprove === false ? false : odooDatetime(spec.dateApprove),
    date_planned: planned,
    date_calendar_start: spec.dateApprove === false ? created : odooDatetime(spec.dateApprove),
    effective_date: false,
    picking_type_id: spec.warehouse.pickingTypeId,
    dest_address_id: false,
    origin: false,
    notes: false,
    priority: spec.priority,
    fiscal_position_id: false,
    payment_term_id: false,
    incoterm_id: false,
    incoterm_location: false,
    group_id: false,
    mail_reception_confirmed: spec.mailReceptionConfirmed,
    mail_reception_declined: false,
    mail_reminder_confirmed: false,
    receipt_status: false,
    invoice_status: 'no',
    invoice_count: 0,
    amount_untaxed: 0,
    amount_tax: 0,
    amount_total: 0,
    amount_total_cc: 0,
    order_line: [],
    picking_ids: [],
    invoice_ids: [],
    message_ids: [],
    activity_ids: [],
    access_token: false,
    ...stamp(buyer.id, created, odooDatetime(spec.dateApprove === false ? spec.dateOrder : spec.dateApprove)),
  });
  const poRow = rowOf(store, 'purchase.order', poId);
  const lines: LineRef[] = [];
  let untaxed = 0;
  let tax = 0;
  spec.lines.forEach((l, i) => {
    const sub = subtotalCents(l.qty, l.price);
    const lineTax = company.taxId === false ? 0 : taxCents(sub, company.taxRate);
    untaxed += sub;
    tax += lineTax;
    const id = store.insert('purchase.order.line', {
      order_id: poId,
      sequence: (i + 1) * 10,
      display_type: false,
      product_id: l.product.id,
      name: l.product.displayName,
      product_qty: l.qty,
      product_uom_qty: l.qty,
      product_uom: l.product.uomId,
      price_unit: l.price,
      discount: 0,
      taxes_id: company.taxId === false ? [] : [company.taxId],
      price_subtotal: fromCents(sub),
      price_tax: fromCents(lineTax),
      price_total: fromCents(sub + lineTax),
      qty_received: 0,
      qty_received_manual: 0,
      qty_received_method: 'stock_moves',
      qty_invoiced: 0,
      qty_to_invoice: 0,
      date_planned: planned,
      state: spec.state,
      partner_id: vendor.id,
      company_id: company.id,
      currency_id: company.currencyId,
      move_ids: [],
      move_dest_ids: [],
      invoice_lines: [],
      propagate_cancel: true,
      product_packaging_id: false,
      product_packaging_qty: 0,
      analytic_distribution: false,
      is_downpayment: false,
      orderpoint_id: false,
      group_id: false,
      ...stamp(buyer.id, created),
    });
    (poRow.order_line as number[]).push(id);
    lines.push({ id, row: rowOf(store, 'purchase.order.line', id), spec: l });
  });
  Object.assign(poRow, {
    amount_untaxed: fromCents(untaxed),
    amount_tax: fromCents(tax),
    amount_total: fromCents(untaxed + tax),
    amount_total_cc: fromCents(untaxed + tax),
  });
  vendor.poCount += 1;
  const order: OrderRef = { id: poId, name: spec.name, row: poRow, spec, lines };
  postOrderNotifications(ctx, order, confirmed);
  return order;
}

/** What Odoo writes in the chatter when a buyer creates, confirms and a manager approves an order. */
function postOrderNotifications(ctx: SeedContext, order: OrderRef, confirmed: boolean): void {
  const { spec } = order;
  const r = (x: string) => ctx.store.ref(x);
  // One literal per message (no `{ ...base, ... }`: V8 is very slow on head spreads at this volume).
  const post = (subtypeXmlid: string, by: UserInfo, body: string, date: Date) =>
    postMessage(ctx, {
      model: 'purchase.order', resId: order.id, recordName: order.name, messageType: 'notification',
      subtypeId: r(subtypeXmlid), authorId: by.partnerId, emailFrom: formatEmailFrom(by.name, by.email),
      subject: false, body, date: odooDatetime(date), companyId: spec.company.id, createUid: by.id,
    });
  post('mail.mt_note', spec.buyer, '<p>Purchase Order created</p>', spec.dateOrder);
  // Odoo tracks the state change with a subtype: 'to approve' -> RFQ Confirmed, purchase -> RFQ Approved
  // (purchase.order._track_subtype), authored by whoever made the change.
  if (spec.state === 'to approve' || spec.approver !== false) {
    post('purchase.mt_rfq_confirmed', spec.buyer, '', addMinutes(spec.dateOrder, 30));
  }
  if (confirmed && spec.dateApprove !== false) {
    post('purchase.mt_rfq_approved', spec.approver === false ? spec.buyer : spec.approver, '', spec.dateApprove);
  }
}

/**
 * Sets what Odoo derives from receipts and bills once they exist: qty_to_invoice, receipt_status,
 * invoice_status, effective_date, invoice_count (purchase_stock / purchase, 17 and 18).
 */
export function finalizeOrder(ctx: SeedContext, order: OrderRef): void {
  const { row } = order;
  const confirmed = row.state === 'purchase' || row.state === 'done';
  let anyToInvoice = false;
  for (const l of order.lines) {
    // Bill on received quantities (purchase_method 'receive', Odoo's default for storable goods).
    const toInvoice = confirmed ? round3((l.row.qty_received as number) - (l.row.qty_invoiced as number)) : 0;
    l.row.qty_to_invoice = toInvoice;
    if (toInvoice !== 0) anyToInvoice = true;
  }
  const invoiceIds = row.invoice_ids as number[];
  row.invoice_count = invoiceIds.length;
  // Not stored in Odoo; the embedded Odoo keeps it on the row (models/purchase-compute.ts).
  row.incoming_picking_count = (row.picking_ids as number[]).length;
  row.invoice_status = !confirmed ? 'no' : anyToInvoice ? 'to invoice' : invoiceIds.length > 0 ? 'invoiced' : 'no';
  const pickings = (row.picking_ids as number[]).map((id) => rowOf(ctx.store, 'stock.picking', id));
  if (pickings.length === 0 || pickings.every((p) => p.state === 'cancel')) row.receipt_status = false;
  else if (pickings.every((p) => p.state === 'done' || p.state === 'cancel')) row.receipt_status = 'full';
  else if (pickings.some((p) => p.state === 'done')) row.receipt_status = 'partial';
  else row.receipt_status = 'pending';
  let effective: string | false = false;
  for (const p of pickings) {
    if (p.state === 'done' && typeof p.date_done === 'string' && (effective === false || p.date_done < effective)) effective = p.date_done;
  }
  row.effective_date = effective;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
