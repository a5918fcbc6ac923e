/**
 * The labelled supplier emails seeded into the embedded Odoo's chatter: data/supplier-emails.dev.jsonl
 * (the repository's copy of the first labelled set), parsed once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SupplierEmail {
  id: string;
  received_at: string;
  from: string;
  vendor: string;
  po_ref: string | null;
  po_date_planned: string | null;
  subject: string;
  body: string;
  expected: { category: string; [k: string]: unknown };
  note?: string;
}

let cached: SupplierEmail[] | undefined;

export function loadSupplierEmails(): SupplierEmail[] {
  if (!cached) {
    const path = fileURLToPath(new URL('../../../data/supplier-emails.dev.jsonl', import.meta.url));
    cached = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as SupplierEmail);
  }
  return cached;
}

/** 'Rick Dolan <rdolan@apexjan.example>' -> { name: 'Rick Dolan', address: 'rdolan@apexjan.example' } */
export function parseFrom(from: string): { name: string; address: string; domain: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  const address = (m?.[2] ?? from).trim().toLowerCase();
  const name = m ? (m[1] ?? '').trim() : '';
  return { name, address, domain: address.slice(address.indexOf('@') + 1) };
}
