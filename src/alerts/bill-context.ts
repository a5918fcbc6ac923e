/** What the bill detectors need to know around a vendor bill: its PO, company, lines and owner. */
import type { PurchaseOrder, VendorBill, VendorBillLine } from '../domain/odoo-records.ts';
import type { BillFacts, BillLineMatch, ExceptionOwner, ExceptionRecords, RecordRef } from './exception.ts';
import type { IndexedSnapshot } from './procurement-snapshot.ts';
import { orderRecords, refOf } from './record-refs.ts';

export interface BillContext {
  bill: VendorBill;
  lines: readonly VendorBillLine[];
  /** The PO the bill comes from: through its first linked PO line, else `invoice_origin`. */
  order: PurchaseOrder | null;
  /** Bills carry no company: the PO's, else the only company keeping accounts in the bill's currency. */
  company: RecordRef | null;
}

/** The bill with its lines, PO and company, looked up in the snapshot's indexes. */
export function billContextOf(bill: VendorBill, snap: IndexedSnapshot): BillContext {
  const lines = snap.billLinesByBill.get(bill.id) ?? [];
  let order: PurchaseOrder | null = null;
  for (const l of lines) {
    const poLine = l.purchaseLine ? snap.orderLineById.get(l.purchaseLine.id) : undefined;
    const o = poLine ? snap.orderById.get(poLine.order.id) : undefined;
    if (o) {
      order = o;
      break;
    }
  }
  if (!order && bill.invoiceOrigin) {
    // invoice_origin may list several POs ("P00042, P00043"); the first one found routes the bill.
    for (const name of bill.invoiceOrigin.split(',')) {
      const o = snap.orderByName.get(name.trim());
      if (o) {
        order = o;
        break;
      }
    }
  }
  const byCurrency = bill.currency ? snap.companyByCurrency.get(bill.currency.name) : undefined;
  const company = refOf('res.company', order?.company) ?? (byCurrency ? { model: 'res.company' as const, id: byCurrency.id, name: byCurrency.name } : null);
  return { bill, lines, order, company };
}

/** Finance of the bill's company owns bill exceptions. */
export function billOwner(ctx: BillContext): ExceptionOwner {
  return { kind: 'finance', companyId: ctx.company?.id ?? null };
}

/** The routing records of a bill exception (subject: the bill). */
export function billRecords(ctx: BillContext, related: RecordRef[] = []): ExceptionRecords {
  const { bill } = ctx;
  return {
    ...orderRecords(ctx.order),
    subject: { model: 'account.move', id: bill.id, name: billLabel(bill) },
    company: ctx.company,
    vendor: refOf('res.partner', bill.partner) ?? refOf('res.partner', ctx.order?.partner),
    related,
  };
}

/** The facts every bill exception shows. */
export function billFacts(ctx: BillContext, lines: BillLineMatch[], note: string | null = null): BillFacts {
  const { bill } = ctx;
  return {
    billName: billNumber(bill),
    billRef: bill.ref,
    billState: bill.state,
    vendorName: bill.partner?.name ?? ctx.order?.partner?.name ?? null,
    poName: ctx.order?.name ?? bill.invoiceOrigin,
    amountTotal: { amount: bill.amountTotal, currency: bill.currency?.name ?? null },
    comparedIn: bill.currency?.name ?? null,
    lines,
    note,
  };
}

/**
 * The bill's number, or null while it has none: a draft's `name` is `/` on 17/18 and false on 19
 * (the gateway gives null for false). Never show `/` as a name.
 */
export function billNumber(bill: Pick<VendorBill, 'name'>): string | null {
  const name = bill.name?.trim();
  return name && name !== '/' ? name : null;
}

/** How a bill is called in a title: its number, else "draft bill" with the vendor's reference, else its id. */
export function billLabel(bill: Pick<VendorBill, 'id' | 'name' | 'ref'>): string {
  const number = billNumber(bill);
  if (number) return number;
  return bill.ref ? `draft bill ${bill.ref}` : `draft bill #${bill.id}`;
}

/** What a bill card shows besides the material facts: number, state, reference, dates, total, PO and its state. */
export function billShown(ctx: BillContext): unknown {
  const { bill, order } = ctx;
  return {
    number: billNumber(bill), state: bill.state, ref: bill.ref, payment: bill.paymentState, total: bill.amountTotal,
    date: bill.invoiceDate, due: bill.invoiceDateDue, vendor: bill.partner?.name ?? null,
    po: order?.name ?? bill.invoiceOrigin, poState: order?.state ?? null,
  };
}

/** A bill line with no PO line to match (bills without PO, duplicates). */
export function unmatchedLine(l: VendorBillLine, currency: string | null): BillLineMatch {
  return {
    billLineId: l.id,
    poLineId: l.purchaseLine?.id ?? null,
    product: l.product?.name ?? l.name,
    billedQuantity: l.quantity,
    billedOnOtherBills: 0,
    orderedQuantity: null,
    receivedQuantity: null,
    billPrice: { amount: l.priceUnit, currency },
    poPrice: null,
    priceDifference: null,
    priceDifferencePercent: null,
    amountAtStake: null,
  };
}
