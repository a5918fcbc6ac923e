/**
 * Incoming receipts of a PO: a stock.picking per shipment with a stock.move per PO line, the way
 * purchase_stock creates them, and backorders the way validating a short receipt splits them.
 */
import { odooDatetime } from './dates.ts';
import type { LineRef, OrderRef } from './purchase-orders.ts';
import { round3 } from './purchase-orders.ts';
import type { SeedContext } from './seed-context.ts';
import { pushId, rowOf, stamp } from './seed-context.ts';

export interface ReceiptSpec {
  state: 'assigned' | 'done' | 'cancel';
  scheduled: Date;
  /** The promised date (from the PO line date_planned); false when there is none. */
  deadline: Date | false;
  /** Done receipts: when they were validated. */
  doneAt?: Date;
  /** Quantity per PO line: the demand of an open move, the received quantity of a done one; 0 skips the line. */
  quantities: number[];
  /** The picking this one is the backorder of. */
  backorderOf?: number;
  createdAt: Date;
}

export function createReceipt(ctx: SeedContext, order: OrderRef, spec: ReceiptSpec): number {
  const { store } = ctx;
  const wh = order.spec.warehouse;
  const name = `${wh.code}/IN/${String(wh.nextReceipt++).padStart(5, '0')}`;
  const scheduled = odooDatetime(spec.scheduled);
  const deadline = spec.deadline === false ? false : odooDatetime(spec.deadline);
  const doneAt = spec.state === 'done' && spec.doneAt ? odooDatetime(spec.doneAt) : false;
  const created = odooDatetime(spec.createdAt);
  const uid = order.spec.buyer.id;
  const pickingId = store.insert('stock.picking', {
    name,
    origin: order.name,
    partner_id: order.spec.vendor.id,
    company_id: order.spec.company.id,
    picking_type_id: wh.pickingTypeId,
    // purchase_id and picking_type_code are related fields in Odoo (not stored); kept for direct readers.
    purchase_id: order.id,
    picking_type_code: 'incoming',
    location_id: wh.supplierLocationId,
    location_dest_id: wh.stockLocationId,
    scheduled_date: scheduled,
    date_deadline: deadline,
    has_deadline_issue: deadline !== false && deadline < scheduled,
    date: created,
    date_done: doneAt,
    state: spec.state,
    move_type: 'direct',
    priority: order.spec.priority,
    user_id: false,
    owner_id: false,
    backorder_id: spec.backorderOf ?? false,
    backorder_ids: [],
    return_id: false,
    return_ids: [],
    move_ids: [],
    move_ids_without_package: [],
    move_line_ids: [],
    is_locked: true,
    printed: false,
    note: false,
    group_id: false,
    message_ids: [],
    activity_ids: [],
    ...stamp(uid, created, doneAt === false ? created : doneAt),
  });
  const picking = rowOf(store, 'stock.picking', pickingId);
  order.lines.forEach((line, i) => {
    const qty = spec.quantities[i] ?? 0;
    if (qty <= 0) return;
    const moveId = insertMove(ctx, order, line, pickingId, name, spec, qty, scheduled, deadline, doneAt, created);
    (picking.move_ids as number[]).push(moveId);
    (picking.move_ids_without_package as number[]).push(moveId);
    pushId(line.row, 'move_ids', moveId);
    if (spec.state === 'done') line.row.qty_received = round3((line.row.qty_received as number) + qty);
  });
  if (spec.backorderOf !== undefined) pushId(rowOf(store, 'stock.picking', spec.backorderOf), 'backorder_ids', pickingId);
  (order.row.picking_ids as number[]).push(pickingId);
  return pickingId;
}

function insertMove(
  ctx: SeedContext, order: OrderRef, line: LineRef, pickingId: number, reference: string, spec: ReceiptSpec,
  qty: number, scheduled: string, deadline: string | false, doneAt: string | false, created: string,
): number {
  const wh = order.spec.warehouse;
  return ctx.store.insert('stock.move', {
    name: line.spec.product.displayName,
    reference,
    origin: order.name,
    picking_id: pickingId,
    picking_type_id: wh.pickingTypeId,
    warehouse_id: wh.id,
    company_id: order.spec.company.id,
    partner_id: false,
    product_id: line.spec.product.id,
    product_uom: line.spec.product.uomId,
    product_uom_qty: qty,
    product_qty: qty,
    quantity: spec.state === 'cancel' ? 0 : qty,
    picked: spec.state === 'done',
    state: spec.state,
    location_id: wh.supplierLocationId,
    location_dest_id: wh.stockLocationId,
    location_final_id: false,
    date: doneAt === false ? scheduled : doneAt,
    date_deadline: deadline,
    purchase_line_id: line.id,
    price_unit: line.spec.price,
    procure_method: 'make_to_stock',
    propagate_cancel: false,
    additional: false,
    scrapped: false,
    is_inventory: false,
    sequence: 10,
    priority: order.spec.priority,
    description_picking: false,
    origin_returned_move_id: false,
    returned_move_ids: [],
    move_orig_ids: [],
    move_dest_ids: [],
    move_line_ids: [],
    created_purchase_line_ids: [],
    group_id: false,
    ...stamp(order.spec.buyer.id, created, doneAt === false ? created : doneAt),
  });
}

/** Demand per line: what is still expected after what was already received. */
export function remaining(order: OrderRef): number[] {
  return order.lines.map((l) => Math.max(0, round3(l.spec.qty - (l.row.qty_received as number))));
}
