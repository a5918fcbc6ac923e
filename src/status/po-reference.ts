import type { OdooDomain } from '../ports/odoo-gateway.ts';

/** A reference to one purchase order as a person types it. */
export interface PoReference {
  /** What was typed, trimmed: also tried as the vendor's reference (`partner_ref`). */
  raw: string;
  /** The sequence number when it reads as a PO number (P00042, PO42, "po 42", #42), else null. */
  number: number | null;
}

// "P00042", "PO42", "po 42", "PO#42", "P0042", "PO-42", "PO no. 42", "purchase order 42", "#42", "42".
const PO_NUMBER = /^(?:(?:p\.?\s*o\.?|p|purchase\s+order|order)\s*(?:#|no\.?|number|nr\.?|-|:)?\s*|#)?0*(\d{1,9})$/i;
// A PO number inside a sentence: "where is P00042?", "status of po #42".
const PO_NUMBER_IN_TEXT = /(?:^|[^a-z0-9/])((?:p\.?\s*o\.?|p)\s*(?:#|no\.?|-|:)?\s*\d{1,9})(?![a-z0-9])/i;
// A vendor reference is one token with a digit in it (SO-58213, INV/2026/0042).
const VENDOR_REF = /^(?=.*\d)[a-z0-9][a-z0-9/_.#-]{1,39}$/i;

const clean = (text: string) => text.trim().replace(/^["'`“”‘’(<[]+|["'`“”‘’)>\].,;:!?]+$/g, '').trim();

/** Reads a whole input as a PO reference (`/po P00042`), or null when it is not one. */
export function parsePoReference(text: string): PoReference | null {
  const raw = clean(text);
  if (!raw) return null;
  const m = PO_NUMBER.exec(raw);
  if (m) return { raw, number: Number(m[1]) };
  return VENDOR_REF.test(raw) ? { raw, number: null } : null;
}

/** The first PO number in a sentence ("where is P00042?"), or null. */
export function findPoReference(text: string): PoReference | null {
  const m = PO_NUMBER_IN_TEXT.exec(text);
  return m?.[1] ? parsePoReference(m[1]) : null;
}

/**
 * The purchase.order domain that finds the reference: the usual names of its number (Odoo's
 * default sequence is P + 5 digits; some databases use PO) or the vendor's reference, as typed.
 */
export function poReferenceDomain(ref: PoReference): OdooDomain {
  if (ref.number === null) return ['|', ['name', '=ilike', ref.raw], ['partner_ref', '=ilike', ref.raw]];
  const n = String(ref.number);
  const names = [...new Set([`P${n.padStart(5, '0')}`, `PO${n.padStart(5, '0')}`, `P${n}`, `PO${n}`, ref.raw.toUpperCase()])];
  return ['|', ['name', 'in', names], ['partner_ref', '=ilike', ref.raw]];
}

/** How the reference reads back in answers ("P00042"). */
export function describeReference(ref: PoReference): string {
  return ref.number === null ? ref.raw : `P${String(ref.number).padStart(5, '0')}`;
}
