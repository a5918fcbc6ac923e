import { z } from 'zod';
import { datetimeRequired, id, many2one, text } from './odoo-values.ts';

export const PO_MESSAGE_FIELDS = [
  'res_id',
  'message_type',
  'subtype_id',
  'author_id',
  'email_from',
  'subject',
  'body',
  'date',
  'write_date',
] as const;

export const poMessageSchema = z
  .object({
    id,
    res_id: z.number().int(),
    message_type: z.enum([
      'email',
      'comment',
      'email_outgoing',
      'notification',
      'auto_comment',
      'user_notification',
      'sms',
      'snailmail',
    ]),
    subtype_id: many2one,
    author_id: many2one,
    email_from: text,
    subject: text,
    body: text,
    date: datetimeRequired,
    write_date: datetimeRequired,
  })
  .transform((r) => ({
    id: r.id,
    orderId: r.res_id,
    messageType: r.message_type,
    subtype: r.subtype_id,
    author: r.author_id,
    emailFrom: r.email_from,
    subject: r.subject,
    body: r.body === '' ? null : r.body,
    date: r.date,
    writeDate: r.write_date,
  }));

export const ACTIVITY_TYPE_FIELDS = ['name', 'category', 'res_model'] as const;

export const activityTypeSchema = z
  .object({ id, name: z.string(), category: text, res_model: text })
  .transform((r) => ({ id: r.id, name: r.name, category: r.category, resModel: r.res_model }));
