import { addDays, format } from 'date-fns';
import type { SupplierEmailEvent } from '../../../src/triage/supplier-email-event.ts';

/** What an email of the demo inbox is about: an open PO of the demo buyer, as Odoo has it. */
export interface DemoOrder {
  name: string;
  vendorName: string;
  /** The vendor's address (its partner email), or one made from its name. */
  vendorEmail: string;
  buyerFirstName: string;
  datePlanned: Date;
  /** The first product line: what the vendor's email names. */
  product: string;
  quantity: number;
  priceUnit: number;
}

/** One email of the demo inbox: a stable id (sent once per Redis prefix) and how to write it for an order. */
export interface DemoInboxTemplate {
  id: 'delay' | 'partial-shipment' | 'price-change';
  compose(order: DemoOrder, now: Date): Omit<SupplierEmailEvent, 'message_id'>;
}

const day = (d: Date) => format(d, 'MMMM d, yyyy');
const money = (n: number) => n.toFixed(2);
const signature = (vendor: string) => `Best regards,\nCustomer Service\n${vendor}`;

/**
 * The supplier emails a buyer gets in the demo shortly after `npm start`, each about one of the
 * demo buyer's open orders: a delay (the card proposes moving the planned date), a partial
 * shipment and a price change. Written the way vendors write (greeting, one message, signature),
 * so the reader (the offline heuristic or the configured LLM) reads them as it would real mail.
 */
export const DEMO_INBOX: readonly DemoInboxTemplate[] = [
  {
    id: 'delay',
    compose: (o, now) => ({
      from: `${o.vendorName} <${o.vendorEmail}>`,
      subject: `${o.name}: delivery delayed`,
      text: `Hi ${o.buyerFirstName},\n\nI am sorry to tell you that your order ${o.name} (${o.quantity} x ${o.product}) will not ship on time: our carrier cancelled the pickup at our warehouse. The new delivery date is ${day(addDays(laterOf(o.datePlanned, now), 7))}.\n\nWe apologise for the inconvenience.\n\n${signature(o.vendorName)}`,
      received_at: now.toISOString(),
    }),
  },
  {
    id: 'partial-shipment',
    compose: (o, now) => {
      const shipped = Math.max(1, Math.floor(o.quantity / 2));
      return {
        from: `${o.vendorName} <${o.vendorEmail}>`,
        subject: `Partial shipment for ${o.name}`,
        text: `Hello ${o.buyerFirstName},\n\nFor order ${o.name} we shipped ${shipped} of the ${o.quantity} ${o.product} today. The remaining ${o.quantity - shipped} are backordered and will follow as soon as our stock is replenished.\n\n${signature(o.vendorName)}`,
        received_at: now.toISOString(),
      };
    },
  },
  {
    id: 'price-change',
    compose: (o, now) => ({
      from: `${o.vendorName} <${o.vendorEmail}>`,
      subject: `Price update on ${o.name}`,
      text: `Dear ${o.buyerFirstName},\n\nDue to higher raw material costs, the unit price of ${o.product} on your order ${o.name} increases by 6%, from ${money(o.priceUnit)} to ${money(o.priceUnit * 1.06)}. Please let us know if you accept the new price so we can update the order confirmation.\n\n${signature(o.vendorName)}`,
      received_at: now.toISOString(),
    }),
  },
];

function laterOf(a: Date, b: Date): Date {
  return a.getTime() > b.getTime() ? a : b;
}

/** The ops page's example: the vendor confirms one of the demo buyer's open orders (a confirmation card). */
export function confirmationExample(o: DemoOrder): { from: string; subject: string; text: string; domain: string } {
  return {
    from: `${o.vendorName} <${o.vendorEmail}>`,
    subject: `Order confirmation ${o.name}`,
    text: `Hi ${o.buyerFirstName},\n\nWe confirm your order ${o.name} (${o.quantity} x ${o.product}). Delivery as requested on ${day(o.datePlanned)}.\n\n${signature(o.vendorName)}`,
    domain: o.vendorEmail.split('@')[1] ?? 'vendor.example',
  };
}
