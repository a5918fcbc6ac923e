import type { Row } from '../store.ts';
import type { RpcStruct } from '../../xmlrpc/rpc-value.ts';
import { UserError } from '../odoo-errors.ts';
import type { ModelBehaviour } from '../orm/behaviour.ts';
import { odooDatetime, sudo, type OdooEnv } from '../orm/env.ts';
import { create, write } from '../orm/records.ts';
import { chatterMethods } from './mail-thread.ts';
import { orderLines, recomputeOrder } from './purchase-compute.ts';
import { nextSequence } from './sequence.ts';
import { num, ref } from './row-values.ts';

/**
 * Incoming receipts (stock.picking + stock.move) of purchase orders, as purchase_stock creates
 * them on approval, and their validation with the backorder wizard (17.0 and 18.0 recordings):
 * a receipt is 'assigned' with each move's quantity preset to its demand; validating less than
 * the demand answers the stock.backorder.confirmation action, whose `process` splits the rest
 * into a backorder picking (backorder_id) and marks the original done.
 */

function pickingPrefix(env: OdooEnv, typeId: number): string {
  const type = env.store.get('stock.picking.type', typeId);
  const wh = typeof type?.warehouse_id === 'number' ? env.store.get('stock.warehouse', type.warehouse_id) : undefined;
  return `${String(wh?.code ?? 'WH')}/${String(type?.sequence_code ?? 'IN')}/`;
}

/** Creates the receipt of a just-approved order (purchase_stock _create_picking). */
export function createReceipt(env: OdooEnv, orderId: number): number | undefined {
  const su = sudo(env);
  const order = env.store.get('purchase.order', orderId);
  if (!order) return undefined;
  const lines = orderLines(env, orderId).filter((l) => !l.display_type && num(l.product_qty) > 0);
  if (lines.length === 0) return undefined;
  const typeId = typeof order.picking_type_id === 'number' ? order.picking_type_id : ref(env, 'stock.picking_type_in');
  if (typeId === false) return undefined;
  const type = env.store.get('stock.picking.type', typeId);
  const src = ref(env, 'stock.stock_location_suppliers');
  const dest = typeof type?.default_location_dest_id === 'number' ? type.default_location_dest_id : ref(env, 'stock.stock_location_stock');
  const planned = String(order.date_planned || odooDatetime(env.now()));
  const [pickingId] = create(su, 'stock.picking', [
    {
      name: nextSequence(env.store, 'stock.picking', 'name', pickingPrefix(env, typeId), 5),
      picking_type_id: typeId,
      partner_id: order.partner_id ?? false,
      origin: order.name ?? false,
      location_id: src,
      location_dest_id: dest,
      scheduled_date: planned,
      date_deadline: planned,
      company_id: order.company_id ?? false,
      move_type: 'direct',
      state: 'assigned',
    },
  ]);
  if (pickingId === undefined) return undefined;
  env.store.update('stock.picking', pickingId, { purchase_id: orderId });
  for (const line of lines) {
    create(su, 'stock.move', [
      {
        name: line.name ?? '',
        product_id: line.product_id ?? false,
        product_uom_qty: num(line.product_qty),
        product_qty: num(line.product_qty),
        quantity: num(line.product_qty),
        product_uom: line.product_uom ?? false,
        picking_id: pickingId,
        picking_type_id: typeId,
        purchase_line_id: line.id,
        location_id: src,
        location_dest_id: dest,
        partner_id: order.partner_id ?? false,
        origin: order.name ?? false,
        price_unit: num(line.price_unit),
        date: planned,
        date_deadline: planned,
        company_id: order.company_id ?? false,
        warehouse_id: type?.warehouse_id ?? false,
        state: 'assigned',
        picked: false,
      },
    ]);
  }
  const picks = Array.isArray(order.picking_ids) ? order.picking_ids : [];
  env.store.update('purchase.order', orderId, { picking_ids: [...picks, pickingId] });
  return pickingId;
}

function movesOf(env: OdooEnv, pickingId: number): Row[] {
  const p = env.store.get('stock.picking', pickingId);
  const stored = p?.move_ids;
  const moveIds = Array.isArray(stored) ? stored : env.store.childrenBy('stock.move', 'picking_id', pickingId);
  return moveIds.map((id) => env.store.get('stock.move', id)).filter((m): m is Row => m !== undefined && m.state !== 'cancel');
}

function purchaseOrderOf(env: OdooEnv, picking: Row): number | undefined {
  if (typeof picking.purchase_id === 'number') return picking.purchase_id;
  for (const m of movesOf(env, picking.id)) {
    const line = typeof m.purchase_line_id === 'number' ? env.store.get('purchase.order.line', m.purchase_line_id) : undefined;
    if (typeof line?.order_id === 'number') return line.order_id;
  }
  return undefined;
}

/** Marks a picking and its moves done and refreshes the purchase order's received quantities. */
function markDone(env: OdooEnv, pickingId: number): void {
  const stamp = odooDatetime(env.now());
  const su = sudo(env);
  for (const m of movesOf(env, pickingId)) {
    write(su, 'stock.move', [m.id], { state: num(m.quantity) > 0 ? 'done' : 'cancel', picked: true, date: stamp });
  }
  write(su, 'stock.picking', [pickingId], { state: 'done', date_done: stamp });
  const picking = env.store.get('stock.picking', pickingId);
  const orderId = picking ? purchaseOrderOf(env, picking) : undefined;
  if (orderId !== undefined) recomputeOrder(env, orderId);
}

/** The wizard action button_validate answers for a partial receipt (recorded, per version). */
function backorderAction(env: OdooEnv, pickingIds: number[]): RpcStruct {
  const viewId = env.version === 17 ? 819 : 870;
  return {
    name: 'Create Backorder?',
    type: 'ir.actions.act_window',
    view_mode: 'form',
    res_model: 'stock.backorder.confirmation',
    views: [[viewId, 'form']],
    view_id: viewId,
    target: 'new',
    context: {
      button_validate_picking_ids: pickingIds,
      default_show_transfers: false,
      default_pick_ids: pickingIds.map((id) => [4, id]),
    },
  };
}

const buttonValidate = (env: OdooEnv, ids: number[]): RpcStruct | boolean => {
  const partial: number[] = [];
  for (const id of ids) {
    const picking = env.store.get('stock.picking', id);
    if (!picking) continue;
    if (picking.state === 'done' || picking.state === 'cancel') continue;
    const moves = movesOf(env, id);
    if (moves.every((m) => num(m.quantity) <= 0)) {
      throw new UserError('You cannot validate a transfer if no quantities are reserved nor done. You can use the info button on the top right corner of your screen to know why the stock is not available.');
    }
    if (moves.some((m) => num(m.quantity) < num(m.product_uom_qty) - 1e-9)) partial.push(id);
  }
  if (partial.length > 0 && env.context.picking_ids_not_to_backorder === undefined && env.context.cancel_backorder === undefined) {
    return backorderAction(env, ids);
  }
  for (const id of ids) {
    const state = env.store.get('stock.picking', id)?.state;
    if (state !== 'done' && state !== 'cancel') {
      if (env.context.cancel_backorder === true) finishWithBackorder(env, id, false);
      else markDone(env, id);
    }
  }
  return true;
};

/** Splits the not-received rest of each move into a backorder picking (unless cancelled). */
function finishWithBackorder(env: OdooEnv, pickingId: number, makeBackorder: boolean): void {
  const su = sudo(env);
  const picking = env.store.get('stock.picking', pickingId);
  if (!picking) return;
  const rests = movesOf(env, pickingId)
    .map((m) => ({ move: m, rest: num(m.product_uom_qty) - num(m.quantity) }))
    .filter((x) => x.rest > 1e-9);
  if (rests.length > 0 && makeBackorder) {
    const typeId = typeof picking.picking_type_id === 'number' ? picking.picking_type_id : 0;
    const [backId] = create(su, 'stock.picking', [
      {
        name: nextSequence(env.store, 'stock.picking', 'name', pickingPrefix(env, typeId), 5),
        picking_type_id: picking.picking_type_id ?? false,
        partner_id: picking.partner_id ?? false,
        origin: picking.origin ?? false,
        location_id: picking.location_id ?? false,
        location_dest_id: picking.location_dest_id ?? false,
        scheduled_date: picking.scheduled_date ?? false,
        date_deadline: picking.date_deadline ?? false,
        company_id: picking.company_id ?? false,
        move_type: picking.move_type ?? 'direct',
        backorder_id: pickingId,
        state: 'assigned',
      },
    ]);
    if (backId !== undefined) {
      const orderId = purchaseOrderOf(env, picking);
      if (orderId !== undefined) {
        env.store.update('stock.picking', backId, { purchase_id: orderId });
        const order = env.store.get('purchase.order', orderId);
        const picks = Array.isArray(order?.picking_ids) ? order.picking_ids : [];
        env.store.update('purchase.order', orderId, { picking_ids: [...picks, backId] });
      }
      for (const { move, rest } of rests) {
        const copy: RpcStruct = {};
        for (const k of ['name', 'product_id', 'product_uom', 'picking_type_id', 'purchase_line_id', 'location_id', 'location_dest_id', 'partner_id', 'origin', 'price_unit', 'date', 'date_deadline', 'company_id', 'warehouse_id']) {
          const v = move[k];
          if (v !== undefined && v !== null && !Array.isArray(v)) copy[k] = v;
        }
        create(su, 'stock.move', [{ ...copy, product_uom_qty: rest, product_qty: rest, quantity: rest, picking_id: backId, state: 'assigned', picked: false }]);
        write(su, 'stock.move', [move.id], { product_uom_qty: num(move.quantity), product_qty: num(move.quantity) });
      }
    }
  }
  markDone(env, pickingId);
}

function wizardPickings(env: OdooEnv, wizardIds: number[]): number[] {
  const out = new Set<number>();
  for (const id of wizardIds) {
    const w = env.store.get('stock.backorder.confirmation', id);
    if (Array.isArray(w?.pick_ids)) for (const p of w.pick_ids) out.add(p);
  }
  const ctx = env.context.button_validate_picking_ids;
  if (Array.isArray(ctx)) for (const p of ctx) if (typeof p === 'number') out.add(p);
  return [...out];
}

export const stockPickingBehaviour: ModelBehaviour = {
  order: 'priority desc, scheduled_date asc, id desc',
  defaults(env, row) {
    row.state ??= 'draft';
    row.priority ??= '0';
    row.date ??= odooDatetime(env.now());
    row.scheduled_date ??= odooDatetime(env.now());
    row.move_type ??= 'direct';
    row.backorder_id ??= false;
    row.date_done ??= false;
    row.user_id ??= false;
    row.is_locked ??= true;
    if (row.company_id === undefined) row.company_id = env.store.get('res.users', env.uid)?.company_id ?? false;
  },
  methods: {
    ...chatterMethods('stock.picking'),
    button_validate: (env, ids) => buttonValidate(env, ids),
    action_assign: (env, ids) => {
      write(sudo(env), 'stock.picking', ids, { state: 'assigned' });
      return true;
    },
    action_cancel: (env, ids) => {
      for (const id of ids) for (const m of movesOf(env, id)) write(sudo(env), 'stock.move', [m.id], { state: 'cancel' });
      write(sudo(env), 'stock.picking', ids, { state: 'cancel' });
      return true;
    },
  },
};

export const stockMoveBehaviour: ModelBehaviour = {
  order: 'sequence, id',
  defaults(env, row) {
    row.state ??= 'draft';
    row.sequence ??= 10;
    row.quantity ??= 0;
    row.picked ??= false;
    row.date ??= odooDatetime(env.now());
  },
};

export const backorderWizardBehaviour: ModelBehaviour = {
  defaults(env, row) {
    const fromCtx = env.context.default_pick_ids;
    if ((!Array.isArray(row.pick_ids) || row.pick_ids.length === 0) && Array.isArray(fromCtx)) {
      row.pick_ids = fromCtx.map((c) => (Array.isArray(c) ? c[1] : c)).filter((x): x is number => typeof x === 'number');
    }
    row.show_transfers ??= false;
  },
  methods: {
    process: (env, ids) => {
      for (const p of wizardPickings(env, ids)) finishWithBackorder(env, p, true);
      return true;
    },
    process_cancel_backorder: (env, ids) => {
      for (const p of wizardPickings(env, ids)) finishWithBackorder(env, p, false);
      return true;
    },
  },
};
