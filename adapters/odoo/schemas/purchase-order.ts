import { z } from 'zod';
import { datetime, datetimeRequired, id, ids, many2one, selection, text } from './odoo-values.ts';

/** The purchase.order fields the bot reads (all present on 17.0 and 18.0). */
export const PURCHASE_ORDER_FIELDS = [
  'name',
  'state',
  'partner_id',
  'user_id',
  'create_uid',
  'company_id',
  'currency_id',
  'amount_untaxed',
  'amount_total',
  'date_order',
  'date_approve',
  'date_planned',
  'partner_ref',
  'origin',
  'order_line',
  'picking_ids',
  'invoice_ids',
  'receipt_status',
  'invoice_status',
  'write_date',
  'picking_type_id',
] as const;

/** Asked only where fields_get lists them (purchase_stock / customised databases may lack them). */
export const PURCHASE_ORDER_OPTIONAL_FIELDS = ['mail_reception_confirmed', 'notes'] as const;

export const PURCHASE_ORDER_STATES = ['draft', 'sent', 'to approve', 'purchase', 'done', 'cancel'] as const;

export const purchaseOrderState = z.enum(PURCHASE_ORDER_STATES);

export const purchaseOrderSchema = z
  .object({
    id,
    name: z.string(),
    state: purchaseOrderState,
    partner_id: many2one,
    user_id: many2one,
    create_uid: many2one,
    company_id: many2one,
    currency_id: many2one,
    amount_untaxed: z.number(),
    amount_total: z.number(),
    date_order: datetime,
    date_approve: datetime,
    date_planned: datetime,
    partner_ref: text,
    origin: text,
    order_line: ids,
    picking_ids: ids,
    invoice_ids: ids,
    receipt_status: selection(['pending', 'partial', 'full']),
    invoice_status: selection(['no', 'to invoice', 'invoiced']),
    write_date: datetimeRequired,
    picking_type_id: many2one,
    mail_reception_confirmed: z.boolean().optional(),
    notes: text.optional(),
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    partner: r.partner_id,
    buyer: r.user_id,
    createdBy: r.create_uid,
    company: r.company_id,
    currency: r.currency_id,
    amountUntaxed: r.amount_untaxed,
    amountTotal: r.amount_total,
    dateOrder: r.date_order,
    dateApprove: r.date_approve,
    datePlanned: r.date_planned,
    partnerRef: r.partner_ref,
    origin: r.origin,
    lineIds: r.order_line,
    pickingIds: r.picking_ids,
    invoiceIds: r.invoice_ids,
    receiptStatus: r.receipt_status,
    invoiceStatus: r.invoice_status,
    writeDate: r.write_date,
    pickingType: r.picking_type_id,
    receptionConfirmed: r.mail_reception_confirmed ?? null,
    notes: r.notes ?? null,
  }));

export const PURCHASE_ORDER_LINE_FIELDS = [
  'order_id',
  'product_id',
  'name',
  'display_type',
  'product_qty',
  'qty_received',
  'qty_invoiced',
  'price_unit',
  'price_subtotal',
  'date_planned',
  'product_uom',
  'write_date',
] as const;

export const purchaseOrderLineSchema = z
  .object({
    id,
    order_id: z.tuple([z.number().int(), z.string()]).transform(([i, n]) => ({ id: i, name: n })),
    product_id: many2one,
    name: z.union([z.string(), z.literal(false)]).transform((v) => (v === false ? '' : v)),
    display_type: selection(['line_section', 'line_note']),
    product_qty: z.number(),
    qty_received: z.number(),
    qty_invoiced: z.number(),
    price_unit: z.number(),
    price_subtotal: z.number(),
    date_planned: datetime,
    product_uom: many2one,
    write_date: datetimeRequired,
  })
  .transform((r) => ({
    id: r.id,
    order: r.order_id,
    product: r.product_id,
    name: r.name,
    displayType: r.display_type,
    quantity: r.product_qty,
    qtyReceived: r.qty_received,
    qtyInvoiced: r.qty_invoiced,
    priceUnit: r.price_unit,
    priceSubtotal: r.price_subtotal,
    datePlanned: r.date_planned,
    uom: r.product_uom,
    writeDate: r.write_date,
  }));

/** product.product, read in one batch per call for the lines' categories. */
export const PRODUCT_CATEGORY_FIELDS = ['categ_id'] as const;
export const productCategorySchema = z.object({ id, categ_id: many2one });
