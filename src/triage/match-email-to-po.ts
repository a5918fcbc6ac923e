import type { PurchaseOrder } from '../domain/odoo-records.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { SupplierEmail } from './email-reading.ts';

export type EmailMatch =
  | { kind: 'reference'; order: PurchaseOrder; reference: string }
  | { kind: 'sender'; order: PurchaseOrder; domain: string }
  | { kind: 'unmatched'; reason: string; candidates: PurchaseOrder[] };

/** Odoo's default PO sequence is P + 5 digits; vendors write P00412, PO#412, PO 00412, "order 412". */
const REFERENCE = /\b(?:P0*(\d{1,7})\b|P\.?\s?O\.?\s?(?:#|no\.?|nr\.?|n°|nº|number)?\s?[-:]?\s?0*(\d{1,7})\b|(?:purchase\s+order|order|bestellung|pedido|commande)\s*(?:#|no\.?|nr\.?|n°|nº)?\s*[-:]?\s*P?0*(\d{2,7})\b)/gi;
const OPEN_STATES = ['sent', 'to approve', 'purchase'] as const;

/** The PO names an email mentions, most likely first (subject before body), without repeats. */
export function referencesIn(subject: string, body: string): string[] {
  const names: string[] = [];
  for (const text of [subject, body]) {
    for (const m of text.matchAll(REFERENCE)) {
      const digits = m[1] ?? m[2] ?? m[3];
      if (!digits) continue;
      const name = `P${digits.padStart(5, '0')}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** The sender's mail domain, lower-cased (`Rick <rdolan@apexjan.example>` -> apexjan.example). */
export function senderDomain(from: string): string | null {
  const m = /@([a-z0-9.-]+\.[a-z]{2,})>?\s*$/i.exec(from.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Which PO an email is about: a PO reference in the subject or body (or the vendor's own
 * reference), else the one open PO of the vendor whose email domain sent it. Several open POs
 * of that vendor, or none, leave it unmatched (for a buyer to pick), never guessed.
 */
export async function matchEmailToPo(email: SupplierEmail, text: string, odoo: Pick<OdooGateway, 'search'>): Promise<EmailMatch> {
  const names = referencesIn(email.subject, text);
  const tokens = [...new Set([...`${email.subject} ${text}`.matchAll(/\b[A-Z0-9][A-Z0-9/-]{3,30}\b/g)].map((m) => m[0]))].slice(0, 40);
  if (names.length || tokens.length) {
    const domain: Array<['name' | 'partner_ref', 'in', string[]] | '|'> = [];
    if (names.length && tokens.length) domain.push('|');
    if (names.length) domain.push(['name', 'in', names]);
    if (tokens.length) domain.push(['partner_ref', 'in', tokens]);
    const found = await odoo.search('purchaseOrder', { domain, limit: 20 });
    for (const name of names) {
      const order = found.find((o) => o.name === name);
      if (order) return { kind: 'reference', order, reference: name };
    }
    const byRef = found.find((o) => o.partnerRef && tokens.includes(o.partnerRef));
    if (byRef) return { kind: 'reference', order: byRef, reference: byRef.partnerRef! };
  }
  const domainName = senderDomain(email.from);
  if (!domainName) return { kind: 'unmatched', reason: 'no PO reference and no sender address', candidates: [] };
  const vendors = await odoo.search('partner', { domain: [['email', '=ilike', `%@${domainName}`]], limit: 20 });
  const vendorIds = [...new Set(vendors.map((v) => v.parent?.id ?? v.id))];
  if (vendorIds.length === 0) return { kind: 'unmatched', reason: `no PO reference, and no vendor uses ${domainName}`, candidates: [] };
  const open = await odoo.search('purchaseOrder', { domain: [['partner_id', 'in', vendorIds], ['state', 'in', [...OPEN_STATES]]], order: 'date_order desc', limit: 10 });
  if (open.length === 1) return { kind: 'sender', order: open[0]!, domain: domainName };
  return { kind: 'unmatched', reason: open.length ? `no PO reference, and ${open.length} open POs of the vendor at ${domainName}` : `no PO reference, and no open PO of the vendor at ${domainName}`, candidates: open };
}
