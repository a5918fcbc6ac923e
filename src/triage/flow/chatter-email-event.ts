import type { PoMessage } from '../../domain/odoo-records.ts';
import { htmlToText } from '../html-to-text.ts';
import type { SupplierEmailEvent } from '../supplier-email-event.ts';

/**
 * A supplier email found in a PO's chatter, in the shape the mail webhook takes, so both sources
 * share the intake (Message-ID dedupe, triage queue). A body posted over RPC as a string arrives
 * escaped inside `<p>` (ODOO.md), so HTML that survives one conversion is converted again.
 */
export function chatterEmailEvent(m: PoMessage): SupplierEmailEvent {
  const once = htmlToText(m.body ?? '');
  const text = /<(?:html|body|div|p|br|table)\b/i.test(once) ? htmlToText(once) : once;
  const from = (m.emailFrom ?? m.author?.name ?? '').trim();
  return {
    from: from.length >= 3 ? from.slice(0, 320) : 'unknown sender',
    subject: (m.subject ?? '').slice(0, 1000),
    text: text.trim() ? text.slice(0, 200_000) : '(empty message)',
    received_at: m.date.toISOString(),
    // Odoo's own Message-ID is not read by the gateway; the record id is as unique and stable.
    message_id: `odoo-mail-message-${m.id}`,
  };
}
