import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooError } from '../../src/errors/odoo-error.ts';
import type { OdooDomain, OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { closedPort } from '../odoo/support/replay-server.ts';

/** Where the Odoo under test is, with an administrator's credentials. */
export interface OdooTarget {
  url: string;
  db: string;
  adminLogin: string;
  adminPassword: string;
  /** The wire the gateways under test speak. @defaultValue 'xmlrpc' */
  protocol?: 'xmlrpc' | 'json2';
  /** JSON-2: the API key of a login (the admin's, and the buyer the suite creates). */
  apiKeyFor?(login: string): Promise<string>;
  stop(): Promise<void>;
}

export interface GatewayConfig {
  url: string;
  db: string;
  username: string;
  password: string;
  timeoutMs?: number;
  protocol?: 'auto' | 'xmlrpc' | 'json2';
  apiKey?: string;
}

/** Any gateway implementation; `close` releases its sockets when it has some. */
export type GatewayFactory = (config: GatewayConfig) => OdooGateway & { close?(): void };

async function odooError(p: Promise<unknown>): Promise<OdooError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OdooError);
  return err as OdooError;
}

/**
 * The behaviour every OdooGateway must have, against a live Odoo (the embedded one, or a real 17/18
 * when ODOO_URL is set). It creates what it needs through the gateway itself, with unique names, so
 * it can run against a shared database; it switches the admin's company to two-step validation
 * (5000) for the approval flow and restores the setting afterwards.
 */
export function odooGatewayContract(name: string, start: () => Promise<OdooTarget>, factory: GatewayFactory): void {
  describe(`OdooGateway contract: ${name}`, () => {
    const tag = `ct-${randomUUID().slice(0, 8)}`;
    const opened: Array<{ close?(): void }> = [];
    let target: OdooTarget;
    let admin: OdooGateway;
    let buyer: OdooGateway;
    let companyId: number;
    let restoreCompany: { po_double_validation: string; po_double_validation_amount: number } | undefined;
    let vendorId: number;
    let productId: number;
    let buyerUid: number;
    let adminUid: number;

    const json2 = () => target.protocol === 'json2';
    const gateway = async (username: string, password: string, extra: Partial<GatewayConfig> = {}) => {
      const wire: Partial<GatewayConfig> = json2()
        ? { protocol: 'json2', apiKey: target.apiKeyFor ? await target.apiKeyFor(username) : password }
        : { protocol: 'xmlrpc' };
      const gw = factory({ url: target.url, db: target.db, username, password, timeoutMs: 15_000, ...wire, ...extra });
      opened.push(gw);
      return gw;
    };

    /** A purchase order by `who`, of `qty` units at `price`. */
    const createOrder = (who: OdooGateway, qty: number, price: number) =>
      who.create('purchase.order', {
        partner_id: vendorId,
        order_line: [
          [0, 0, { product_id: productId, product_qty: qty, price_unit: price }],
          [0, 0, { product_id: productId, product_qty: 1, price_unit: 10 }],
        ],
      });

    beforeAll(async () => {
      target = await start();
      admin = await gateway(target.adminLogin, target.adminPassword);
      const [uid] = await admin.searchIds('res.users', [['login', '=', target.adminLogin]]);
      adminUid = uid!;
      const [me] = await admin.read('user', [adminUid]);
      companyId = me!.company!.id;
      const [company] = await admin.read('company', [companyId]);
      restoreCompany = {
        po_double_validation: company!.poDoubleValidation,
        po_double_validation_amount: company!.poDoubleValidationAmount,
      };
      await admin.write('res.company', [companyId], { po_double_validation: 'two_step', po_double_validation_amount: 5000 });

      vendorId = await admin.create('res.partner', {
        name: `Vendor ${tag}`,
        is_company: true,
        supplier_rank: 1,
        email: `${tag}@vendor.example.com`,
      });
      productId = await admin.create('product.product', { name: `Desk ${tag}`, purchase_ok: true });
      const groups = await Promise.all(['base.group_user', 'purchase.group_purchase_user'].map((x) => admin.refId(x)));
      buyerUid = await admin.create('res.users', {
        name: `Buyer ${tag}`,
        login: `buyer-${tag}`,
        email: `buyer-${tag}@example.com`,
        password: `pw-${tag}`,
        company_id: companyId,
        company_ids: [[6, 0, [companyId]]],
        groups_id: [[6, 0, groups]],
      });
      buyer = await gateway(`buyer-${tag}`, `pw-${tag}`);
    });

    afterAll(async () => {
      if (restoreCompany && admin) await admin.write('res.company', [companyId], restoreCompany).catch(() => undefined);
      for (const gw of opened) gw.close?.();
      await target?.stop();
    });

    it('is reachable and names its version', async () => {
      const r = await admin.checkReachable();
      expect(r).toMatchObject({ ok: true, version: expect.stringMatching(/^\d+\.\d/) });
    });

    it('a locked order reads as done (19: state purchase + locked), and cancelling it is refused on 19', async () => {
      const r = await admin.checkReachable();
      const major = r.ok ? Number.parseInt(r.version, 10) : 0;
      const po = await createOrder(admin, 1, 40);
      expect(await admin.confirmPurchaseOrder(po)).toMatchObject({ after: 'purchase' });
      await admin.callMethod('purchase.order', major >= 19 ? 'button_lock' : 'button_done', [po]);
      expect(await admin.readState(po)).toBe('done');
      expect((await admin.search('purchaseOrder', { domain: [['id', '=', po], ['state', '=', 'done']] })).map((o) => o.id)).toEqual([po]);
      expect(await admin.search('purchaseOrder', { domain: [['id', '=', po], ['state', '=', 'purchase']] })).toEqual([]);
      expect((await admin.search('purchaseOrder', { domain: [['id', '=', po], ['state', 'in', ['purchase', 'done']]] })).map((o) => o.id)).toEqual([po]);
      if (major >= 19) {
        const err = await odooError(admin.cancelPurchaseOrder(po));
        expect(err).toMatchObject({ code: 'odoo_business_refusal', retryable: false });
        expect(err.odooMessage).toMatch(/You must first unlock them/);
        expect(await admin.readState(po)).toBe('done');
      }
      await admin.callMethod('purchase.order', 'button_unlock', [po]);
      expect(await admin.readState(po)).toBe('purchase');
    });

    it('reads typed records, with null for empty values', async () => {
      const po = await createOrder(admin, 2, 100);
      const [order] = await admin.read('purchaseOrder', [po, po, 999_999_999]);
      expect(order).toMatchObject({
        id: po,
        state: 'draft',
        partner: { id: vendorId, name: `Vendor ${tag}` },
        company: { id: companyId },
        partnerRef: null,
        origin: null,
        dateApprove: null,
        lineIds: [expect.any(Number), expect.any(Number)],
        pickingIds: [],
      });
      expect(order!.writeDate).toBeInstanceOf(Date);
      expect(order!.dateOrder).toBeInstanceOf(Date);
      expect(order!.amountUntaxed).toBe(210);
      expect(order!.warehouse).toEqual({ id: expect.any(Number), name: expect.any(String) });
      expect(order!.amountTotal).toBeGreaterThanOrEqual(210);

      const lines = await admin.read('purchaseOrderLine', order!.lineIds);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({ order: { id: po }, product: { id: productId }, quantity: 2, priceUnit: 100, qtyReceived: 0 });
      expect(lines[0]!.productCategory === null || typeof lines[0]!.productCategory.id === 'number').toBe(true);

      const [vendor] = await admin.read('partner', [vendorId]);
      expect(vendor).toMatchObject({ isCompany: true, parent: null, ref: null, email: `${tag}@vendor.example.com` });

      const users = await admin.read('user', [buyerUid, adminUid]);
      expect(users.find((u) => u.id === buyerUid)).toMatchObject({ isPurchaseUser: true, isPurchaseManager: false, share: false });
      expect(users.find((u) => u.id === adminUid)).toMatchObject({ isPurchaseManager: true });

      expect((await admin.search('warehouse', { limit: 5 })).length).toBeGreaterThan(0);
      expect((await admin.search('activityType', { limit: 5 })).length).toBeGreaterThan(0);
      expect(await admin.read('purchaseOrder', [999_999_999])).toEqual([]);
    });

    it('every kind of record can be searched with the fields the gateway asks for', async () => {
      const kinds = [
        'purchaseOrder', 'purchaseOrderLine', 'receipt', 'vendorBill', 'vendorBillLine', 'partner',
        'user', 'company', 'warehouse', 'poMessage', 'activityType',
      ] as const;
      for (const kind of kinds) {
        const records = await admin.search(kind, { limit: 3, order: 'id desc' });
        expect(Array.isArray(records), kind).toBe(true);
      }
    });

    it('searches with order, limit and offset', async () => {
      const ids = await Promise.all([1, 2, 3].map((i) => admin.create('res.partner', { name: `Sorted ${tag} ${i}` })));
      const domain: OdooDomain = [['name', '=like', `Sorted ${tag}%`]];
      const desc = await admin.search('partner', { domain, order: 'id desc' });
      expect(desc.map((p) => p.id)).toEqual([...ids].reverse());
      const page = await admin.search('partner', { domain, order: 'id asc', limit: 1, offset: 1 });
      expect(page.map((p) => p.id)).toEqual([ids[1]]);
    });

    it('pages by id and by write_date, visiting every record once', async () => {
      const created: number[] = [];
      for (let i = 0; i < 7; i += 1) created.push(await admin.create('res.partner', { name: `Paged ${tag} ${i}` }));
      const domain: OdooDomain = [['name', '=like', `Paged ${tag}%`]];
      const seen: number[] = [];
      let pages = 0;
      for await (const page of admin.scan('partner', { domain, pageSize: 3 })) {
        pages += 1;
        seen.push(...page.records.map((r) => r.id));
        expect(page.lastId).toBe(page.records[page.records.length - 1]!.id);
      }
      expect(seen).toEqual(created);
      expect(pages).toBe(3);

      const changed: number[] = [];
      let cursor = null;
      for await (const page of admin.scanChanges('partner', { since: null, domain, pageSize: 2 })) {
        changed.push(...page.records.map((r) => r.id));
        cursor = page.cursor;
      }
      expect([...changed].sort((a, b) => a - b)).toEqual(created);
      const nothingNew = [];
      for await (const page of admin.scanChanges('partner', { since: cursor, domain })) nothingNew.push(...page.records);
      expect(nothingNew).toEqual([]);
    });

    it('writes, then re-reads what was written (null clears)', async () => {
      const po = await createOrder(admin, 1, 50);
      await admin.write('purchase.order', [po], { partner_ref: `REF-${tag}`, origin: 'contract' });
      expect(await admin.read('purchaseOrder', [po])).toMatchObject([{ partnerRef: `REF-${tag}`, origin: 'contract' }]);
      await admin.write('purchase.order', [po], { partner_ref: null });
      expect(await admin.read('purchaseOrder', [po])).toMatchObject([{ partnerRef: null, origin: 'contract' }]);
    });

    it('approval: a buyer over the threshold gets "to approve"; only a manager approves', async () => {
      const po = await createOrder(buyer, 100, 120);
      expect(await buyer.confirmPurchaseOrder(po)).toEqual({ orderId: po, before: 'draft', after: 'to approve', changed: true });
      // button_approve by a non-manager answers {} and changes nothing
      expect(await buyer.approvePurchaseOrder(po)).toEqual({ orderId: po, before: 'to approve', after: 'to approve', changed: false });
      expect(await admin.approvePurchaseOrder(po)).toEqual({ orderId: po, before: 'to approve', after: 'purchase', changed: true });
      expect(await admin.readState(po)).toBe('purchase');
      // confirming a confirmed order answers true and changes nothing
      expect(await admin.confirmPurchaseOrder(po)).toMatchObject({ after: 'purchase', changed: false });

      const [order] = await admin.read('purchaseOrder', [po]);
      expect(order!.dateApprove).toBeInstanceOf(Date);
      const receipts = await admin.search('receipt', { domain: [['purchase_id', '=', po]] });
      expect(receipts.length).toBeGreaterThan(0);
      expect(receipts[0]).toMatchObject({ purchaseOrder: { id: po }, warehouse: { id: expect.any(Number) }, dateDone: null });
    });

    it('cancel succeeds through the "cannot marshal None" quirk and re-reads', async () => {
      const po = await createOrder(admin, 1, 20);
      expect(await admin.cancelPurchaseOrder(po)).toEqual({ orderId: po, before: 'draft', after: 'cancel', changed: true });
      expect(await admin.readState(po)).toBe('cancel');
      expect(await admin.readState(999_999_999)).toBeNull();
    });

    it('posts a plain-text note that shows up in the chatter, and schedules an activity', async () => {
      const po = await createOrder(admin, 1, 30);
      const text = `Approved in chat by Jane <${tag}> & co`;
      const messageId = await admin.postNote('purchase.order', po, text);
      const messages = await admin.search('poMessage', { domain: [['res_id', '=', po]], order: 'id desc' });
      const note = messages.find((m) => m.id === messageId);
      expect(note).toMatchObject({ orderId: po, messageType: 'comment', subtype: { id: expect.any(Number) } });
      // a str body is escaped by Odoo: the tag arrives as text, not as HTML
      expect(note!.body).toContain(`&lt;${tag}&gt; &amp; co`);
      expect(note!.date).toBeInstanceOf(Date);

      const [todo] = await admin.search('activityType', { domain: [['name', '=', 'To-Do']], limit: 1 });
      const activityId = await admin.scheduleActivity({
        model: 'purchase.order',
        resId: po,
        activityTypeId: todo!.id,
        userId: buyerUid,
        summary: 'Supplier delay: confirm new date',
        dateDeadline: '2026-12-01',
      });
      const found = await admin.searchIds('mail.activity', [['res_id', '=', po], ['res_model', '=', 'purchase.order']]);
      expect(found).toContain(activityId);
    });

    describe('bad input gets a typed error and changes nothing', () => {
      it('unknown model: odoo_invalid_request', async () => {
        const err = await odooError(admin.searchIds('no.such.model', []));
        expect(err).toMatchObject({ code: 'odoo_invalid_request', model: 'no.such.model', retryable: false });
      });

      it('invalid field: odoo_invalid_request naming the field', async () => {
        const po = await createOrder(admin, 1, 5);
        const err = await odooError(admin.write('purchase.order', [po], { x_no_such_field: 1 }));
        expect(err).toMatchObject({ code: 'odoo_invalid_request', model: 'purchase.order', field: 'x_no_such_field' });
      });

      it('invalid field in a domain: odoo_invalid_request naming the field', async () => {
        const err = await odooError(admin.search('purchaseOrder', { domain: [['x_nope', '=', 1]] }));
        expect(err).toMatchObject({ code: 'odoo_invalid_request', model: 'purchase.order', field: 'x_nope' });
      });

      it('a business rule: odoo_business_refusal with Odoo message', async () => {
        const po = await createOrder(admin, 1, 5);
        await admin.confirmPurchaseOrder(po);
        const err = await odooError(admin.callMethod('purchase.order', 'unlink', [po]));
        expect(err).toMatchObject({ code: 'odoo_business_refusal', retryable: false });
        expect(err.odooMessage).toMatch(/cancel/i);
        expect(await admin.readState(po)).toBe('purchase');
      });

      it('wrong password: odoo_auth_failed, and readiness says so', async () => {
        const wrong = await gateway(target.adminLogin, 'definitely-wrong', json2() ? { apiKey: '0'.repeat(40) } : {});
        const err = await odooError(wrong.readState(1));
        expect(err).toMatchObject({ code: 'odoo_auth_failed', retryable: false });
        const r = await wrong.checkReachable();
        expect(r).toEqual({
          ok: false,
          reason: json2()
            ? `Odoo refused the API key on db ${target.db} (Invalid apikey): check ODOO_API_KEY`
            : `authentication failed for user ${target.adminLogin} on db ${target.db}`,
        });
      });

      it('a write the user may not do: odoo_access_denied', async () => {
        const err = await odooError(buyer.write('res.company', [companyId], { name: `Hacked ${tag}` }));
        expect(err).toMatchObject({ code: 'odoo_access_denied', retryable: false, ...(json2() ? { httpStatus: 403 } : { faultCode: 4 }) });
      });

      it('Odoo down: odoo_transient, and readiness says the connection was refused', async () => {
        const url = `http://127.0.0.1:${await closedPort()}`;
        const down = factory({ url, db: target.db, username: target.adminLogin, password: target.adminPassword, timeoutMs: 2000, ...(json2() ? { protocol: 'json2', apiKey: '0'.repeat(40) } : {}) });
        opened.push(down);
        const err = await odooError(down.readState(1));
        expect(err).toMatchObject({ code: 'odoo_transient', retryable: true });
        expect(await down.checkReachable()).toEqual({ ok: false, reason: `Odoo at ${url} refused the connection` });
      });
    });
  });
}
