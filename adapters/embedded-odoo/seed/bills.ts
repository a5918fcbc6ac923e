/**
 * Vendor bills (account.move, move_type in_invoice) with their journal items: product lines
 * (the invoice_line_ids, linked to PO lines through purchase_line_id), a tax line when the
 * company charges one, and the payable line, so that debit equals credit as in real Odoo.
 */
import { addDays, odooDate, odooDatetime } from './dates.ts';
import { fromCents, subtotalCents, taxCents } from './money.ts';
import type { LineRef, OrderRef } from './purchase-orders.ts';
import { round3 } from './purchase-orders.ts';
import type { CompanyInfo, ProductInfo, SeedContext, VendorInfo } from './seed-context.ts';
import { pushId, rowOf, stamp } from './seed-context.ts';

export type PaymentState = 'not_paid' | 'partial' | 'in_payment' | 'paid';

export interface BillLineSpec {
  product: ProductInfo;
  quantity: number;
  priceUnit: number;
  /** The PO line billed, if any. */
  poLine?: LineRef;
}

export interface BillSpec {
  company: CompanyInfo;
  vendor: VendorInfo;
  order: OrderRef | null;
  state: 'draft' | 'posted' | 'cancel';
  invoiceDate: Date;
  ref: string | false;
  paymentState: PaymentState;
  lines: BillLineSpec[];
  createdBy: number;
}

/**
 * Next bill number per month: BILL/2026/11/0001 (Odoo's sequence_prefix + number). Odoo numbers
 * per journal, but one series across both companies keeps every bill name unique in the demo.
 */
const billNumbers = new WeakMap<SeedContext, Map<string, number>>();

function nextBillName(ctx: SeedContext, date: Date): { name: string; prefix: string; number: number } {
  let counters = billNumbers.get(ctx);
  if (!counters) {
    counters = new Map();
    billNumbers.set(ctx, counters);
  }
  const prefix = `BILL/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/`;
  const key = prefix;
  const number = (counters.get(key) ?? 0) + 1;
  counters.set(key, number);
  return { name: `${prefix}${String(number).padStart(4, '0')}`, prefix, number };
}

/** The vendor's own invoice number, unique per vendor. */
export function nextVendorRef(vendor: VendorInfo): string {
  return `${vendor.refPrefix}${vendor.nextRef++}`;
}

export function createBill(ctx: SeedContext, spec: BillSpec): number {
  const { store } = ctx;
  const { company, vendor } = spec;
  const posted = spec.state === 'posted';
  const invoiceDate = odooDate(spec.invoiceDate);
  const due = odooDate(addDays(spec.invoiceDate, 30));
  const created = odooDatetime(addDays(spec.invoiceDate, 1));
  const seq = posted ? nextBillName(ctx, spec.invoiceDate) : undefined;
  const name = seq?.name ?? '/';
  let untaxed = 0;
  let tax = 0;
  const amounts = spec.lines.map((l) => {
    const sub = subtotalCents(l.quantity, l.priceUnit);
    const t = company.taxId === false ? 0 : taxCents(sub, company.taxRate);
    untaxed += sub;
    tax += t;
    return { sub, t };
  });
  const total = untaxed + tax;
  const residual =
    spec.state === 'cancel' || spec.paymentState === 'paid' || spec.paymentState === 'in_payment'
      ? 0
      : spec.paymentState === 'partial'
        ? Math.round(total / 2)
        : total;
  const moveId = store.insert('account.move', {
    name,
    move_type: 'in_invoice',
    state: spec.state,
    partner_id: vendor.id,
    commercial_partner_id: vendor.id,
    invoice_partner_display_name: vendor.name,
    company_id: company.id,
    currency_id: company.currencyId,
    journal_id: company.journalId,
    date: invoiceDate,
    invoice_date: invoiceDate,
    invoice_date_due: due,
    invoice_origin: spec.order ? spec.order.name : false,
    ref: spec.ref,
    payment_reference: spec.ref,
    invoice_user_id: spec.createdBy,
    invoice_payment_term_id: false,
    fiscal_position_id: false,
    narration: false,
    amount_untaxed: fromCents(untaxed),
    amount_tax: fromCents(tax),
    amount_total: fromCents(total),
    amount_residual: fromCents(residual),
    amount_untaxed_signed: -fromCents(untaxed),
    amount_untaxed_in_currency_signed: -fromCents(untaxed),
    amount_tax_signed: -fromCents(tax),
    amount_total_signed: -fromCents(total),
    amount_total_in_currency_signed: -fromCents(total),
    amount_residual_signed: -fromCents(residual),
    payment_state: spec.state === 'posted' ? spec.paymentState : 'not_paid',
    auto_post: 'no',
    posted_before: posted,
    sequence_prefix: seq?.prefix ?? false,
    sequence_number: seq?.number ?? 0,
    invoice_line_ids: [],
    line_ids: [],
    message_ids: [],
    activity_ids: [],
    ...stamp(spec.createdBy, created),
  });
  const move = rowOf(store, 'account.move', moveId);
  // Shared journal item fields go LAST in each literal: V8 is pathologically slow (~100x) on
  // `{ ...common, many more props }`, which matters at 150k lines.
  const common = {
    move_id: moveId, move_name: name, partner_id: vendor.id, company_id: company.id,
    currency_id: company.currencyId, company_currency_id: company.currencyId, journal_id: company.journalId,
    date: invoiceDate, invoice_date: invoiceDate, parent_state: spec.state, discount: 0, reconciled: false,
    create_uid: spec.createdBy, create_date: created, write_uid: spec.createdBy, write_date: created,
  };
  spec.lines.forEach((l, i) => {
    const { sub, t } = amounts[i] ?? { sub: 0, t: 0 };
    const id = store.insert('account.move.line', {
      display_type: 'product', sequence: 10 + i, name: l.product.displayName, product_id: l.product.id,
      product_uom_id: l.product.uomId, quantity: l.quantity, price_unit: l.priceUnit,
      price_subtotal: fromCents(sub), price_total: fromCents(sub + t),
      tax_ids: company.taxId === false ? [] : [company.taxId], tax_line_id: false,
      purchase_line_id: l.poLine ? l.poLine.id : false, account_id: company.expenseAccountId,
      debit: fromCents(sub), credit: 0, balance: fromCents(sub), amount_currency: fromCents(sub),
      amount_residual: 0, date_maturity: false,
      ...common,
    });
    (move.invoice_line_ids as number[]).push(id);
    (move.line_ids as number[]).push(id);
    if (l.poLine) {
      pushId(l.poLine.row, 'invoice_lines', id);
      // qty_invoiced counts every bill that is not cancelled, drafts included (purchase, 17 and 18).
      if (spec.state !== 'cancel') l.poLine.row.qty_invoiced = round3((l.poLine.row.qty_invoiced as number) + l.quantity);
    }
  });
  if (tax > 0) {
    const id = store.insert('account.move.line', {
      display_type: 'tax', sequence: 9000, name: `${company.taxRate}%`, product_id: false, purchase_line_id: false,
      quantity: 1, price_unit: fromCents(tax), tax_ids: [], tax_line_id: company.taxId, account_id: company.taxAccountId,
      price_subtotal: fromCents(tax), price_total: fromCents(tax), debit: fromCents(tax), credit: 0,
      balance: fromCents(tax), amount_currency: fromCents(tax), amount_residual: 0, date_maturity: false,
      ...common,
    });
    (move.line_ids as number[]).push(id);
  }
  const payableId = store.insert('account.move.line', {
    display_type: 'payment_term', sequence: 9999, name: spec.ref === false ? '' : spec.ref, product_id: false,
    purchase_line_id: false, quantity: 1, price_unit: 0, tax_ids: [], tax_line_id: false,
    account_id: company.payableAccountId, price_subtotal: 0, price_total: 0, debit: 0, credit: fromCents(total),
    balance: -fromCents(total), amount_currency: -fromCents(total), amount_residual: -fromCents(residual), date_maturity: due,
    ...common,
  });
  (move.line_ids as number[]).push(payableId);
  if (spec.order) pushId(spec.order.row, 'invoice_ids', moveId);
  return moveId;
}

/** Bill lines for what was received on each PO line (the usual, matching bill). */
export function receivedLines(order: OrderRef): BillLineSpec[] {
  return order.lines
    .filter((l) => (l.row.qty_received as number) > 0)
    .map((l) => ({ product: l.spec.product, quantity: l.row.qty_received as number, priceUnit: l.spec.price, poLine: l }));
}

/** Bill lines for the full ordered quantities, whatever was received. */
export function orderedLines(order: OrderRef): BillLineSpec[] {
  return order.lines.map((l) => ({ product: l.spec.product, quantity: l.spec.qty, priceUnit: l.spec.price, poLine: l }));
}
