import type { Row } from '../store.ts';
import type { OdooEnv } from '../orm/env.ts';
import { num } from './row-values.ts';

/**
 * The stored computed fields of purchase orders and their lines, recomputed by the business
 * methods whose inputs change them (Odoo's @api.depends, by hand):
 * - line: price_subtotal, price_tax, price_total, qty_received (done incoming moves),
 *   qty_invoiced (non-cancelled bill lines), qty_to_invoice;
 * - order: amount_untaxed, amount_tax, amount_total, invoice_status, receipt_status,
 *   effective_date, invoice_count.
 */
const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
const ids = (v: unknown): number[] => (Array.isArray(v) ? (v as number[]) : []);

/** Sum of percent taxes (account.tax.amount) of the given tax ids, applied to a base. */
export function taxAmount(env: OdooEnv, taxIds: number[], base: number): number {
  let tax = 0;
  for (const id of taxIds) {
    const t = env.store.get('account.tax', id);
    if (!t) continue;
    tax += t.amount_type === 'fixed' ? num(t.amount) : (base * num(t.amount)) / 100;
  }
  return round2(tax);
}

export function orderLines(env: OdooEnv, orderId: number): Row[] {
  const order = env.store.get('purchase.order', orderId);
  const stored = order?.order_line;
  const lineIds = Array.isArray(stored) ? stored : env.store.childrenBy('purchase.order.line', 'order_id', orderId);
  return lineIds.map((id) => env.store.get('purchase.order.line', id)).filter((r): r is Row => r !== undefined);
}

export function recomputeLine(env: OdooEnv, lineId: number): void {
  const line = env.store.get('purchase.order.line', lineId);
  if (!line) return;
  const subtotal = round2(num(line.product_qty) * num(line.price_unit) * (1 - num(line.discount) / 100));
  const tax = taxAmount(env, ids(line.taxes_id), subtotal);
  let received = num(line.qty_received);
  if (line.qty_received_method !== 'manual') {
    received = 0;
    for (const moveId of env.store.childrenBy('stock.move', 'purchase_line_id', lineId)) {
      const m = env.store.get('stock.move', moveId);
      if (m?.state === 'done') received += num(m.quantity);
    }
  }
  let invoiced = 0;
  for (const amlId of env.store.childrenBy('account.move.line', 'purchase_line_id', lineId)) {
    const aml = env.store.get('account.move.line', amlId);
    const move = typeof aml?.move_id === 'number' ? env.store.get('account.move', aml.move_id) : undefined;
    if (aml && move && move.state !== 'cancel') invoiced += move.move_type === 'in_refund' ? -num(aml.quantity) : num(aml.quantity);
  }
  env.store.update('purchase.order.line', lineId, {
    price_subtotal: subtotal,
    price_tax: tax,
    price_total: round2(subtotal + tax),
    qty_received: received,
    qty_invoiced: invoiced,
    qty_to_invoice: received - invoiced,
  });
}

export function recomputeOrder(env: OdooEnv, orderId: number): void {
  const order = env.store.get('purchase.order', orderId);
  if (!order) return;
  const lines = orderLines(env, orderId);
  for (const l of lines) recomputeLine(env, l.id);
  let untaxed = 0;
  let tax = 0;
  for (const l of lines) {
    untaxed += num(l.price_subtotal);
    tax += num(l.price_tax);
  }
  const confirmed = order.state === 'purchase' || order.state === 'done';
  const productLines = lines.filter((l) => !l.display_type);
  const invoiceIds = ids(order.invoice_ids);
  let invoiceStatus = 'no';
  if (confirmed) {
    // Bill control 'received quantities' (the default purchase_method): compare with qty_received.
    if (productLines.some((l) => num(l.qty_invoiced) < num(l.qty_received) - 1e-9)) invoiceStatus = 'to invoice';
    else if (invoiceIds.length > 0 && productLines.every((l) => num(l.qty_invoiced) >= num(l.qty_received) - 1e-9)) invoiceStatus = 'invoiced';
  }
  const pickings = ids(order.picking_ids).map((id) => env.store.get('stock.picking', id)).filter((p): p is Row => p !== undefined);
  const live = pickings.filter((p) => p.state !== 'cancel');
  let receiptStatus: string | false = false;
  if (live.length > 0 && confirmed) {
    if (live.every((p) => p.state === 'done')) receiptStatus = 'full';
    else if (live.some((p) => p.state === 'done')) receiptStatus = 'partial';
    else receiptStatus = 'pending';
  }
  const doneDates = live.map((p) => p.date_done).filter((d): d is string => typeof d === 'string').sort();
  env.store.update('purchase.order', orderId, {
    amount_untaxed: round2(untaxed),
    amount_tax: round2(tax),
    amount_total: round2(untaxed + tax),
    invoice_status: invoiceStatus,
    receipt_status: receiptStatus,
    effective_date: doneDates[0] ?? false,
    invoice_count: invoiceIds.length,
    incoming_picking_count: pickings.length,
  });
}
