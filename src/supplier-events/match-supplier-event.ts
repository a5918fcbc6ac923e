/**
 * Matches a supplier event to its PO and lines in Odoo and checks it against them, so a bad
 * update is refused at the door with a clear reason and nothing is written: an unknown PO or
 * line, a cancelled order, a date already past, more shipped or cancelled than is still open.
 */
import type { PurchaseOrder, PurchaseOrderLine } from '../domain/odoo-records.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import { dayOf } from '../triage/dates/calendar-day.ts';
import type { LineRefInput, SupplierEvent } from './supplier-event.ts';

export interface SupplierEventRefusal {
  status: 404 | 422;
  code: 'unknown_po' | 'po_cancelled' | 'unknown_line' | 'date_in_past' | 'quantity_too_large';
  message: string;
}

export interface MatchedLine {
  line: PurchaseOrderLine;
  /** Still to receive: ordered minus received. */
  open: number;
  /** The event's values for this line (dates, quantities). */
  values: Record<string, unknown>;
}

export interface MatchedSupplierEvent {
  event: SupplierEvent;
  order: PurchaseOrder;
  /** The lines the event names; without lines (ETA change, acknowledgement), every open product line. */
  lines: MatchedLine[];
}

export type MatchResult = { ok: true; matched: MatchedSupplierEvent } | { ok: false; refusal: SupplierEventRefusal };

const refuse = (status: 404 | 422, code: SupplierEventRefusal['code'], message: string): MatchResult => ({ ok: false, refusal: { status, code, message } });

async function findOrder(odoo: OdooGateway, po: string | number): Promise<PurchaseOrder | null> {
  if (typeof po === 'number' || /^\d+$/.test(po)) return (await odoo.read('purchaseOrder', [Number(po)]))[0] ?? null;
  return (await odoo.search('purchaseOrder', { domain: [['name', '=', po.toUpperCase()]], limit: 1 }))[0] ?? null;
}

async function findLine(odoo: OdooGateway, lines: readonly PurchaseOrderLine[], ref: LineRefInput): Promise<PurchaseOrderLine | null> {
  if ('line_id' in ref) return lines.find((l) => l.id === ref.line_id) ?? null;
  const products = await odoo.searchIds('product.product', [['default_code', '=', ref.product_code]], { limit: 10 });
  return lines.find((l) => l.product !== null && products.includes(l.product.id)) ?? null;
}

const refText = (ref: LineRefInput) => ('line_id' in ref ? `line ${ref.line_id}` : `product ${ref.product_code}`);

/** `today` is the UTC day at the receiver: a date before it is in the past. */
export async function matchSupplierEvent(event: SupplierEvent, odoo: OdooGateway, today: string): Promise<MatchResult> {
  const order = await findOrder(odoo, event.po);
  if (!order) return refuse(404, 'unknown_po', `no purchase order ${event.po} in Odoo`);
  if (order.state === 'cancel') return refuse(422, 'po_cancelled', `${order.name} is cancelled in Odoo; nothing was written`);

  const dates = [
    'confirmed_date' in event ? event.confirmed_date : undefined,
    'eta' in event ? event.eta : undefined,
    ...(event.lines ?? []).map((l) => ('confirmed_date' in l ? l.confirmed_date : undefined)),
  ].filter((d): d is string => typeof d === 'string');
  const past = dates.find((d) => d < today);
  if (past) return refuse(422, 'date_in_past', `${past} is in the past (today is ${today} UTC); send the date the goods are now expected`);

  const all = (await odoo.read('purchaseOrderLine', order.lineIds)).filter((l) => l.displayType === null);
  const open = (l: PurchaseOrderLine) => Math.max(0, l.quantity - l.qtyReceived);
  const lines: MatchedLine[] = [];
  for (const input of event.lines ?? []) {
    const line = await findLine(odoo, all, input);
    if (!line) return refuse(422, 'unknown_line', `${order.name} has no ${refText(input)}`);
    const values = { ...input } as Record<string, unknown>;
    for (const key of ['shipped_qty', 'cancelled_qty'] as const) {
      const qty = values[key];
      if (typeof qty === 'number' && qty > open(line)) return refuse(422, 'quantity_too_large', `${key} ${qty} on ${refText(input)} is more than the ${open(line)} still open on ${order.name}`);
    }
    if (typeof values.confirmed_qty === 'number' && values.confirmed_qty > line.quantity) {
      return refuse(422, 'quantity_too_large', `confirmed_qty ${values.confirmed_qty} on ${refText(input)} is more than the ${line.quantity} ordered`);
    }
    lines.push({ line, open: open(line), values });
  }
  // An ETA change or an acknowledgement without lines is about every line still open.
  if ((event.type === 'eta.changed' || event.type === 'order.acknowledged') && !event.lines?.length) {
    for (const line of all.filter((l) => open(l) > 0)) lines.push({ line, open: open(line), values: {} });
  }
  return { ok: true, matched: { event, order, lines } };
}

/** The UTC day of an instant: what "in the past" is judged against. */
export const todayOf = (now: Date) => dayOf(now);
