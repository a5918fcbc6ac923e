/**
 * A structured update from a supplier's world (portal, carrier, EDI) that an n8n flow gathered
 * and POSTs to /webhooks/supplier-event: an order acknowledgement, a ship notice, an ETA change
 * or a cancelled line. Validated here with zod; matched to the PO and its lines afterwards.
 */
import { z } from 'zod';
import { calendarDaySchema } from '../triage/email-reading.ts';

/** A PO line by its Odoo id, or by the product's internal reference (default_code). */
const lineRef = z.union([
  z.strictObject({ line_id: z.number().int().positive() }),
  z.strictObject({ product_code: z.string().trim().min(1).max(100) }),
], { error: 'each line needs line_id (the Odoo PO line id) or product_code (the product internal reference)' });

const quantity = z.number().finite().nonnegative({ error: 'must be zero or more' });

const base = {
  /** The sender's id of this update: a repeat (n8n re-runs, retries) is taken once. */
  event_id: z.string().trim().min(1).max(200),
  /** Where it came from, named in the chatter note: `portal:sunvale`, `carrier:dhl`, `edi:855`. */
  source: z.string().trim().min(1).max(100),
  /** The PO: its name (P00042) or id. */
  po: z.union([z.string().trim().min(1).max(64), z.number().int().positive()]),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
};

export const supplierEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('order.acknowledged'),
    /** The date the vendor confirms for the whole order, unless a line says otherwise. */
    confirmed_date: calendarDaySchema.optional(),
    lines: z.array(lineRef.and(z.object({ confirmed_date: calendarDaySchema.optional(), confirmed_qty: quantity.optional() }))).max(500).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('shipment.notice'),
    carrier: z.string().trim().min(1).max(100).optional(),
    tracking: z.string().trim().min(1).max(200).optional(),
    eta: calendarDaySchema.optional(),
    lines: z.array(lineRef.and(z.object({ shipped_qty: quantity }))).min(1).max(500),
  }),
  z.strictObject({
    ...base,
    type: z.literal('eta.changed'),
    eta: calendarDaySchema,
    reason: z.string().trim().max(500).optional(),
    /** The lines it moves; every open line when absent. */
    lines: z.array(lineRef).max(500).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('line.cancelled'),
    reason: z.string().trim().max(500).optional(),
    lines: z.array(lineRef.and(z.object({ cancelled_qty: quantity.optional() }))).min(1).max(500),
  }),
], { error: 'type must be order.acknowledged, shipment.notice, eta.changed or line.cancelled' });

export type SupplierEvent = z.infer<typeof supplierEventSchema>;
export type SupplierEventType = SupplierEvent['type'];
export type LineRefInput = { line_id: number } | { product_code: string };
