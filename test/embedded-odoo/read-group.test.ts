import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { ODOO_PROFILES, adminWire, profileName } from '../support/odoo-profile.ts';
import { client, plain } from './rpc-helpers.ts';

/**
 * Grouped reads on the embedded Odoo, per version and wire, against groups computed by hand:
 * four orders of two vendors, one approved late on a Tuesday evening UTC (Wednesday in Brussels),
 * one on a Sunday (its own en_US week), one never approved (the empty group).
 */
function seed(odoo: EmbeddedOdoo) {
  const { store } = odoo;
  const partner = (name: string) => store.insert('res.partner', { name, complete_name: name, is_company: true, active: true, supplier_rank: 1, parent_id: false } as never);
  const a = partner('Grouping Vendor A');
  const b = partner('Grouping Vendor B');
  const po = (name: string, partnerId: number, dateApprove: string | false, amount: number) =>
    store.insert('purchase.order', { name, partner_id: partnerId, date_approve: dateApprove, amount_total: amount, state: 'purchase', company_id: 1, currency_id: 1 } as never);
  const ids = [
    po('PO-G1', a, '2026-03-02 10:00:00', 100),
    po('PO-G2', a, '2026-03-03 23:30:00', 50),
    po('PO-G3', b, '2026-03-08 12:00:00', 30),
    po('PO-G4', b, false, 20),
  ];
  return { a, b, ids };
}

for (const profile of ODOO_PROFILES) {
  describe(`grouped reads, ${profileName(profile)}`, () => {
    let odoo: EmbeddedOdoo;
    let gateway: OdooAwaitGateway;
    let data: ReturnType<typeof seed>;
    beforeAll(async () => {
      odoo = await startEmbeddedOdoo({ port: 0, version: profile.version });
      data = seed(odoo);
      gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', ...adminWire(odoo, profile) });
    });
    afterAll(async () => {
      gateway.close();
      await odoo.stop();
    });

    it('groups by vendor and local day, with sums, maxima and counts', async () => {
      const rows = await gateway.readGroup('purchase.order', {
        domain: [['id', 'in', data.ids]],
        groupby: ['partner_id', 'date_approve:day'],
        aggregates: ['amount_total:sum', 'amount_total:max'],
        timeZone: 'Europe/Brussels',
      });
      const simple = rows.map((r) => [r.keys.partner_id?.value, r.keys['date_approve:day']?.value, r.count, r.values['amount_total:sum'], r.values['amount_total:max']]);
      expect(simple).toEqual([
        [data.a, '2026-03-02', 1, 100, 100],
        [data.a, '2026-03-04', 1, 50, 50], // 23:30 UTC is 00:30 the next day in Brussels
        [data.b, '2026-03-08', 1, 30, 30],
        [data.b, null, 1, 20, 20],
      ]);
      expect(rows[0]?.keys.partner_id?.label).toBe('Grouping Vendor A');
    });

    it('weeks start on Sunday (en_US), as real Odoo groups them', async () => {
      const rows = await gateway.readGroup('purchase.order', { domain: [['id', 'in', data.ids]], groupby: ['date_approve:week'], aggregates: ['amount_total:sum'] });
      expect(rows.map((r) => [r.keys['date_approve:week']?.value, r.keys['date_approve:week']?.label, r.count, r.values['amount_total:sum']])).toEqual([
        ['2026-03-01', 'W10 2026', 2, 150],
        ['2026-03-08', 'W11 2026', 1, 30],
        [null, null, 1, 20],
      ]);
    });

    it('without groupby, one row even when nothing matches', async () => {
      const rows = await gateway.readGroup('purchase.order', { domain: [['id', '=', -1]], groupby: [], aggregates: ['amount_total:sum'] });
      expect(rows).toEqual([{ keys: {}, count: 0, values: { 'amount_total:sum': null } }]);
    });

    it('a field the model does not have is refused', async () => {
      await expect(gateway.readGroup('purchase.order', { domain: [], groupby: ['no_such_field'] })).rejects.toThrow(/no_such_field/);
    });
  });
}

describe('read_group as Odoo 18 answers it over XML-RPC (lazy by default)', () => {
  it('groups by the first groupby only, names the count after it, passes the rest in __context', async () => {
    const odoo = await startEmbeddedOdoo({ port: 0, version: 18 });
    try {
      const { a, b, ids } = seed(odoo);
      const rpc = client(odoo.url, odoo.db, 2, 'admin');
      const rows = plain(await rpc('purchase.order', 'read_group', [[['id', 'in', ids]], ['amount_total:sum'], ['partner_id', 'date_approve:day']]));
      expect(rows).toEqual([
        { partner_id: [a, 'Grouping Vendor A'], partner_id_count: 2, amount_total: 150, __domain: ['&', ['id', 'in', ids], ['partner_id', '=', a]], __context: { group_by: ['date_approve:day'] } },
        { partner_id: [b, 'Grouping Vendor B'], partner_id_count: 2, amount_total: 50, __domain: ['&', ['id', 'in', ids], ['partner_id', '=', b]], __context: { group_by: ['date_approve:day'] } },
      ]);
      const months = plain(await rpc('purchase.order', 'read_group', [[['id', 'in', ids]], ['__count'], ['date_approve']], { lazy: false }));
      expect(months[0]).toMatchObject({ date_approve: 'March 2026', __count: 3, __range: { date_approve: { from: '2026-03-01 00:00:00', to: '2026-04-01 00:00:00' } } });
      await expect(rpc('purchase.order', 'formatted_read_group', [[], ['partner_id']])).rejects.toThrow(/does not exist/);
    } finally {
      await odoo.stop();
    }
  });
});

describe('formatted_read_group as Odoo 19 answers it', () => {
  it('names keys and aggregates by spec, periods as [start, label], with __extra_domain', async () => {
    const odoo = await startEmbeddedOdoo({ port: 0, version: 19 });
    try {
      const { a, ids } = seed(odoo);
      const rpc = client(odoo.url, odoo.db, 2, 'admin');
      const rows = plain(await rpc('purchase.order', 'formatted_read_group', [[['id', 'in', ids], ['partner_id', '=', a]], ['partner_id', 'date_approve:day'], ['amount_total:sum', '__count']], { context: { tz: 'UTC' } }));
      expect(rows).toEqual([
        {
          partner_id: [a, 'Grouping Vendor A'],
          'date_approve:day': ['2026-03-02 00:00:00', '02 Mar 2026'],
          __extra_domain: ['&', ['partner_id', '=', a], '&', ['date_approve', '>=', '2026-03-02 00:00:00'], ['date_approve', '<', '2026-03-03 00:00:00']],
          'amount_total:sum': 100,
          __count: 1,
        },
        {
          partner_id: [a, 'Grouping Vendor A'],
          'date_approve:day': ['2026-03-03 00:00:00', '03 Mar 2026'],
          __extra_domain: ['&', ['partner_id', '=', a], '&', ['date_approve', '>=', '2026-03-03 00:00:00'], ['date_approve', '<', '2026-03-04 00:00:00']],
          'amount_total:sum': 50,
          __count: 1,
        },
      ]);
      await expect(rpc('purchase.order', 'formatted_read_group', [[], [], ['amount_total']])).rejects.toThrow(/Aggregate method is mandatory/);
    } finally {
      await odoo.stop();
    }
  });
});
