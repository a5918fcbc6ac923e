import type { Warehouse } from '../../domain/odoo-records.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Warehouses a person means by `words`, among those of their companies: by code (`ATL`), by
 * name or part of it (`Reno`), or by a code inside the words (`WH-North` -> code WH). People
 * rarely type a warehouse's exact name, and there are few warehouses, so this is done here.
 */
export async function findWarehouses(odoo: OdooGateway, words: string, companyIds: readonly number[]): Promise<{ matched: Warehouse[]; all: Warehouse[] }> {
  const all = (await odoo.search('warehouse', { domain: [['company_id', 'in', [...companyIds]]], limit: 500 })) as Warehouse[];
  const q = norm(words);
  const tokens = new Set(q.split(' '));
  const exact = all.filter((w) => norm(w.code ?? '') === q || norm(w.name) === q);
  if (exact.length) return { matched: exact, all };
  const partial = all.filter((w) => norm(w.name).includes(q) || (q.length >= 3 && q.includes(norm(w.name))));
  if (partial.length) return { matched: partial, all };
  return { matched: all.filter((w) => w.code && tokens.has(norm(w.code))), all };
}

/** Vendors whose name contains `words` (Odoo's ilike), at most 200. */
export async function findVendorIds(odoo: OdooGateway, words: string): Promise<number[]> {
  return odoo.searchIds('res.partner', [['name', 'ilike', words]], { limit: 200 });
}
