import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The body Odoo 17/18 POSTs from an automation rule's "Send Webhook Notification" action, as
 * recorded (test/fixtures/odoo/18/flows.json): `_action`, `_id`, `_model`, `id` and the selected
 * fields, relational fields as bare ids, `write_date` with microseconds. Extra fields pass through.
 */
export const odooWebhookEventSchema = z.looseObject({
  _action: z.string().min(1).max(200),
  _id: z.number().int().positive(),
  _model: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, { message: 'an Odoo model name such as purchase.order' }),
  id: z.number().int().positive().optional(),
  write_date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/, { message: 'an Odoo datetime such as 2026-11-26 22:17:21.480189' }).optional(),
}).refine((e) => e.id === undefined || e.id === e._id, { message: 'id and _id name different records', path: ['id'] });

export type OdooWebhookEvent = z.infer<typeof odooWebhookEventSchema>;

/** What the bot keeps of a webhook: which record changed, and which version of it. */
export interface OdooRecordChanged {
  model: string;
  id: number;
  /** write_date when the rule sends it, else a digest of the fields sent: repeats share it. */
  version: string;
  fields: Record<string, unknown>;
  action: string;
  receivedAt: string;
}

/** The version of the record this event describes; Odoo sends one version several times. */
export function recordVersion(event: OdooWebhookEvent): string {
  if (event.write_date) return event.write_date;
  const { _action: _ignored, ...rest } = event;
  const canonical = JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k]]));
  return `sha1-${createHash('sha1').update(canonical).digest('hex').slice(0, 16)}`;
}

export function toRecordChanged(event: OdooWebhookEvent, receivedAt: Date): OdooRecordChanged {
  const { _action, _id, _model, ...fields } = event;
  return { model: _model, id: _id, version: recordVersion(event), fields, action: _action, receivedAt: receivedAt.toISOString() };
}
