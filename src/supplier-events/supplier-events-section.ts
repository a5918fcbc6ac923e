/**
 * The `supplier_events:` section of the policy file: which structured supplier updates the bot
 * writes to Odoo on its own, and which wait for a person's confirmation (the same card as a
 * supplier email's reading).
 *
 * ```yaml
 * supplier_events:
 *   write_directly: [order.acknowledged, eta.changed, shipment.notice]   # the default
 *   confirm_eta_slip_days: 2    # an ETA later than planned by more than this waits for a person
 * ```
 * A cancelled line always waits for a person: cancelling supply is the buyer's call.
 */
import { z } from 'zod';
import { readPolicySection } from '../policy/read-policy-section.ts';

export interface SupplierEventSettings {
  writeDirectly: ReadonlySet<'order.acknowledged' | 'eta.changed' | 'shipment.notice'>;
  confirmEtaSlipDays: number;
}

const sectionSchema = z
  .strictObject({
    write_directly: z.array(z.enum(['order.acknowledged', 'eta.changed', 'shipment.notice'], { error: 'must be order.acknowledged, eta.changed or shipment.notice (a cancelled line always waits for a person)' })).default(['order.acknowledged', 'eta.changed', 'shipment.notice']),
    confirm_eta_slip_days: z.number().int().min(0, { error: 'must be 0 or more days' }).default(2),
  })
  .nullable()
  .optional();

export function parseSupplierEventsSection(text: string, source: string): SupplierEventSettings {
  const { value } = readPolicySection(text, source, 'supplier_events', sectionSchema);
  return { writeDirectly: new Set(value?.write_directly ?? ['order.acknowledged', 'eta.changed', 'shipment.notice']), confirmEtaSlipDays: value?.confirm_eta_slip_days ?? 2 };
}

export const DEFAULT_SUPPLIER_EVENT_SETTINGS: SupplierEventSettings = parseSupplierEventsSection('{}', 'defaults');
