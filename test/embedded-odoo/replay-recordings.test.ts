/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON and RPC answers are untyped data; the tests check their shape */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { parseMethodCall, parseMethodResponse } from '../../adapters/xmlrpc/parse-xmlrpc.ts';
import { isStruct, type RpcValue } from '../../adapters/xmlrpc/rpc-value.ts';
import { writeMethodCall } from '../../adapters/xmlrpc/write-xmlrpc.ts';
import { client, postXml, recording, shape, startListener, type RawEntry } from './rpc-helpers.ts';

/**
 * Replays what real Odoo 17 and 18 answered (test/fixtures/odoo/<v>/raw_xmlrpc.json and
 * flows.json) against the embedded Odoo: the recorded request XML, with the record ids of this
 * database put in, must get the same answer: same bytes where nothing depends on ids, else the
 * same fault code and message (last traceback line) or the same value shapes.
 */
type Flows = {
  two_step: { after_buyer_confirm: Array<Record<string, unknown>> };
  webhook_captured: Array<{ body: Record<string, unknown>; headers: Record<string, string> }>;
  po_chatter_after_vendor_email: Array<Record<string, any>>;
  bills: Array<Record<string, any>>;
  bill_lines: Array<Record<string, any>>;
  po_lines_after_receipt: Array<Record<string, any>>;
  picking_after_validate: Array<Record<string, any>>;
};

const lastLine = (s: string): string => s.trim().split('\n').at(-1) ?? '';

describe.each([17, 18] as const)('replay of the Odoo %i recordings', (version) => {
  const raw = recording<Record<string, RawEntry>>(version, 'raw_xmlrpc.json');
  const flows = recording<Flows>(version, 'flows.json');
  const db = String(parseMethodCall(raw.authenticate_ok?.request ?? '').params[0]);
  let odoo: EmbeddedOdoo;
  let listener: Awaited<ReturnType<typeof startListener>>;
  const ids = { po: 0, po2: 0, buyer: 0, vendor: 0, product: 0, picking: 0, wizard: 0, model: 0 };

  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ version, db });
    listener = await startListener();
  });
  afterAll(async () => {
    await odoo?.stop();
    await listener?.close();
  });

  const admin = () => client(odoo.url, db, 2, 'admin');
  const buyer = () => client(odoo.url, db, ids.buyer, 'buyer');

  /** Sends the recorded request of `name`, adapted, and compares with the recorded answer. */
  async function replay(name: string, adapt: (p: RpcValue[]) => RpcValue[] = (p) => p, exactBytes = false): Promise<RpcValue> {
    const entry = raw[name];
    if (!entry?.request) throw new Error(`no recording ${name}`);
    const service = /<methodName>(version|authenticate|login)</.test(entry.request) ? 'common' : 'object';
    const call = parseMethodCall(entry.request);
    const sent = exactBytes ? entry.request : writeMethodCall(call.methodName, adapt(call.params));
    const { status, body } = await postXml(odoo.url, service, sent);
    expect(status).toBe(200);
    if (exactBytes) expect(body).toBe(entry.response);
    const got = parseMethodResponse(body, { keepDoubles: true });
    const want = parseMethodResponse(entry.response, { keepDoubles: true });
    expect(got.ok, `${name}: ${body.slice(-300)}`).toBe(want.ok);
    if (!got.ok && !want.ok) {
      expect(got.faultCode).toBe(want.faultCode);
      if (want.faultCode === 1) expect(lastLine(got.faultString)).toBe(lastLine(want.faultString));
      else expect(got.faultString).toBe(want.faultString);
      expect(got.faultString.startsWith('Traceback')).toBe(want.faultString.startsWith('Traceback'));
      return null;
    }
    if (got.ok && want.ok) {
      expect(shape(got.value)).toEqual(shape(want.value));
      return got.value;
    }
    return null;
  }

  /** Puts this database's uid/password and record ids into a recorded execute_kw. */
  const asUser = (uid: number, pw: string, recordIds?: number[]) => (p: RpcValue[]) => {
    const out = [...p];
    out[1] = uid;
    out[2] = pw;
    if (recordIds) out[5] = [recordIds, ...((out[5] as RpcValue[]).slice(1))];
    return out;
  };

  it('answers version, authenticate and credential faults byte for byte', async () => {
    await replay('version', undefined, true);
    await replay('authenticate_wrong_password', undefined, true);
    await replay('authenticate_ok', undefined, true);
    await replay('execute_kw_wrong_password', undefined, true);
    await replay('unknown_model', undefined, true);
  });

  it('reads like Odoo: search_read shapes, [] for a missing id, invalid field fault', async () => {
    const x = admin();
    ids.vendor = (await x('res.partner', 'search', [[['supplier_rank', '>', 0]]], { limit: 1 }))[0];
    ids.product = (await x('product.product', 'search', [[['purchase_ok', '=', true]]], { limit: 1 }))[0];
    for (const qty of [10, 12]) {
      await x('purchase.order', 'create', [{ partner_id: ids.vendor, order_line: [[0, 0, { product_id: ids.product, product_qty: qty, price_unit: 100 }]] }]);
    }
    const records = (await replay('search_read_purchase_order', asUser(2, 'admin'))) as RpcValue[];
    expect(records).toHaveLength(2);
    await replay('read_missing_id', undefined, true);
    await replay('write_invalid_field', asUser(2, 'admin', [1]));
  });

  it('two-step approval: a buyer confirm goes to approve, a buyer approve changes nothing', async () => {
    const x = admin();
    const xmlid = async (ref: string) => {
      const [mod = '', name = ''] = ref.split('.');
      return (await x('ir.model.data', 'search_read', [[['module', '=', mod], ['name', '=', name]]], { fields: ['res_id'] }))[0].res_id;
    };
    ids.buyer = await x('res.users', 'create', [{
      name: 'Bea Buyer', login: 'buyer', email: 'buyer@example.com', password: 'buyer',
      groups_id: [[6, 0, [await xmlid('base.group_user'), await xmlid('purchase.group_purchase_user'), await xmlid('stock.group_stock_user')]]],
    }]);
    const companies = await x('res.company', 'search', [[]]);
    await x('res.company', 'write', [companies, { po_double_validation: 'two_step', po_double_validation_amount: 5000 }]);
    ids.po = await buyer()('purchase.order', 'create', [{ partner_id: ids.vendor, order_line: [[0, 0, { product_id: ids.product, product_qty: 100, price_unit: 120.0 }]] }]);
    await replay('button_confirm_as_buyer_over_threshold', asUser(ids.buyer, 'buyer', [ids.po]));
    const [after] = await x('purchase.order', 'read', [[ids.po]], { fields: ['state', 'amount_total', 'write_date', 'user_id'] });
    const recorded = flows.two_step.after_buyer_confirm[0] ?? {};
    expect(Object.keys(after).sort()).toEqual(Object.keys(recorded).sort());
    expect(after.state).toBe('to approve');
    expect(after.amount_total).toBe(recorded.amount_total); // 17: 13800.0 (15% tax), 18: 12000.0
    expect(after.user_id).toEqual([ids.buyer, 'Bea Buyer']);
    await replay('button_approve_as_buyer', asUser(ids.buyer, 'buyer', [ids.po]));
    expect((await x('purchase.order', 'read', [[ids.po]], { fields: ['state'] }))[0].state).toBe('to approve');
  });

  it('fires the automation webhook three times with the recorded body, then approves as manager', async () => {
    const x = admin();
    ids.model = (await x('ir.model', 'search', [[['model', '=', 'purchase.order']]]))[0];
    const fieldIds = await x('ir.model.fields', 'search', [[['model', '=', 'purchase.order'], ['name', 'in', ['name', 'state', 'amount_total', 'partner_id', 'user_id', 'write_date']]]]);
    await x('base.automation', 'create', [{
      name: 'Bot: PO waiting for approval', model_id: ids.model, trigger: 'on_create_or_write', filter_domain: "[('state', '=', 'to approve')]",
      action_server_ids: [[0, 0, { name: 'Notify bot', model_id: ids.model, state: 'webhook', webhook_url: `${listener.url}/webhooks/odoo/secret-token`, webhook_field_ids: [[6, 0, fieldIds]] }]],
    }]);
    ids.po2 = await buyer()('purchase.order', 'create', [{ partner_id: ids.vendor, order_line: [[0, 0, { product_id: ids.product, product_qty: 80, price_unit: 150.0 }]] }]);
    await buyer()('purchase.order', 'button_confirm', [[ids.po2]]);
    await odoo.flushWebhooks();
    const recorded = flows.webhook_captured;
    expect(listener.captured).toHaveLength(recorded.length);
    const first = listener.captured[0];
    const body = first?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(recorded[0]?.body ?? {}).sort());
    for (const c of listener.captured) expect(c.raw).toBe(first?.raw);
    expect(body._model).toBe('purchase.order');
    expect(body._id).toBe(ids.po2);
    expect(body.state).toBe('to approve');
    expect(body.partner_id).toBe(ids.vendor);
    expect(body.user_id).toBe(ids.buyer);
    expect(String(body._action)).toMatch(/^Send Webhook Notification\(#\d+\)$/);
    expect(String(body.write_date)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    expect(first?.raw).toContain(version === 17 ? '"amount_total": 13800.0' : '"amount_total": 12000.0');
    expect(first?.headers['user-agent']).toBe(recorded[0]?.headers['User-Agent']);
    expect(first?.headers['content-type']).toBe('application/json');
    expect(first?.path).toBe('/webhooks/odoo/secret-token');
    await replay('button_approve_as_manager', asUser(2, 'admin', [ids.po2]), false);
    expect((await x('purchase.order', 'read', [[ids.po2]], { fields: ['state'] }))[0].state).toBe('purchase');
  });

  it('posts notes, cancels with the marshal fault, refuses unlink, ignores a second confirm', async () => {
    const x = admin();
    await replay('message_post_note', asUser(2, 'admin', [ids.po2]));
    await replay('button_cancel_returns_none', asUser(2, 'admin', [ids.po]));
    expect((await x('purchase.order', 'read', [[ids.po]], { fields: ['state'] }))[0].state).toBe('cancel');
    await replay('unlink_confirmed_po_user_error', asUser(2, 'admin', [ids.po2]));
    await replay('button_confirm_on_confirmed', asUser(2, 'admin', [ids.po2]));
    await replay('message_post_vendor_email', (p) => {
      const out = asUser(2, 'admin', [ids.po2])(p);
      const kw = out[6];
      if (isStruct(kw)) out[6] = { ...kw, author_id: ids.vendor, subject: `Re: Purchase Order ${ids.po2}` };
      return out;
    });
    const fields = ['model', 'res_id', 'message_type', 'subtype_id', 'author_id', 'email_from', 'subject', 'body', 'date', 'partner_ids'];
    const msgs = await x('mail.message', 'search_read', [[['model', '=', 'purchase.order'], ['res_id', '=', ids.po2]]], { fields, order: 'id desc', limit: 5 });
    const want = flows.po_chatter_after_vendor_email;
    expect(msgs.map((m: any) => [m.message_type, m.subtype_id[1], m.body])).toEqual(want.map((m) => [m.message_type, m.subtype_id[1], m.body]));
    expect(msgs.map((m: any) => Object.keys(m).sort())).toEqual(want.map((m) => Object.keys(m).sort()));
    expect(msgs[0].email_from).toBe('"Azure Interior" <azure.interior24@example.com>');
    expect(msgs[1].author_id).toEqual([3, 'YourCompany, Mitchell Admin']);
  });

  it('creates an activity, receives partially with a backorder, bills with a mismatch', async () => {
    const x = admin();
    await replay('create_activity', (p) => {
      const out = asUser(2, 'admin')(p);
      const args = out[5] as RpcValue[];
      out[5] = [{ ...(args[0] as Record<string, RpcValue>), res_model_id: ids.model, res_id: ids.po2 }];
      return out;
    });
    const pickings: number[] = await x('stock.picking', 'search', [[['purchase_id', '=', ids.po2]]]);
    expect(pickings).toHaveLength(1);
    ids.picking = pickings[0] ?? 0;
    const moves = await x('stock.move', 'search_read', [[['picking_id', 'in', pickings]]], { fields: ['product_uom_qty', 'quantity'] });
    for (const mv of moves) await x('stock.move', 'write', [[mv.id], { quantity: mv.product_uom_qty - 10 }]);
    const action = (await replay('picking_button_validate_partial', asUser(2, 'admin', pickings))) as Record<string, any>;
    const recordedAction = raw.picking_button_validate_partial?.result as Record<string, any>;
    expect({ ...action, context: undefined }).toEqual({ ...recordedAction, context: undefined });
    expect(action.context).toEqual({ button_validate_picking_ids: pickings, default_show_transfers: false, default_pick_ids: pickings.map((p) => [4, p]) });
    const ctx = action.context;
    ids.wizard = await x('stock.backorder.confirmation', 'create', [{ pick_ids: pickings.map((p) => [4, p]) }], { context: ctx });
    await replay('backorder_confirmation_process', (p) => {
      const out = asUser(2, 'admin', [ids.wizard])(p);
      out[6] = { context: ctx };
      return out;
    });
    const after = await x('stock.picking', 'read', [pickings], { fields: ['state', 'date_done', 'backorder_ids'] });
    expect(after[0].state).toBe('done');
    expect(after[0].backorder_ids).toHaveLength(flows.picking_after_validate[0]?.backorder_ids.length);
    expect(typeof after[0].date_done).toBe('string');

    const billAction = (await replay('action_create_invoice', asUser(2, 'admin', [ids.po2]))) as Record<string, any>;
    expect(Object.keys(billAction).sort()).toEqual(Object.keys(raw.action_create_invoice?.result as object).sort());
    const name = (await x('purchase.order', 'read', [[ids.po2]], { fields: ['name'] }))[0].name;
    const billIds = await x('account.move', 'search', [[['move_type', '=', 'in_invoice'], ['invoice_origin', 'ilike', name]]]);
    expect(billAction.res_id).toBe(billIds[0]);
    const lineIds = await x('account.move.line', 'search', [[['move_id', 'in', billIds], ['display_type', '=', 'product']]]);
    await x('account.move.line', 'write', [lineIds.slice(0, 1), { quantity: 80, price_unit: 157.5 }]);
    const bills = await x('account.move', 'search_read', [[['invoice_origin', '=', name]]], {
      fields: ['name', 'state', 'move_type', 'partner_id', 'invoice_origin', 'ref', 'amount_total', 'amount_residual', 'payment_state', 'invoice_date', 'invoice_date_due', 'currency_id', 'invoice_line_ids', 'write_date'],
    });
    const wantBill = flows.bills[0] ?? {};
    expect(Object.keys(bills[0]).sort()).toEqual(Object.keys(wantBill).sort());
    for (const k of ['state', 'move_type', 'amount_total', 'amount_residual', 'payment_state', 'invoice_date', 'ref', 'name', 'currency_id']) expect(bills[0][k]).toEqual(wantBill[k]);
    const billLines = await x('account.move.line', 'search_read', [[['move_id', 'in', billIds], ['display_type', '=', 'product']]], {
      fields: ['product_id', 'quantity', 'price_unit', 'purchase_line_id', 'price_subtotal'],
    });
    const wantLine = flows.bill_lines[0] ?? {};
    for (const k of ['quantity', 'price_unit', 'price_subtotal']) expect(billLines[0][k]).toBe(wantLine[k]);
    const poLines = await x('purchase.order.line', 'search_read', [[['order_id', '=', ids.po2]]], {
      fields: ['order_id', 'product_id', 'name', 'product_qty', 'qty_received', 'qty_invoiced', 'price_unit', 'price_subtotal', 'date_planned', 'product_uom', 'taxes_id'],
    });
    const wantPoLine = flows.po_lines_after_receipt[0] ?? {};
    for (const k of ['product_qty', 'qty_received', 'qty_invoiced', 'price_unit', 'price_subtotal', 'product_uom', 'taxes_id']) {
      expect(k === 'taxes_id' ? poLines[0][k].length : poLines[0][k]).toEqual(k === 'taxes_id' ? wantPoLine[k].length : wantPoLine[k]);
    }
    expect(billLines[0].purchase_line_id[0]).toBe(poLines[0].id);
  });
});
