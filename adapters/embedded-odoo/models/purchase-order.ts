import type { RpcStruct, RpcValue } from '../../xmlrpc/rpc-value.ts';
import { UserError } from '../odoo-errors.ts';
import { hasGroup } from '../orm/access.ts';
import type { ModelBehaviour } from '../orm/behaviour.ts';
import { mustGet, odooDatetime, sudo, type OdooEnv } from '../orm/env.ts';
import { write } from '../orm/records.ts';
import { billAction, createBills } from './vendor-bill.ts';
import { chatterMethods, postMessage } from './mail-thread.ts';
import { orderLines, recomputeLine, recomputeOrder } from './purchase-compute.ts';
import { nextSequence } from './sequence.ts';
import { createReceipt } from './stock-picking.ts';
import { num, ref } from './row-values.ts';

/**
 * purchase.order: two-step approval, receipts, bills, chatter, with the semantics recorded on
 * Odoo 17.0 and 18.0 (purchase + purchase_stock):
 * - button_confirm on draft/sent: approval allowed (one_step, amount_total under the company's
 *   po_double_validation_amount, or a purchase manager) -> button_approve, else 'to approve';
 *   on any other state it does nothing and returns True;
 * - button_approve keeps only the orders the user may approve: a purchase user gets `{}` and
 *   NOTHING changes; a manager -> 'purchase', date_approve, the incoming receipt;
 * - button_cancel commits, then returns None (the XML-RPC layer turns that into the recorded
 *   'cannot marshal None' fault 1);
 * - unlink of an order that is not cancelled is refused (fault 2).
 */

/** purchase.order _approval_allowed (17.0/18.0), threshold in company currency (one currency here). */
function approvalAllowed(env: OdooEnv, orderId: number): boolean {
  const order = env.store.get('purchase.order', orderId);
  const company = typeof order?.company_id === 'number' ? env.store.get('res.company', order.company_id) : undefined;
  if (!order || !company) return true;
  return (
    company.po_double_validation !== 'two_step' ||
    num(order.amount_total) < num(company.po_double_validation_amount) ||
    hasGroup(env, 'purchase.group_purchase_manager')
  );
}

/** The chatter notification a state change leaves (purchase.order _track_subtype). */
function trackState(env: OdooEnv, orderId: number, from: string, to: string): void {
  let subtype = 'mail.mt_note';
  if (to === 'purchase') subtype = from === 'to approve' ? 'purchase.mt_rfq_approved' : 'purchase.mt_rfq_confirmed';
  else if (to === 'to approve') subtype = 'purchase.mt_rfq_confirmed';
  else if (to === 'done') subtype = 'purchase.mt_rfq_done';
  else if (to === 'sent') subtype = 'purchase.mt_rfq_sent';
  postMessage(env, 'purchase.order', orderId, { body: '', html: true, messageType: 'notification', subtypeXmlid: subtype });
}

function setState(env: OdooEnv, orderId: number, state: string, extra: RpcStruct = {}): void {
  const from = String(env.store.get('purchase.order', orderId)?.state ?? 'draft');
  write(sudo(env), 'purchase.order', [orderId], { state, ...extra });
  for (const line of orderLines(env, orderId)) env.store.update('purchase.order.line', line.id, { state });
  if (from !== state) trackState(env, orderId, from, state);
}

function approve(env: OdooEnv, ids: number[]): RpcStruct {
  const allowed = ids.filter((id) => approvalAllowed(env, id));
  for (const id of allowed) {
    setState(env, id, 'purchase', { date_approve: odooDatetime(env.now()) });
    const company = env.store.get('res.company', num(env.store.get('purchase.order', id)?.company_id));
    const order = env.store.get('purchase.order', id);
    if (!Array.isArray(order?.picking_ids) || order.picking_ids.length === 0 || order.picking_ids.every((p) => env.store.get('stock.picking', p)?.state === 'cancel')) {
      createReceipt(env, id);
    }
    if (company?.po_lock === 'lock') setState(env, id, 'done');
    recomputeOrder(env, id);
  }
  return {};
}

function confirm(env: OdooEnv, ids: number[]): boolean {
  const waiting: number[] = [];
  for (const id of ids) {
    // A missing id is a MissingError (fault 2) once the orders before it were confirmed: the call
    // rolls back, and on 17/18 their webhooks were already sent (flows.json webhook_before_commit).
    const order = mustGet(env, 'purchase.order', id);
    if (order.state !== 'draft' && order.state !== 'sent') continue;
    recomputeOrder(env, id);
    if (approvalAllowed(env, id)) approve(env, [id]);
    else {
      setState(env, id, 'to approve');
      waiting.push(id);
    }
  }
  // Odoo 17/18/19 write each order twice more at the end of this transition (supplier info on the
  // products, follower subscription of the vendor); each write re-runs the automation rules, which
  // is why the recordings show the same webhook POSTed three times, and once only when the call
  // failed before its end. They do not touch `state`, so a rule with trigger fields (state) fires once.
  for (const id of waiting) {
    env.events.push({ model: 'purchase.order', id, kind: 'write', changed: [] }, { model: 'purchase.order', id, kind: 'write', changed: [] });
  }
  return true;
}

function cancel(env: OdooEnv, ids: number[]): null {
  for (const id of ids) {
    const order = env.store.get('purchase.order', id);
    const bills = Array.isArray(order?.invoice_ids) ? order.invoice_ids : [];
    if (bills.some((b) => !['cancel', 'draft'].includes(String(env.store.get('account.move', b)?.state)))) {
      throw new UserError('Unable to cancel this purchase order. You must first cancel the related vendor bills.');
    }
    const pickings = Array.isArray(order?.picking_ids) ? order.picking_ids : [];
    if (pickings.some((p) => env.store.get('stock.picking', p)?.state === 'done')) {
      throw new UserError(`Unable to cancel purchase order ${String(order?.name)} as some receptions have already been done.`);
    }
  }
  for (const id of ids) {
    const order = env.store.get('purchase.order', id);
    for (const p of Array.isArray(order?.picking_ids) ? order.picking_ids : []) {
      for (const moveId of env.store.childrenBy('stock.move', 'picking_id', p)) write(sudo(env), 'stock.move', [moveId], { state: 'cancel' });
      write(sudo(env), 'stock.picking', [p], { state: 'cancel' });
    }
    setState(env, id, 'cancel', { mail_reminder_confirmed: false });
    recomputeOrder(env, id);
  }
  return null; // Odoo's button_cancel returns None
}

export const purchaseOrderBehaviour: ModelBehaviour = {
  order: 'priority desc, id desc',
  defaults(env, row) {
    const user = env.store.get('res.users', env.uid);
    const companyId = typeof row.company_id === 'number' ? row.company_id : typeof user?.company_id === 'number' ? user.company_id : ref(env, 'base.main_company');
    const company = typeof companyId === 'number' ? env.store.get('res.company', companyId) : undefined;
    const now = odooDatetime(env.now());
    row.name ??= nextSequence(env.store, 'purchase.order', 'name', 'P', 5);
    row.state ??= 'draft';
    row.company_id = companyId;
    row.currency_id ??= company?.currency_id ?? ref(env, 'base.USD');
    row.user_id ??= env.uid;
    row.date_order ??= now;
    row.date_planned ??= now;
    row.priority ??= '0';
    row.invoice_status ??= 'no';
    row.receipt_status ??= false;
    row.date_approve ??= false;
    row.effective_date ??= false;
    row.origin ??= false;
    row.partner_ref ??= false;
    row.notes ??= false;
    row.picking_ids ??= [];
    row.invoice_ids ??= [];
    row.amount_untaxed ??= 0;
    row.amount_tax ??= 0;
    row.amount_total ??= 0;
    row.mail_reminder_confirmed ??= false;
    if (row.picking_type_id === undefined) {
      const type = env.store.rows('stock.picking.type').find((t) => t.code === 'incoming' && (t.company_id === companyId || t.company_id === false));
      row.picking_type_id = type?.id ?? false;
    }
  },
  afterCreate(env, id) {
    recomputeOrder(env, id);
    const lines = orderLines(env, id);
    const planned = lines.map((l) => l.date_planned).filter((d): d is string => typeof d === 'string').sort()[0];
    if (planned) env.store.update('purchase.order', id, { date_planned: planned });
    postMessage(env, 'purchase.order', id, { body: '<p>Purchase Order created</p>', html: true, messageType: 'notification', subtypeXmlid: 'mail.mt_note' });
  },
  afterWrite(env, ids, fields) {
    if (fields.some((f) => f === 'order_line' || f === 'state')) for (const id of ids) recomputeOrder(env, id);
  },
  beforeUnlink(env, ids) {
    for (const id of ids) {
      if (env.store.get('purchase.order', id)?.state !== 'cancel') {
        throw new UserError('In order to delete a purchase order, you must cancel it first.');
      }
    }
  },
  afterUnlink(env, rows) {
    for (const r of rows) for (const l of env.store.childrenBy('purchase.order.line', 'order_id', r.id)) env.store.delete('purchase.order.line', l);
  },
  methods: {
    ...chatterMethods('purchase.order'),
    button_confirm: (env, ids) => confirm(env, ids),
    button_approve: (env, ids) => approve(env, ids),
    button_cancel: (env, ids) => cancel(env, ids),
    // "Print RFQ": Odoo writes state `sent` (17.0-19.0: `self.write({'state': "sent"})`), then
    // answers the quotation report's action; the bot uses it to mark an RFQ as sent to the vendor.
    print_quotation: (env, ids): RpcValue => {
      for (const id of ids) setState(env, id, 'sent');
      return { type: 'ir.actions.report', report_name: 'purchase.report_purchasequotation', report_type: 'qweb-pdf', name: 'Request for Quotation' };
    },
    button_draft: (env, ids) => {
      for (const id of ids) setState(env, id, 'draft');
      return {};
    },
    button_done: (env, ids) => {
      for (const id of ids) setState(env, id, 'done', { priority: '0' });
      return null;
    },
    button_unlock: (env, ids) => {
      for (const id of ids) setState(env, id, 'purchase');
      return null;
    },
    action_create_invoice: (env, ids): RpcValue => {
      const billIds = createBills(env, ids);
      return billAction(env, billIds);
    },
  },
};

export const purchaseOrderLineBehaviour: ModelBehaviour = {
  order: 'order_id, sequence, id',
  defaults(env, row) {
    const product = typeof row.product_id === 'number' ? env.store.get('product.product', row.product_id) : undefined;
    const order = typeof row.order_id === 'number' ? env.store.get('purchase.order', row.order_id) : undefined;
    if (row.name === undefined && product) {
      const code = typeof product.default_code === 'string' && product.default_code ? `[${product.default_code}] ` : '';
      row.name = `${code}${String(product.name ?? '')}`;
    }
    row.product_qty ??= 1;
    row.product_uom_qty ??= row.product_qty;
    row.product_uom ??= product?.uom_po_id ?? product?.uom_id ?? ref(env, 'uom.product_uom_unit');
    row.price_unit ??= num(product?.standard_price);
    row.taxes_id ??= Array.isArray(product?.supplier_taxes_id) ? [...product.supplier_taxes_id] : [];
    row.date_planned ??= odooDatetime(env.now());
    row.qty_received ??= 0;
    row.qty_invoiced ??= 0;
    row.qty_received_manual ??= 0;
    row.qty_received_method ??= 'stock_moves';
    row.discount ??= 0;
    row.sequence ??= 10;
    row.display_type ??= false;
    row.state ??= order?.state ?? 'draft';
    row.company_id ??= order?.company_id ?? false;
    row.currency_id ??= order?.currency_id ?? false;
    row.partner_id ??= order?.partner_id ?? false;
  },
  afterCreate(env, id) {
    recomputeLine(env, id);
    const orderId = env.store.get('purchase.order.line', id)?.order_id;
    if (typeof orderId === 'number') recomputeOrder(env, orderId);
  },
  afterWrite(env, ids) {
    const orders = new Set<number>();
    for (const id of ids) {
      recomputeLine(env, id);
      const o = env.store.get('purchase.order.line', id)?.order_id;
      if (typeof o === 'number') orders.add(o);
    }
    for (const o of orders) recomputeOrder(env, o);
  },
};
