import Odoo from 'odoo-await';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedSummary } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { NOW } from './seeded-store.ts';
import { startEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';


interface Started {
  url: string;
  db: string;
  stop(): Promise<void>;
}

describe('the seeded dataset over XML-RPC (odoo-await, admin/admin)', () => {
  let odoo: Started;
  let summary: SeedSummary;
  let client: Odoo;
  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({
      port: 0,
      now: () => NOW,
      seed: (store) => {
        summary = seedDistribution(store, { seed: 42, scale: 300, now: NOW });
      },
    });
    client = new Odoo({ baseUrl: odoo.url, db: odoo.db, username: 'admin', password: 'admin' });
    await client.connect();
  }, 30_000);
  afterAll(async () => odoo?.stop());

  it('reads a PO waiting for approval with its vendor, amount and lines', async () => {
    const waiting = summary.interesting.waitingApproval[0];
    expect(waiting).toBeDefined();
    const [po] = await client.read<Record<string, unknown>>('purchase.order', [waiting?.id ?? 0], ['name', 'state', 'amount_total', 'partner_id', 'company_id', 'order_line', 'user_id']);
    expect(po).toMatchObject({ name: waiting?.name, state: 'to approve', amount_total: waiting?.amountTotal });
    expect(po?.partner_id).toEqual([expect.any(Number), expect.any(String)]);
    expect(po?.company_id).toEqual([expect.any(Number), 'Northgate Supply Group']);
    expect((po?.order_line as number[]).length).toBeGreaterThan(0);
    const found = await client.searchRead('purchase.order', [['state', '=', 'to approve'], ['amount_total', '>=', 5000]], ['name'], { limit: 100 });
    expect((found as Array<{ id: number }>).map((r) => r.id)).toContain(waiting?.id);
  });

  it('finds the late receipt with a domain on scheduled_date and state', async () => {
    const late = summary.interesting.lateReceipts[0];
    expect(late).toBeDefined();
    const rows = (await client.searchRead(
      'stock.picking',
      [['picking_type_code', '=', 'incoming'], ['state', 'not in', ['done', 'cancel']], ['scheduled_date', '<', '2026-11-26 23:00:00']],
      ['name', 'state', 'scheduled_date', 'origin', 'picking_type_id', 'move_ids'],
      { limit: 500 },
    )) as Array<Record<string, unknown>>;
    const row = rows.find((r) => r.id === late?.pickingId);
    expect(row).toMatchObject({ name: late?.pickingName, state: 'assigned', scheduled_date: late?.scheduledDate, origin: late?.poName });
    expect(row?.picking_type_id).toEqual([expect.any(Number), 'Joliet DC: Receipts']);
    expect((row?.move_ids as number[]).length).toBeGreaterThan(0);
  });

  it('reads every field of seeded records of each model without a fault', async () => {
    const models = ['purchase.order', 'purchase.order.line', 'stock.picking', 'stock.move', 'account.move', 'account.move.line', 'mail.message', 'res.partner', 'res.users', 'product.product', 'res.company', 'stock.warehouse', 'stock.picking.type'];
    for (const model of models) {
      const rows = (await client.searchRead(model, [], [], { limit: 5, order: 'id desc' })) as Array<Record<string, unknown>>;
      expect(rows.length, model).toBeGreaterThan(0);
      expect(Object.keys(rows[0] ?? {}).length, model).toBeGreaterThan(10);
    }
  });

  it('lets the demo approver log in with the documented password', async () => {
    const approver = new Odoo({ baseUrl: odoo.url, db: odoo.db, username: summary.demo.approver, password: 'approver' });
    const uid = await approver.connect();
    expect(uid).toBe(summary.identities.find((i) => i.login === summary.demo.approver)?.userId);
  });
});
