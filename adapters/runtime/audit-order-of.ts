import { parsePoReference, poReferenceDomain } from '../../src/status/po-reference.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';

export class UnknownOrderError extends Error {
  readonly code = 'unknown_order';
}

/**
 * The purchase order `npm run audit` was asked about: a plain number is the Odoo id (as before);
 * a name as every screen shows it (P00230, PO230, "po 230") is looked up in Odoo.
 */
export async function auditOrderOf(arg: string, odoo: () => Pick<OdooGateway, 'search'>, odooWhere: string): Promise<{ id: number; name: string | null }> {
  if (/^\d+$/.test(arg)) return { id: Number(arg), name: null };
  const ref = parsePoReference(arg);
  if (!ref || ref.number === null) throw new UnknownOrderError(`"${arg}" is not a purchase order name (P00230) or id (230)`);
  let found;
  try {
    found = await odoo().search('purchaseOrder', { domain: poReferenceDomain(ref), order: 'id desc', limit: 5 });
  } catch (err) {
    throw new UnknownOrderError(`cannot look ${arg} up in Odoo at ${odooWhere} (${err instanceof Error ? err.message : String(err)}): is it running? The numeric id works without Odoo`);
  }
  const byName = found.filter((o) => o.name.toUpperCase() === `P${String(ref.number).padStart(5, '0')}` || o.name.toUpperCase() === arg.toUpperCase());
  const order = byName[0] ?? found[0];
  if (!order) throw new UnknownOrderError(`no purchase order ${arg} in Odoo at ${odooWhere}`);
  return { id: order.id, name: order.name };
}
