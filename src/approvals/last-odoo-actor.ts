import type { OdooGateway } from '../ports/odoo-gateway.ts';

/** Who last moved the PO in Odoo, from its chatter (approval and cancel leave a notification). */
export async function lastOdooActor(odoo: Pick<OdooGateway, 'search'>, orderId: number): Promise<string | null> {
  const messages = await odoo.search('poMessage', { domain: [['res_id', '=', orderId], ['message_type', '=', 'notification']], order: 'id desc', limit: 1 });
  return messages[0]?.author?.name ?? null;
}
