import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { OdooGateway } from '../../../src/ports/odoo-gateway.ts';
import type { SupplierEmailEvent } from '../../../src/triage/supplier-email-event.ts';
import { STAFF, STAFF_DOMAIN } from '../../embedded-odoo/seed/users.ts';
import { SIGNATURE_HEADER } from '../../http/routes/supplier-email-webhook.ts';
import { DEMO_INBOX, type DemoInboxTemplate, type DemoOrder } from './demo-inbox-emails.ts';

export interface DemoInboxOptions {
  redis: Redis;
  /** The bot's Redis key prefix: what was sent is kept under `${prefix}:workspace:demo-inbox`. */
  prefix: string;
  odoo: Pick<OdooGateway, 'search' | 'read'>;
  /** The bot's own URL: the emails go to its POST /webhooks/supplier-email. */
  ownUrl: string;
  /** The demo SUPPLIER_EMAIL_HMAC_SECRET the webhook checks. */
  secret: string;
  logger: Logger;
  now?: () => Date;
  /** When each email arrives, in ms after the bot is ready. @defaultValue [3_000, 15_000, 27_000] */
  delaysMs?: readonly number[];
}

const DEMO_BUYER = STAFF.find((s) => s.demo && s.role === 'buyer');

/**
 * The demo's mail gateway: a few seconds after `npm start`, a few supplier emails about the demo
 * buyer's open orders arrive at POST /webhooks/supplier-email, signed with the demo secret, the
 * way a mail gateway or an n8n workflow delivers them. Each one is sent once per Redis prefix
 * (a restart does not send it again; `npm run demo:reset` starts afresh). The emails already in
 * the PO chatter stay what they are: history the bot found when it started, not news.
 * Returns a stop function that cancels what has not been sent yet.
 */
export function startDemoInbox(options: DemoInboxOptions): () => void {
  const delays = options.delaysMs ?? [3_000, 15_000, 27_000];
  const timers = DEMO_INBOX.slice(0, delays.length).map((template, i) =>
    setTimeout(() => void sendOnce(template, i, options).catch((err: unknown) => options.logger.warn({ err: err instanceof Error ? err.message : String(err), email: template.id }, 'the demo inbox could not deliver an email')), delays[i]),
  );
  return () => timers.forEach(clearTimeout);
}

async function sendOnce(template: DemoInboxTemplate, index: number, options: DemoInboxOptions): Promise<void> {
  const key = `${options.prefix}:workspace:demo-inbox`;
  const now = (options.now ?? (() => new Date()))();
  const order = (await demoOrders(options.odoo))[index];
  if (!order) {
    options.logger.info({ email: template.id }, 'the demo buyer has no open order left for this demo email');
    return;
  }
  const email: SupplierEmailEvent = { ...template.compose(order, now), message_id: `<demo-inbox-${template.id}-${order.name}.${now.getTime()}@${order.vendorEmail.split('@')[1]}>` };
  // Claimed before it is sent: two web processes, or a restart, never deliver it twice.
  if (!(await options.redis.hsetnx(key, template.id, email.message_id))) return;
  const body = JSON.stringify(email);
  try {
    const res = await fetch(`${options.ownUrl}/webhooks/supplier-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}` },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 202 && res.status !== 200) throw new Error(`the webhook answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    options.logger.info({ order: order.name, subject: email.subject }, 'demo mail gateway: a supplier email arrived');
  } catch (err) {
    await options.redis.hdel(key, template.id);
    throw err;
  }
}

/** The demo buyer's open orders with a product line, soonest delivery first, one per vendor. */
export async function demoOrders(odoo: DemoInboxOptions['odoo']): Promise<DemoOrder[]> {
  if (!DEMO_BUYER) return [];
  const [buyer] = await odoo.search('user', { domain: [['login', '=', `${DEMO_BUYER.local}@${STAFF_DOMAIN}`]], limit: 1 });
  if (!buyer) return [];
  const orders = await odoo.search('purchaseOrder', { domain: [['user_id', '=', buyer.id], ['state', '=', 'purchase'], ['receipt_status', '!=', 'full']], order: 'date_planned asc, id asc', limit: 12 });
  const lines = await odoo.read('purchaseOrderLine', orders.flatMap((o) => o.lineIds));
  const partners = await odoo.read('partner', [...new Set(orders.flatMap((o) => (o.partner ? [o.partner.id] : [])))]);
  const out: DemoOrder[] = [];
  for (const o of orders) {
    const line = lines.find((l) => l.order.id === o.id && l.product && l.displayType === null && l.quantity > 0);
    const partner = partners.find((p) => p.id === o.partner?.id);
    if (!line?.product || !partner || !o.datePlanned) continue;
    // One email per vendor: "the vendor's only open PO" must not decide the match, the reference does.
    if (out.some((d) => d.vendorName === partner.name)) continue;
    out.push({
      name: o.name,
      vendorName: partner.name,
      vendorEmail: partner.email ?? `orders@${partner.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
      buyerFirstName: DEMO_BUYER.name.split(' ')[0]!,
      datePlanned: o.datePlanned,
      product: line.product.name.replace(/^\[[^\]]*\]\s*/, ''),
      quantity: line.quantity,
      priceUnit: line.priceUnit,
    });
  }
  return out;
}
