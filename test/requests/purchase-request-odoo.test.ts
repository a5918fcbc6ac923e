import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveRequestDecision } from '../../src/requests/decide-request.ts';
import { followRequestOrder } from '../../src/requests/follow-request-orders.ts';
import { myRequests } from '../../src/requests/my-requests.ts';
import type { RequestForm } from '../../src/requests/purchase-request.ts';
import { REQUEST_JOBS } from '../../src/requests/request-deps.ts';
import { submitRequest } from '../../src/requests/submit-request.ts';
import { raiseOverdueRequests } from '../../src/requests/raise-overdue-requests.ts';
import { writeRequestJob } from '../../src/requests/write-request.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import { dayIn, addDays } from '../../src/delegation/delegation-days.ts';
import { ODOO_PROFILES, profileName } from '../support/odoo-profile.ts';
import { chatOf, DOMAIN, startRequestHarness, type RequestHarness } from './request-harness.ts';

// One profile per major (19 over JSON-2, its default wire).
const PROFILES = ODOO_PROFILES.filter((p) => p.version < 19 || p.protocol === 'json2');
const future = (days: number) => addDays(dayIn(new Date(), 'America/Chicago'), days);

describe.each(PROFILES)('purchase requests against the embedded $version ($protocol)', (profile) => {
  let h: RequestHarness;
  let gloves: number;
  let noVendor: number;
  let warehouses: Map<string, { id: number; inType: number }>;
  const casey = chatOf('U0CASEY');
  const form = (over: Partial<RequestForm> = {}): RequestForm => ({
    productId: String(gloves), quantity: '40', uomId: null, warehouseId: String(warehouses.get('ATL')!.id), neededBy: future(7),
    reason: 'Flu season, stock is low', vendorId: null, attachment: null, ...over,
  });
  const ordersOf = async (ref: string) => h.admin.searchIds('purchase.order', [['origin', 'ilike', ref]]);
  const counts = async () => ({
    orders: (await h.admin.searchIds('purchase.order', [])).length,
    lines: (await h.admin.searchIds('purchase.order.line', [])).length,
  });

  beforeAll(async () => {
    h = await startRequestHarness(profile, {
      requesters: new Map([[`warehouse@${DOMAIN}`, ['WH', 'ATL']], ['*', ['WH']]]),
      required: [{ category: 'Kitchen & Smallwares', fields: ['attachment'] }],
      maxQuantity: 500,
      maxAmount: null,
      buyers: new Map([['safety & ppe', `buyer@${DOMAIN}`]]),
    });
    [gloves] = await h.admin.searchIds('product.product', [['default_code', '=', 'QG-N400-M']]) as [number];
    const products = (await h.admin.callMethod('product.product', 'read', await h.admin.searchIds('product.product', [['default_code', 'like', '-1']], { limit: 200 }), { fields: ['seller_ids'] })) as Array<{ id: number; seller_ids: number[] }>;
    noVendor = products.find((p) => p.seller_ids.length === 0)!.id;
    const wh = (await h.admin.callMethod('stock.warehouse', 'read', await h.admin.searchIds('stock.warehouse', []), { fields: ['code', 'in_type_id'] })) as Array<{ id: number; code: string; in_type_id: [number, string] }>;
    warehouses = new Map(wh.map((w) => [w.code, { id: w.id, inType: w.in_type_id[0] }]));
  }, 60_000);
  afterAll(async () => h?.close());

  it(`${profileName(profile)}: a request becomes one draft RFQ with the right vendor, product, quantity, warehouse and date, one note, one buyer card; three identical submissions make one`, async () => {
    const submission = { chat: casey, formId: 'V-one', form: form(), chatLink: 'http://chat.example/archives/D0CASEY' };
    const outcomes = await Promise.all([submitRequest(submission, h.deps), submitRequest(submission, h.deps), submitRequest(submission, h.deps)]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const ids = new Set(outcomes.map((o) => (o.ok ? o.request.id : '')));
    expect(ids.size).toBe(1);
    await h.drain();
    await h.rerun(REQUEST_JOBS.write); // a re-run after a crash past the Odoo writes
    const request = (await h.deps.store.get([...ids][0]!))!;
    expect(request.state).toBe('requested');
    const orders = await ordersOf(request.ref);
    expect(orders).toHaveLength(1);
    const [po] = (await h.admin.callMethod('purchase.order', 'read', orders, { fields: ['state', 'partner_id', 'picking_type_id', 'order_line'] })) as Array<{ state: string; partner_id: [number, string]; picking_type_id: [number, string]; order_line: number[] }>;
    expect(po!.state).toBe('draft');
    expect(po!.picking_type_id[0]).toBe(warehouses.get('ATL')!.inType);
    // the preferred vendor: the first of the product's sellers for the warehouse's company (US)
    const [product] = (await h.admin.callMethod('product.product', 'read', [gloves], { fields: ['seller_ids'] })) as Array<{ seller_ids: number[] }>;
    const sellers = (await h.admin.callMethod('product.supplierinfo', 'read', product!.seller_ids, { fields: ['partner_id', 'company_id'] })) as Array<{ partner_id: [number, string]; company_id: [number, string] }>;
    const us = (await h.admin.callMethod('stock.warehouse', 'read', [warehouses.get('ATL')!.id], { fields: ['company_id'] })) as Array<{ company_id: [number, string] }>;
    expect(po!.partner_id[0]).toBe(sellers.find((s) => s.company_id[0] === us[0]!.company_id[0])!.partner_id[0]);
    expect(po!.order_line).toHaveLength(1);
    const lines = (await h.admin.callMethod('purchase.order.line', 'read', po!.order_line, { fields: ['product_id', 'product_qty', 'date_planned'] })) as Array<{ product_id: [number, string]; product_qty: number; date_planned: string }>;
    expect(lines[0]!.product_id[0]).toBe(gloves);
    expect(lines[0]!.product_qty).toBe(40);
    expect(lines[0]!.date_planned.slice(0, 10)).toBe(future(7));
    const notes = await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', orders[0]!], ['body', 'ilike', request.ref]]);
    expect(notes).toHaveLength(1);
    const [note] = (await h.admin.callMethod('mail.message', 'read', notes, { fields: ['body'] })) as Array<{ body: string }>;
    expect(note!.body).toContain('Casey Morgan');
    expect(note!.body).toContain('Flu season');
    expect(note!.body).toContain('http://chat.example/archives/D0CASEY');
    const cards = h.cards.filter((c) => c.view.requestId === request.id);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.to).toBe('U0JORDAN');
    expect(cards[0]!.view.actionable).toBe(true);
    const mine = await myRequests(casey, h.deps);
    expect(mine.ok && mine.lines[0]!.text).toContain('requested');
  }, 30_000);

  it(`${profileName(profile)}: Convert to RFQ sent marks the RFQ sent in Odoo; confirmation then reaches the requester's list`, async () => {
    const out = await submitRequest({ chat: casey, formId: 'V-send', form: form({ quantity: '12' }), chatLink: null }, h.deps);
    await h.drain();
    const request = (await h.deps.store.get(out.ok ? out.request.id : ''))!;
    const refused = await receiveRequestDecision({ requestId: request.id, action: 'send', by: chatOf('U0RILEY'), text: null }, h.deps);
    expect(refused.ok).toBe(false); // finance is no purchase user
    expect(await h.admin.readState(request.order!.id)).toBe('draft');
    const jobsBefore = h.jobs.length;
    const unknown = await receiveRequestDecision({ requestId: 'req-does-not-exist', action: 'send', by: chatOf('U0JORDAN'), text: null }, h.deps);
    expect(unknown).toEqual({ ok: false, message: 'That request is not known any more.' });
    expect(h.jobs.length).toBe(jobsBefore); // refusals queue nothing
    const answer = await receiveRequestDecision({ requestId: request.id, action: 'send', by: chatOf('U0JORDAN'), text: null }, h.deps);
    expect(answer.ok).toBe(true);
    await h.drain();
    expect(await h.admin.readState(request.order!.id)).toBe('sent');
    expect((await h.deps.store.get(request.id))!.state).toBe('rfq_sent');
    await h.admin.confirmPurchaseOrder(request.order!.id);
    await followRequestOrder(request.order!.id, h.deps);
    const after = (await h.deps.store.get(request.id))!;
    expect(['confirmed', 'rfq_sent']).toContain(after.state); // to approve (two-step) stays "RFQ sent"
  }, 30_000);

  it(`${profileName(profile)}: a confirmed RFQ whose receipt is done makes the request received, and the requester is told once`, async () => {
    const out = await submitRequest({ chat: casey, formId: 'V-receive', form: form({ quantity: '7', warehouseId: String(warehouses.get('WH')!.id) }), chatLink: null }, h.deps);
    await h.drain();
    const request = (await h.deps.store.get(out.ok ? out.request.id : ''))!;
    await receiveRequestDecision({ requestId: request.id, action: 'send', by: chatOf('U0JORDAN'), text: null }, h.deps);
    await h.drain();
    const confirmed = await h.admin.confirmPurchaseOrder(request.order!.id);
    expect(confirmed.after).toBe('purchase'); // 7 x 38: under the two-step threshold
    await followRequestOrder(request.order!.id, h.deps);
    await h.drain();
    expect((await h.deps.store.get(request.id))!.state).toBe('confirmed');
    const [po] = (await h.admin.callMethod('purchase.order', 'read', [request.order!.id], { fields: ['picking_ids'] })) as Array<{ picking_ids: number[] }>;
    const [picking] = (await h.admin.callMethod('stock.picking', 'read', po!.picking_ids, { fields: ['move_ids'] })) as Array<{ move_ids: number[] }>;
    const moves = (await h.admin.callMethod('stock.move', 'read', picking!.move_ids, { fields: ['product_uom_qty'] })) as Array<{ id: number; product_uom_qty: number }>;
    for (const m of moves) await h.admin.write('stock.move', [m.id], { quantity: m.product_uom_qty });
    await h.admin.callMethod('stock.picking', 'button_validate', po!.picking_ids);
    await followRequestOrder(request.order!.id, h.deps);
    await followRequestOrder(request.order!.id, h.deps); // a second webhook for the same change
    await h.drain();
    expect((await h.deps.store.get(request.id))!.state).toBe('received');
    expect(h.dms.filter((d) => d.to === 'U0CASEY' && d.text.startsWith(`Received: your request ${request.ref}`))).toHaveLength(1);
    const mine = await myRequests(casey, h.deps);
    expect(mine.ok && mine.lines.find((l) => l.ref === request.ref)!.state).toBe('received');
  }, 30_000);

  it(`${profileName(profile)}: a request with no buyer action past buyer_action_hours becomes an exception, once`, async () => {
    const out = await submitRequest({ chat: casey, formId: 'V-overdue', form: form({ quantity: '2' }), chatLink: null }, h.deps);
    await h.drain();
    const id = out.ok ? out.request.id : '';
    expect(await raiseOverdueRequests(h.deps)).toBe(0);
    await h.deps.store.update(id, (r) => ({ ...r, buyerDueAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(await raiseOverdueRequests(h.deps)).toBe(1);
    expect(await raiseOverdueRequests(h.deps)).toBe(0);
    await h.drain();
    const card = h.cards.find((c) => c.view.requestId === id)!;
    expect(card.updates.at(-1)!.overdue).toBe(true);
  }, 30_000);

  it(`${profileName(profile)}: Ask requester sends the buyer's question to the requester and writes nothing`, async () => {
    const out = await submitRequest({ chat: casey, formId: 'V-ask', form: form({ quantity: '4' }), chatLink: null }, h.deps);
    await h.drain();
    const request = (await h.deps.store.get(out.ok ? out.request.id : ''))!;
    const before = await counts();
    const answer = await receiveRequestDecision({ requestId: request.id, action: 'ask', by: chatOf('U0JORDAN'), text: 'Blue or black ones?' }, h.deps);
    expect(answer.ok).toBe(true);
    await h.drain();
    expect(h.dms.some((d) => d.to === 'U0CASEY' && d.text.includes('Jordan Blake asks about your request') && d.text.includes('Blue or black ones?'))).toBe(true);
    expect((await h.deps.store.get(request.id))!.state).toBe('requested');
    expect(await counts()).toEqual(before);
  }, 20_000);

  it(`${profileName(profile)}: a write Odoo refuses for good marks the request failed and tells the requester`, async () => {
    const out = await submitRequest({ chat: casey, formId: 'V-fail', form: form({ quantity: '1' }), chatLink: null }, h.deps);
    const id = out.ok ? out.request.id : '';
    // Odoo refuses the RFQ (a UserError, as for a vendor blocked on purchases): the gateway's refusal.
    const refusing = new Proxy(h.admin, {
      get: (target, key, receiver) => (key === 'create'
        ? async (model: string, ...rest: unknown[]) => {
            if (model === 'purchase.order') throw new OdooError('odoo_business_refusal', 'Odoo refused: the vendor is blocked on purchases', { model });
            return (target.create as (...a: unknown[]) => Promise<number>).call(target, model, ...rest);
          }
        : Reflect.get(target, key, receiver)),
    });
    await expect(writeRequestJob({ requestId: id }, { attempt: 1, maxAttempts: 5 }, { ...h.deps, odoo: refusing })).rejects.toThrow(/blocked on purchases/);
    const failed = (await h.deps.store.get(id))!;
    expect(failed.state).toBe('failed');
    await h.drain().catch(() => undefined);
    expect(h.dms.some((d) => d.to === 'U0CASEY' && d.text.includes(`${failed.ref} could not be written to Odoo`))).toBe(true);
  }, 20_000);

  it(`${profileName(profile)}: a rejected request leaves the RFQ and tells the requester the reason`, async () => {
    const out = await submitRequest({ chat: casey, formId: 'V-reject', form: form({ quantity: '3', warehouseId: String(warehouses.get('WH')!.id) }), chatLink: null }, h.deps);
    await h.drain();
    const request = (await h.deps.store.get(out.ok ? out.request.id : ''))!;
    expect((await receiveRequestDecision({ requestId: request.id, action: 'reject', by: chatOf('U0JORDAN'), text: '  ' }, h.deps)).ok).toBe(false);
    await receiveRequestDecision({ requestId: request.id, action: 'reject', by: chatOf('U0JORDAN'), text: 'We have 200 in Joliet, transfer instead' }, h.deps);
    await h.drain();
    expect((await h.deps.store.get(request.id))!.state).toBe('rejected');
    expect(await h.admin.readState(request.order!.id)).toBe('cancel');
    expect(h.dms.some((d) => d.to === 'U0CASEY' && d.text.includes(request.ref) && d.text.includes('We have 200 in Joliet, transfer instead'))).toBe(true);
    const second = await receiveRequestDecision({ requestId: request.id, action: 'send', by: chatOf('U0JORDAN'), text: null }, h.deps);
    expect(second).toMatchObject({ ok: false });
  }, 30_000);

  it(`${profileName(profile)}: with group_onto_draft, a second request for the same vendor and warehouse joins the open draft RFQ`, async () => {
    h.deps.settings = { ...h.deps.settings, groupOntoDraft: true };
    try {
      const a = await submitRequest({ chat: casey, formId: 'V-group-a', form: form({ quantity: '5', neededBy: future(9) }), chatLink: null }, h.deps);
      await h.drain();
      const b = await submitRequest({ chat: casey, formId: 'V-group-b', form: form({ quantity: '6', neededBy: future(10) }), chatLink: null }, h.deps);
      await h.drain();
      const ra = (await h.deps.store.get(a.ok ? a.request.id : ''))!;
      const rb = (await h.deps.store.get(b.ok ? b.request.id : ''))!;
      expect(rb.order!.id).toBe(ra.order!.id);
      expect(rb.order!.grouped).toBe(true);
      const [po] = (await h.admin.callMethod('purchase.order', 'read', [ra.order!.id], { fields: ['order_line', 'origin'] })) as Array<{ order_line: number[]; origin: string }>;
      expect(po!.order_line.length).toBeGreaterThanOrEqual(2);
      expect(po!.origin).toContain(rb.ref);
    } finally {
      h.deps.settings = { ...h.deps.settings, groupOntoDraft: false };
    }
  }, 30_000);

  it(`${profileName(profile)}: the policy's mandatory fields by warehouse, company and category are asked in the form; nothing is written`, async () => {
    const keep = h.deps.settings;
    try {
      const before = await counts();
      h.deps.settings = { ...keep, required: [{ warehouse: 'ATL', fields: ['attachment'] }, { category: 'Safety & PPE', fields: ['vendor'] }, { company: 'Northgate Supply Group', fields: ['reason'] }] };
      const out = await submitRequest({ chat: casey, formId: 'V-required', form: form({ reason: null }), chatLink: null }, h.deps);
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.errors.attachment).toMatch(/Required for Atlanta DC/);
        expect(out.errors.vendorId).toMatch(/Required for Safety & PPE/);
        expect(out.errors.reason).toMatch(/Required for Northgate Supply Group/);
      }
      // Joliet needs no attachment; a bad link is refused anyway.
      const wh = await submitRequest({ chat: casey, formId: 'V-required-2', form: form({ warehouseId: String(warehouses.get('WH')!.id), attachment: 'not a link' }), chatLink: null }, h.deps);
      expect(wh.ok).toBe(false);
      if (!wh.ok) expect(Object.keys(wh.errors).sort()).toEqual(['attachment', 'vendorId']);
      expect(await counts()).toEqual(before);
    } finally {
      h.deps.settings = keep;
    }
  }, 20_000);

  it(`${profileName(profile)}: someone the bot cannot map to an Odoo user is told how, in the form`, async () => {
    const out = await submitRequest({ chat: chatOf('U0NOBODY'), formId: 'V-nobody', form: form(), chatLink: null }, h.deps);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.productId).toContain('not mapped');
  });

  it.each([
    ['an unknown product', { productId: '99999999' }, 'productId', /does not exist/],
    ['quantity 0', { quantity: '0' }, 'quantity', /more than 0/],
    ['a negative quantity', { quantity: '-4' }, 'quantity', /more than 0/],
    ['a date in the past', { neededBy: '2020-01-06' }, 'neededBy', /in the past/],
    ['a warehouse the requester may not order for', { warehouseId: 'RNO' }, 'warehouseId', /may not request purchases for Reno DC/],
    ['a product with no vendor', { productId: 'NOVENDOR' }, 'productId', /has no vendor/],
    ['more than the policy allows without a justification', { quantity: '900', reason: 'need' }, 'reason', /justify/],
    ['a quantity that is not a number', { quantity: 'forty' }, 'quantity', /not a number/],
    ['a date that is not a date', { neededBy: '2026-13-45' }, 'neededBy', /not a date|in the past/],
    ['no warehouse', { warehouseId: null }, 'warehouseId', /Pick the warehouse/],
  ])(`${profileName(profile)}: refuses %s in the form and writes nothing`, async (_what, over, field, message) => {
    const values: Partial<RequestForm> = { ...over };
    if (values.warehouseId === 'RNO') values.warehouseId = String(warehouses.get('RNO')!.id);
    if (values.productId === 'NOVENDOR') values.productId = String(noVendor);
    const before = await counts();
    const jobsBefore = h.jobs.length;
    const out = await submitRequest({ chat: casey, formId: `V-bad-${field}-${String(Object.values(over)[0])}`, form: form(values), chatLink: null }, h.deps);
    expect(out.ok).toBe(false);
    if (!out.ok) expect((out.errors as Record<string, string>)[field]).toMatch(message);
    expect(await counts()).toEqual(before);
    expect(h.jobs.length).toBe(jobsBefore);
  }, 20_000);
});
