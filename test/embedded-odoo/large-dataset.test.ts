import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { client } from './rpc-helpers.ts';

/** Rows inserted straight into the store (as the dataset generator does) read back fast and right. */
describe('a 50,000-order database', () => {
  let odoo: EmbeddedOdoo;
  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({
      seed: (store) => {
        const vendor = store.insert('res.partner', { name: 'Bulk Vendor', is_company: true, supplier_rank: 1, active: true, parent_id: false });
        const company = store.ref('base.main_company');
        for (let i = 1; i <= 50_000; i++) {
          store.insert('purchase.order', {
            name: `P${String(i).padStart(5, '0')}`, partner_id: vendor, company_id: company, currency_id: store.ref('base.USD'),
            state: i % 10 === 0 ? 'to approve' : 'purchase', priority: '0', amount_total: i * 1.5, user_id: store.ref('base.user_admin'),
            date_order: '2026-11-01 08:00:00', write_date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} 08:00:00`,
          });
        }
      },
    });
  }, 60_000);
  afterAll(async () => odoo?.stop());

  it('search_read of 500 records takes milliseconds', async () => {
    const x = client(odoo.url, 'odoo', 2, 'admin');
    const query = () =>
      x('purchase.order', 'search_read', [[['state', '=', 'to approve'], ['write_date', '>=', '2026-11-10']]], {
        fields: ['name', 'state', 'partner_id', 'amount_total', 'write_date', 'order_line'], limit: 500, order: 'write_date asc, id asc',
      });
    await query(); // the first calls of a fresh process pay for JIT compilation
    await query();
    const t0 = performance.now();
    const rows = await query();
    const elapsed = performance.now() - t0;
    expect(rows).toHaveLength(500);
    expect(rows[0]).toMatchObject({ state: 'to approve', partner_id: [expect.any(Number), 'Bulk Vendor'], order_line: [] });
    expect(elapsed).toBeLessThan(250); // about 30 ms on a laptop; room for slow CI runners
    expect(await x('purchase.order', 'search_count', [[['state', '=', 'to approve']]])).toBe(5000);
  });
});
