/**
 * The Odoo reads a purchase request needs (products, their vendors, warehouses, units), over the
 * gateway's generic `searchIds` + `read` (models the typed kinds do not cover). Only fields with
 * the same name on 17.0, 18.0 and 19.0 are read; 19.0 drops the product's `uom_po_id` (the
 * purchase unit is then the product's unit) and uom categories (`category_id`).
 */
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { Named } from './purchase-request.ts';

type Many2one = [number, string] | false;
const ref = (v: unknown): Named | null => (Array.isArray(v) && typeof v[0] === 'number' ? { id: v[0], name: String(v[1]) } : null);
const rows = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []);

export interface ProductInfo {
  id: number;
  name: string;
  code: string | null;
  category: Named | null;
  uom: Named | null;
  purchaseUom: Named | null;
  sellerIds: number[];
  responsible: Named | null;
  purchaseOk: boolean;
}

export interface SellerInfo {
  id: number;
  vendor: Named | null;
  companyId: number | null;
  price: number;
}

export interface WarehouseInfo {
  id: number;
  name: string;
  code: string;
  company: Named | null;
  pickingTypeId: number | null;
}

/** What "apple" finds: purchasable products by name or internal reference, best first. */
export async function searchProducts(odoo: OdooGateway, text: string, limit = 20): Promise<Array<{ id: number; label: string }>> {
  const q = text.trim();
  const domain = q ? ['&', ['purchase_ok', '=', true], '|', ['name', 'ilike', q], ['default_code', 'ilike', q]] as const : [['purchase_ok', '=', true]] as const;
  const ids = await odoo.searchIds('product.product', domain as never, { limit });
  if (ids.length === 0) return [];
  const read = rows(await odoo.callMethod('product.product', 'read', ids, { fields: ['display_name'] }));
  const byId = new Map(read.map((r) => [Number(r.id), String(r.display_name ?? '')]));
  return ids.filter((id) => byId.has(id)).map((id) => ({ id, label: byId.get(id)! }));
}

export async function readProduct(odoo: OdooGateway, id: number): Promise<ProductInfo | null> {
  const fields = ['name', 'default_code', 'categ_id', 'uom_id', 'seller_ids', 'responsible_id', 'purchase_ok', 'active'];
  let read: Array<Record<string, unknown>>;
  try {
    read = rows(await odoo.callMethod('product.product', 'read', [id], { fields: [...fields, 'uom_po_id'] }));
  } catch {
    // 19.0 has no uom_po_id: Odoo refuses a read naming it
    read = rows(await odoo.callMethod('product.product', 'read', [id], { fields }));
  }
  const [r] = read;
  if (!r || r.active === false) return null;
  const uom = ref(r.uom_id as Many2one);
  return {
    id,
    name: String(r.name ?? ''),
    code: typeof r.default_code === 'string' && r.default_code ? r.default_code : null,
    category: ref(r.categ_id),
    uom,
    purchaseUom: ref(r.uom_po_id) ?? uom,
    sellerIds: Array.isArray(r.seller_ids) ? (r.seller_ids as number[]) : [],
    responsible: ref(r.responsible_id),
    purchaseOk: r.purchase_ok !== false,
  };
}

/** The product's vendors in Odoo's order (the first is the preferred one). */
export async function readSellers(odoo: OdooGateway, ids: readonly number[]): Promise<SellerInfo[]> {
  if (ids.length === 0) return [];
  const read = rows(await odoo.callMethod('product.supplierinfo', 'read', [...ids], { fields: ['partner_id', 'company_id', 'price', 'sequence'] }));
  const byId = new Map(read.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{ id, vendor: ref(r.partner_id), companyId: ref(r.company_id)?.id ?? null, price: typeof r.price === 'number' ? r.price : 0 }];
  });
}

export async function readWarehouses(odoo: OdooGateway, companyIds: readonly number[]): Promise<WarehouseInfo[]> {
  const ids = await odoo.searchIds('stock.warehouse', [['company_id', 'in', [...companyIds]]], { order: 'sequence, id' });
  if (ids.length === 0) return [];
  const read = rows(await odoo.callMethod('stock.warehouse', 'read', ids, { fields: ['name', 'code', 'company_id', 'in_type_id'] }));
  return read.map((r) => ({ id: Number(r.id), name: String(r.name ?? ''), code: String(r.code ?? ''), company: ref(r.company_id), pickingTypeId: ref(r.in_type_id)?.id ?? null }));
}

export async function readUnit(odoo: OdooGateway, id: number): Promise<(Named & { categoryId: number | null }) | null> {
  let read: Array<Record<string, unknown>>;
  try {
    read = rows(await odoo.callMethod('uom.uom', 'read', [id], { fields: ['name', 'category_id'] }));
  } catch {
    read = rows(await odoo.callMethod('uom.uom', 'read', [id], { fields: ['name'] }));
  }
  const [r] = read;
  return r ? { id, name: String(r.name ?? ''), categoryId: ref(r.category_id)?.id ?? null } : null;
}

/** The units a form offers: the active units of measure (a product's own come first in the check). */
export async function listUnits(odoo: OdooGateway, limit = 50): Promise<Named[]> {
  const ids = await odoo.searchIds('uom.uom', [['active', '=', true]], { limit });
  if (ids.length === 0) return [];
  return rows(await odoo.callMethod('uom.uom', 'read', ids, { fields: ['name'] })).map((r) => ({ id: Number(r.id), name: String(r.name ?? '') }));
}

/** Vendors by name (res.partner with a supplier rank), for the optional vendor field. */
export async function searchVendors(odoo: OdooGateway, text: string, limit = 20): Promise<Named[]> {
  const q = text.trim();
  const ids = await odoo.searchIds('res.partner', q ? [['supplier_rank', '>', 0], ['name', 'ilike', q]] : [['supplier_rank', '>', 0]], { limit, order: 'name, id' });
  if (ids.length === 0) return [];
  return rows(await odoo.callMethod('res.partner', 'read', ids, { fields: ['name'] })).map((r) => ({ id: Number(r.id), name: String(r.name ?? '') }));
}

export async function readPartnerName(odoo: OdooGateway, id: number): Promise<string | null> {
  const [r] = rows(await odoo.callMethod('res.partner', 'read', [id], { fields: ['name', 'supplier_rank'] }));
  return r ? String(r.name ?? '') : null;
}

/** The login of an Odoo user (the product's Responsible). */
export async function userLogin(odoo: OdooGateway, id: number): Promise<string | null> {
  const [user] = await odoo.read('user', [id]);
  return user?.login ?? null;
}
