import OdooAwait from 'odoo-await';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVED_VERSIONS } from '../../adapters/embedded-odoo/rpc/odoo-service.ts';
import { webhookTiming } from '../../adapters/embedded-odoo/automation/webhook-timing.ts';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

/**
 * A decision made directly in Odoo reaches the cards within seconds, from the webhook alone: the
 * reconciliation scan is left at its default interval (300 s), so it cannot be what updates them.
 * On 17/18 Odoo POSTs the webhook before it commits (the embedded Odoo does too), so a bot that
 * reads once, at once, sees the PO still waiting and keeps the buttons.
 */
const WITHIN_MS = 5_000;

describe.each(SERVED_VERSIONS)('a PO decided in Odoo %i', (version) => {
  let h: ApprovalHarness;
  let daniel: OdooAwait;
  beforeAll(async () => {
    h = await startApprovalHarness({ RECONCILE_INTERVAL_SECONDS: '300' }, { profile: { version, protocol: version >= 19 ? 'json2' : 'xmlrpc' } });
    // A purchase manager, working in Odoo itself.
    daniel = new OdooAwait({ baseUrl: h.odoo.url, db: h.odoo.db, username: 'dokafor@northgate-supply.example', password: 'dokafor' });
    await daniel.connect();
  }, 60_000);
  afterAll(async () => h?.close());

  const decideInOdoo = async (method: string, amount: number, words: RegExp) => {
    const po = await h.createWaitingPo({ amount });
    const card = await h.waitForCard(po.name);
    expect(card.buttons.approval_approve).toBeDefined();
    const decidedAt = Date.now();
    await daniel.execute_kw('purchase.order', method, [[[po.id]]]).catch((e: unknown) => {
      if (!/cannot marshal None/.test(String((e as Error)?.message ?? e))) throw e; // button_cancel returns None after committing
    });
    const text = await h.waitForCardText(card, words, WITHIN_MS);
    expect(Date.now() - decidedAt).toBeLessThan(WITHIN_MS);
    expect(text).not.toContain('approval_approve');
    expect(text).not.toContain('approval_reject');
    return po;
  };

  it('approved: the card loses its buttons and says who approved, within 5 s', async () => {
    await decideInOdoo('button_approve', 6100, /Approved in Odoo by Daniel Okafor/);
  });

  it('cancelled: the card says so within 5 s', async () => {
    await decideInOdoo('button_cancel', 6200, /Cancelled in Odoo by Daniel Okafor/);
  });

  it('set back to draft to be edited: the card says so within 5 s', async () => {
    await decideInOdoo('button_draft', 6300, /Set back to draft in Odoo by Daniel Okafor/);
  });

  it('a confirmation Odoo rolled back posts no card, and /metrics counts it', async () => {
    const buyer = new OdooAwait({ baseUrl: h.odoo.url, db: h.odoo.db, username: 'buyer@northgate-supply.example', password: 'buyer' });
    await buyer.connect();
    const [vendor] = await h.admin.searchIds('res.partner', [['supplier_rank', '>', 0]], { limit: 1 });
    const [product] = await h.admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
    const id = (await buyer.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: 6400 }]] })) as number;
    await expect(buyer.execute_kw('purchase.order', 'button_confirm', [[[id, 999999999]]])).rejects.toBeTruthy();
    expect(await h.admin.readState(id)).toBe('draft');
    const metric = async () => {
      const text = await (await fetch(`${h.bot.url}/metrics`)).text();
      return Number(/chatops_odoo_webhook_rolled_back_total\{model="purchase.order"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    if (webhookTiming(version) === 'before-commit') {
      const done = async () => (await h.bot.queues.scan.getCompleted()).find((j) => j.name === 'odoo-record-changed' && j.data.id === id && j.data.fields.state === 'to approve');
      await waitFor(async () => (await done()) !== undefined, 10_000, 'the rolled-back webhook to be taken in');
      expect((await done())?.returnvalue).toBe('rolled_back');
      expect(await metric()).toBe(1);
    } else {
      await new Promise((r) => setTimeout(r, 500));
      expect(await metric()).toBe(0); // 19 sent nothing for it
    }
    const name = (await h.admin.read('purchaseOrder', [id]))[0]!.name;
    expect(h.slack.callsOf('chat.postMessage').filter((c) => String(c.body.text ?? '').includes(name))).toEqual([]);
  }, 20_000);
});
