import Odoo from 'odoo-await';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';

/** odoo-await (the npm `xmlrpc` client underneath) talks to the embedded Odoo unchanged. */
describe('odoo-await against the embedded Odoo', () => {
  let odoo: EmbeddedOdoo;
  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ db: 'demo-db' });
  });
  afterAll(async () => odoo?.stop());

  const connect = (password = 'admin') => new Odoo({ baseUrl: odoo.url, db: 'demo-db', username: 'admin', password });

  it('connects with admin/admin and rejects a wrong password with a plain string', async () => {
    expect(await connect().connect()).toBe(2);
    const err: unknown = await connect('wrong').connect().catch((e: unknown) => e);
    expect(typeof err).toBe('string');
    expect(err).toMatch(/invalid credentials/);
  });

  it('creates, writes, reads and searches with domains', async () => {
    const client = connect();
    await client.connect();
    const [vendor] = await client.search('res.partner', [['supplier_rank', '>', 0]]);
    const [product] = await client.search('product.product', [['purchase_ok', '=', true]]);
    const id = await client.create('purchase.order', {
      partner_id: vendor,
      partner_ref: 'Q-<1> & "2"',
      order_line: [[0, 0, { product_id: product, product_qty: 3, price_unit: 10.5 }]],
    });
    expect(typeof id).toBe('number');
    await client.update('purchase.order', id, { origin: 'chat' });
    const [po] = await client.read<Record<string, unknown>>('purchase.order', [id], ['name', 'state', 'partner_id', 'amount_untaxed', 'origin', 'partner_ref', 'order_line', 'date_approve']);
    expect(po).toBeDefined();
    expect(po).toMatchObject({ id, state: 'draft', origin: 'chat', partner_ref: 'Q-<1> & "2"', amount_untaxed: 31.5, date_approve: false });
    expect(po?.partner_id).toEqual([vendor, 'Azure Interior']);
    expect(po?.order_line).toHaveLength(1);
    const rows = await client.searchRead(
      'purchase.order',
      ['|', ['state', '=', 'draft'], ['state', '=', 'sent'], ['partner_id.name', 'ilike', 'azure']],
      ['name', 'amount_total'],
      { order: 'id desc', limit: 5 },
    );
    expect((rows as Array<{ id: number }>).map((r) => r.id)).toContain(id);
    const err = await client.execute_kw('no.such.model', 'search', [[[]]]).catch((e: { faultCode?: number }) => e);
    expect(err.faultCode).toBe(2);
  });
});
