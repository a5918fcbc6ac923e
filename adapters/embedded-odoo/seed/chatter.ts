/**
 * mail.message rows in the chatter of a record, with both sides of message_ids kept in sync:
 * the system notifications Odoo writes on a PO, and incoming emails.
 */
import type { SeedContext } from './seed-context.ts';
import { pushId, rowOf } from './seed-context.ts';

export interface MessageSpec {
  model: string;
  resId: number;
  recordName: string;
  messageType: 'email' | 'comment' | 'notification';
  subtypeId: number | false;
  authorId: number | false;
  emailFrom: string | false;
  subject: string | false;
  body: string;
  date: string;
  companyId: number | false;
  createUid: number;
  messageId?: string;
}

export function postMessage(ctx: SeedContext, m: MessageSpec): number {
  const id = ctx.store.insert('mail.message', {
    model: m.model,
    res_id: m.resId,
    record_name: m.recordName,
    message_type: m.messageType,
    subtype_id: m.subtypeId,
    author_id: m.authorId,
    email_from: m.emailFrom,
    subject: m.subject,
    body: m.body,
    date: m.date,
    message_id: m.messageId ?? false,
    parent_id: false,
    partner_ids: [],
    notified_partner_ids: [],
    attachment_ids: [],
    tracking_value_ids: [],
    is_internal: m.messageType === 'notification',
    reply_to: false,
    record_company_id: m.companyId,
    create_uid: m.createUid,
    create_date: m.date,
    write_uid: m.createUid,
    write_date: m.date,
  });
  pushId(rowOf(ctx.store, m.model, m.resId), 'message_ids', id);
  return id;
}

/** `"Name" <address>`, the way Odoo formats email_from of internal authors. */
export function formatEmailFrom(name: string, email: string): string {
  return `"${name.replace(/"/g, '')}" <${email}>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain-text email body to the HTML Odoo's mail gateway stores: paragraphs and line breaks. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
