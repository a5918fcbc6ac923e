import type { RpcStruct } from '../../xmlrpc/rpc-value.ts';
import { UserError } from '../odoo-errors.ts';
import type { ModelBehaviour } from '../orm/behaviour.ts';
import { odooDate, sudo, type OdooEnv } from '../orm/env.ts';
import { create, write } from '../orm/records.ts';
import { chatterMethods } from './mail-thread.ts';
import { orderLines, recomputeOrder, taxAmount } from './purchase-compute.ts';
import { nextSequence } from './sequence.ts';
import { num } from './row-values.ts';

/**
 * Vendor bills (account.move, move_type 'in_invoice') created from purchase orders, as
 * purchase's action_create_invoice does on 17.0/18.0: one draft bill per order with the
 * not-yet-invoiced received quantities (bill control on received quantities), product lines
 * carrying purchase_line_id. Only product lines are kept (no payable/tax journal items).
 */
const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

export function createBills(env: OdooEnv, orderIds: number[]): number[] {
  const su = sudo(env);
  const bills: number[] = [];
  for (const orderId of orderIds) {
    recomputeOrder(env, orderId);
    const order = env.store.get('purchase.order', orderId);
    if (!order || (order.state !== 'purchase' && order.state !== 'done')) continue;
    const lines = orderLines(env, orderId).filter((l) => !l.display_type && num(l.qty_received) - num(l.qty_invoiced) > 1e-9);
    if (lines.length === 0) continue;
    const [billId] = create(su, 'account.move', [
      {
        move_type: 'in_invoice',
        partner_id: order.partner_id ?? false,
        invoice_origin: order.name ?? false,
        ref: typeof order.partner_ref === 'string' ? order.partner_ref : '',
        currency_id: order.currency_id ?? false,
        company_id: order.company_id ?? false,
        invoice_user_id: env.uid,
        invoice_line_ids: lines.map((l) => [
          0,
          0,
          {
            display_type: 'product',
            name: `${String(order.name)}: ${String(l.name ?? '')}`,
            product_id: l.product_id ?? false,
            product_uom_id: l.product_uom ?? false,
            quantity: num(l.qty_received) - num(l.qty_invoiced),
            price_unit: num(l.price_unit),
            tax_ids: [[6, 0, Array.isArray(l.taxes_id) ? l.taxes_id : []]],
            purchase_line_id: l.id,
          },
        ]),
      },
    ]);
    if (billId === undefined) continue;
    const invoices = Array.isArray(order.invoice_ids) ? order.invoice_ids : [];
    env.store.update('purchase.order', orderId, { invoice_ids: [...invoices, billId] });
    recomputeOrder(env, orderId);
    bills.push(billId);
  }
  if (bills.length === 0) {
    throw new UserError('There is no invoiceable line. If a product has a control policy based on received quantity, please make sure that a quantity has been received.');
  }
  return bills;
}

/** The window action action_create_invoice answers (recorded 'Bills' action, per version). */
export function billAction(env: OdooEnv, billIds: number[]): RpcStruct {
  const v17 = env.version === 17;
  const action: RpcStruct = {
    id: v17 ? 247 : 253,
    name: 'Bills',
    type: 'ir.actions.act_window',
    xml_id: 'account.action_move_in_invoice_type',
    help: v17
      ? '<p class="o_view_nocontent_smiling_face">\n                Create a vendor bill\n              </p><p>\n                Create invoices, register payments and keep track of the discussions with your vendors.\n              </p>\n            '
      : '<p class="o_view_nocontent_smiling_face">\n                    Create a vendor bill\n                </p><p>\n                    Capture invoices, register payments and keep track of the discussions with your vendors.\n                </p>\n            ',
    binding_model_id: false,
    binding_type: 'action',
    binding_view_types: 'list,form',
    display_name: 'Bills',
    view_id: v17 ? [653, 'account.out.invoice.tree'] : [684, 'account.out.invoice.list'],
    domain: v17 ? "[('move_type', '=', 'in_invoice')]" : "[('move_type', 'in', ['in_invoice', 'in_refund'])]",
    context: v17
      ? "{'default_move_type': 'in_invoice', 'display_account_trust': True}"
      : "{'search_default_in_invoice': 1, 'default_move_type': 'in_invoice', 'display_account_trust': True}",
    res_id: billIds[0] ?? 0,
    res_model: 'account.move',
    target: 'current',
    view_mode: v17 ? 'tree,kanban,form,activity' : 'list,kanban,form,activity',
    mobile_view_mode: 'kanban',
    views: v17
      ? [[657, 'form'], [653, 'tree'], [false, 'kanban'], [false, 'activity']]
      : [[688, 'form'], [684, 'list'], [false, 'kanban'], [false, 'activity']],
    search_view_id: v17 ? [660, 'account.invoice.select'] : [692, 'account.invoice.select'],
    filter: false,
    limit: 80,
    groups_id: [],
  };
  if (!v17) {
    action.path = 'bills';
    action.embedded_action_ids = [];
  }
  if (billIds.length > 1) {
    delete action.res_id;
    action.domain = `[('id', 'in', [${billIds.join(', ')}])]`;
  }
  return action;
}

/** Recomputes a bill's amounts from its product lines, and the purchase lines it bills. */
export function recomputeBill(env: OdooEnv, moveId: number): void {
  const lineIds = env.store.childrenBy('account.move.line', 'move_id', moveId);
  let untaxed = 0;
  let tax = 0;
  const orders = new Set<number>();
  for (const id of lineIds) {
    const l = env.store.get('account.move.line', id);
    if (!l || (l.display_type && l.display_type !== 'product')) continue;
    const subtotal = round2(num(l.quantity) * num(l.price_unit) * (1 - num(l.discount) / 100));
    const t = taxAmount(env, Array.isArray(l.tax_ids) ? l.tax_ids : [], subtotal);
    env.store.update('account.move.line', id, { price_subtotal: subtotal, price_total: round2(subtotal + t) });
    untaxed += subtotal;
    tax += t;
    const pl = typeof l.purchase_line_id === 'number' ? env.store.get('purchase.order.line', l.purchase_line_id) : undefined;
    if (typeof pl?.order_id === 'number') orders.add(pl.order_id);
  }
  const move = env.store.get('account.move', moveId);
  const total = round2(untaxed + tax);
  const residual = move?.payment_state === 'paid' ? 0 : total;
  env.store.update('account.move', moveId, {
    amount_untaxed: round2(untaxed),
    amount_tax: round2(tax),
    amount_total: total,
    amount_residual: residual,
    amount_total_signed: -total,
    amount_residual_signed: -residual,
  });
  for (const o of orders) recomputeOrder(env, o);
}

export const accountMoveBehaviour: ModelBehaviour = {
  order: 'date desc, name desc, id desc',
  defaults(env, row) {
    const today = odooDate(env.now());
    row.name ??= '/';
    row.state ??= 'draft';
    row.move_type ??= 'entry';
    row.payment_state ??= 'not_paid';
    row.date ??= today;
    row.invoice_date ??= false;
    row.invoice_date_due ??= today;
    row.invoice_origin ??= false;
    row.ref ??= false;
    if (row.company_id === undefined) row.company_id = env.store.get('res.users', env.uid)?.company_id ?? false;
    if (row.currency_id === undefined && typeof row.company_id === 'number') row.currency_id = env.store.get('res.company', row.company_id)?.currency_id ?? false;
    row.amount_untaxed ??= 0;
    row.amount_tax ??= 0;
    row.amount_total ??= 0;
    row.amount_residual ??= 0;
  },
  afterCreate(env, id) {
    recomputeBill(env, id);
  },
  afterWrite(env, ids) {
    for (const id of ids) recomputeBill(env, id);
  },
  methods: {
    ...chatterMethods('account.move'),
    action_post: (env, ids) => {
      for (const id of ids) {
        const move = env.store.get('account.move', id);
        if (!move || move.state === 'posted') continue;
        const date = typeof move.invoice_date === 'string' ? move.invoice_date : odooDate(env.now());
        const prefix = move.move_type === 'in_invoice' ? `BILL/${date.slice(0, 4)}/${date.slice(5, 7)}/` : `MISC/${date.slice(0, 4)}/${date.slice(5, 7)}/`;
        const name = move.name && move.name !== '/' ? move.name : nextSequence(env.store, 'account.move', 'name', prefix, 4);
        write(sudo(env), 'account.move', [id], { state: 'posted', name, invoice_date: date, date });
      }
      return false;
    },
    button_draft: (env, ids) => {
      write(sudo(env), 'account.move', ids, { state: 'draft' });
      return false;
    },
    button_cancel: (env, ids) => {
      write(sudo(env), 'account.move', ids, { state: 'cancel' });
      return false;
    },
  },
};

export const accountMoveLineBehaviour: ModelBehaviour = {
  order: 'date desc, move_name desc, id',
  defaults(env, row) {
    const move = typeof row.move_id === 'number' ? env.store.get('account.move', row.move_id) : undefined;
    row.display_type ??= 'product';
    row.quantity ??= 1;
    row.price_unit ??= 0;
    row.discount ??= 0;
    row.tax_ids ??= [];
    row.partner_id ??= move?.partner_id ?? false;
    row.currency_id ??= move?.currency_id ?? false;
    row.company_id ??= move?.company_id ?? false;
    row.date ??= move?.date ?? odooDate(env.now());
    row.move_name ??= move?.name ?? '/';
  },
  afterCreate(env, id) {
    const moveId = env.store.get('account.move.line', id)?.move_id;
    if (typeof moveId === 'number') recomputeBill(env, moveId);
  },
  afterWrite(env, ids) {
    const moves = new Set<number>();
    for (const id of ids) {
      const m = env.store.get('account.move.line', id)?.move_id;
      if (typeof m === 'number') moves.add(m);
    }
    for (const m of moves) recomputeBill(env, m);
  },
};
