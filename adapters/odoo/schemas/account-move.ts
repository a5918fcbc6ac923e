import { z } from 'zod';
import { date, datetimeRequired, id, many2one, selection, text } from './odoo-values.ts';

export const VENDOR_BILL_FIELDS = [
  'name',
  'ref',
  'state',
  'partner_id',
  'invoice_origin',
  'amount_total',
  'payment_state',
  'currency_id',
  'invoice_date',
  'invoice_date_due',
  'write_date',
] as const;

export const vendorBillSchema = z
  .object({
    id,
    // a draft bill is named '/' until posted
    name: text,
    ref: text,
    state: z.enum(['draft', 'posted', 'cancel']),
    partner_id: many2one,
    invoice_origin: text,
    amount_total: z.number(),
    // 'blocked' exists on 18.0 only
    payment_state: selection(['not_paid', 'in_payment', 'paid', 'partial', 'reversed', 'blocked', 'invoicing_legacy']),
    currency_id: many2one,
    invoice_date: date,
    invoice_date_due: date,
    write_date: datetimeRequired,
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    ref: r.ref,
    state: r.state,
    partner: r.partner_id,
    invoiceOrigin: r.invoice_origin,
    amountTotal: r.amount_total,
    paymentState: r.payment_state,
    currency: r.currency_id,
    invoiceDate: r.invoice_date,
    invoiceDateDue: r.invoice_date_due,
    writeDate: r.write_date,
  }));

export const VENDOR_BILL_LINE_FIELDS = [
  'move_id',
  'purchase_line_id',
  'product_id',
  'name',
  'quantity',
  'price_unit',
  'price_subtotal',
] as const;

export const vendorBillLineSchema = z
  .object({
    id,
    move_id: z.tuple([z.number().int(), z.string()]).transform(([i, n]) => ({ id: i, name: n })),
    purchase_line_id: many2one,
    product_id: many2one,
    name: text,
    quantity: z.number(),
    price_unit: z.number(),
    price_subtotal: z.number(),
  })
  .transform((r) => ({
    id: r.id,
    bill: r.move_id,
    purchaseLine: r.purchase_line_id,
    product: r.product_id,
    name: r.name,
    quantity: r.quantity,
    priceUnit: r.price_unit,
    priceSubtotal: r.price_subtotal,
  }));
