import OdooAwait from 'odoo-await';
import type { TestBot } from '../support/start-test-bot.ts';

const DOMAIN = 'northgate-supply.example';

/**
 * The embedded Odoo of a demo-mode bot, over its real XML-RPC: POs created and confirmed as the
 * seeded buyer (as a person would in Odoo), states read as admin.
 */
export async function demoOdoo(bot: TestBot) {
  const connect = async (login: string, password: string) => {
    const client = new OdooAwait({ baseUrl: bot.odoo.url, db: bot.odoo.db, username: login, password });
    await client.connect();
    return client;
  };
  const admin = await connect('admin', 'admin');
  const buyer = await connect(`buyer@${DOMAIN}`, 'buyer');
  // Large lighting orders go to another approver (policy.example.yaml, rule lighting-capex).
  const [product] = (await admin.searchRead('product.product', [['purchase_ok', '=', true], ['categ_id.name', 'not ilike', 'Lighting']], ['id'], { limit: 1 })) as Array<{ id: number }>;
  const [vendor] = (await admin.searchRead('res.partner', [['supplier_rank', '>', 0]], ['id'], { limit: 1 })) as Array<{ id: number }>;
  if (!product || !vendor) throw new Error('the seeded dataset has no purchasable product or vendor');
  return {
    /** A PO for `amount` (no tax) by the demo buyer, confirmed into `to approve` (the US two-step threshold is 5,000). */
    async createWaitingPo(amount: number): Promise<{ id: number; name: string }> {
      const id = (await buyer.create('purchase.order', { partner_id: vendor.id, order_line: [[0, 0, { product_id: product.id, product_qty: 1, price_unit: amount, taxes_id: [[6, 0, []]] }]] })) as number;
      await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
      const [po] = (await buyer.read('purchase.order', [id], ['name', 'state'])) as Array<{ name: string; state: string }>;
      if (po?.state !== 'to approve') throw new Error(`PO ${id} is ${po?.state}, not waiting for approval`);
      return { id, name: po.name };
    },
    async state(id: number): Promise<string | undefined> {
      const [po] = (await admin.read('purchase.order', [id], ['state'])) as Array<{ state: string }>;
      return po?.state;
    },
  };
}
