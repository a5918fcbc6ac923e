import OdooAwait from 'odoo-await';
import type { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';

export interface WaitingPoFactory {
  /** A buyer creates and confirms a one-line PO over the approval threshold: Odoo puts it in `to approve`. */
  create(options?: { amount?: number; buyerLogin?: string }): Promise<{ id: number; name: string }>;
}

/**
 * POs waiting for approval in the embedded Odoo, made the way a buyer makes them (XML-RPC as the
 * buyer, then button_confirm), for every harness that needs one. The seeded users' password is
 * the part of their login before the @.
 */
export async function waitingPoFactory(odoo: { url: string; db: string }, admin: OdooAwaitGateway, defaultBuyer: string): Promise<WaitingPoFactory> {
  const [vendor] = await admin.searchIds('res.partner', [['supplier_rank', '>', 0], ['email', 'ilike', '.example']], { limit: 1 });
  const [product] = await admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
  return {
    async create(options = {}) {
      const login = options.buyerLogin ?? defaultBuyer;
      const buyer = new OdooAwait({ baseUrl: odoo.url, db: odoo.db, username: login, password: login.split('@')[0]! });
      await buyer.connect();
      const id = (await buyer.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: options.amount ?? 12000, taxes_id: [[6, 0, []]] }]] })) as number;
      await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
      const [po] = (await buyer.read('purchase.order', [id], ['name', 'state'])) as Array<{ name: string; state: string }>;
      if (po?.state !== 'to approve') throw new Error(`PO ${id} is ${po?.state}, not waiting for approval`);
      return { id, name: po.name };
    },
  };
}
