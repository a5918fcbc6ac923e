/**
 * Checks a filled-in request form against Odoo and the policy's `requests:` section, before
 * anything is written: every problem is reported under its field, in words the requester can act
 * on (the form stays open with them), and a request that passes carries every reference resolved.
 */
import type { Approver } from '../approvals/approval-rules.ts';
import { dayIn } from '../delegation/delegation-days.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { CheckedRequest, RequestField, RequestForm } from './purchase-request.ts';
import { readPartnerName, readProduct, readSellers, readUnit, readWarehouses, userLogin, type ProductInfo, type WarehouseInfo } from './request-odoo.ts';
import type { OptionalField, RequestsSettings } from './requests-section.ts';

export type FieldErrors = Partial<Record<RequestField, string>>;
export type CheckOutcome = { ok: true; request: CheckedRequest } | { ok: false; errors: FieldErrors };

export interface CheckDeps {
  odoo: OdooGateway;
  settings: RequestsSettings;
  timeZone: string;
  now: () => Date;
}

/** A justification above the policy's limits: a reason of at least this many characters. */
export const JUSTIFICATION_MIN_LENGTH = 20;
const MAX_QUANTITY = 1_000_000;

const positiveId = (raw: string | null): number | null => (raw && /^\d+$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : null);

/** The warehouses the requester may order for: their companies', narrowed by `requesters:`. */
export function allowedWarehouses(all: readonly WarehouseInfo[], requester: Approver, settings: RequestsSettings): WarehouseInfo[] {
  const mine = all.filter((w) => w.company && requester.companyIds.includes(w.company.id));
  if (!settings.requesters) return mine;
  const codes = settings.requesters.get(requester.login.toLowerCase()) ?? (requester.email ? settings.requesters.get(requester.email.toLowerCase()) : undefined) ?? settings.requesters.get('*') ?? [];
  return mine.filter((w) => codes.includes(w.code.toUpperCase()) || codes.includes(w.name.toUpperCase()));
}

export async function checkRequest(form: RequestForm, requester: Approver, deps: CheckDeps): Promise<CheckOutcome> {
  const { odoo, settings } = deps;
  const errors: FieldErrors = {};

  // quantity: a number above zero (decimals allowed: 2.5 kg), within reason
  const qtyText = (form.quantity ?? '').trim().replace(',', '.');
  const quantity = /^-?\d+(\.\d+)?$/.test(qtyText) ? Number(qtyText) : NaN;
  if (!qtyText) errors.quantity = 'Enter how many you need.';
  else if (Number.isNaN(quantity)) errors.quantity = `"${form.quantity}" is not a number.`;
  else if (quantity <= 0) errors.quantity = 'The quantity must be more than 0.';
  else if (quantity > MAX_QUANTITY) errors.quantity = `That is more than ${MAX_QUANTITY.toLocaleString('en-US')}; check the quantity.`;

  // needed-by: a real day, today or later in the policy's zone
  const today = dayIn(deps.now(), deps.timeZone);
  const neededBy = (form.neededBy ?? '').trim();
  if (!neededBy) errors.neededBy = 'Pick the day you need it by.';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(neededBy) || Number.isNaN(Date.parse(`${neededBy}T00:00:00Z`))) errors.neededBy = `"${neededBy}" is not a date (YYYY-MM-DD).`;
  else if (neededBy < today) errors.neededBy = `${neededBy} is in the past (today is ${today}); pick today or a later day.`;

  const attachment = form.attachment?.trim() || null;
  if (attachment && !/^https?:\/\/\S+$/i.test(attachment)) errors.attachment = 'Give a link starting with https:// (or leave it empty).';
  const reason = form.reason?.trim() || null;

  // warehouse: one the requester may order for
  const all = await readWarehouses(odoo, requester.companyIds);
  const allowed = allowedWarehouses(all, requester, settings);
  const warehouseId = positiveId(form.warehouseId);
  const warehouse = warehouseId === null ? null : all.find((w) => w.id === warehouseId) ?? null;
  if (warehouseId === null) errors.warehouseId = 'Pick the warehouse it is for.';
  else if (!warehouse) errors.warehouseId = 'That warehouse is not one of your companies\'.';
  else if (!allowed.some((w) => w.id === warehouse.id)) {
    errors.warehouseId = `You may not request purchases for ${warehouse.name}${allowed.length ? ` (you may for ${allowed.map((w) => w.code).join(', ')})` : ''}; the policy's requests: section says who may.`;
  } else if (!warehouse.pickingTypeId) errors.warehouseId = `${warehouse.name} has no receipt operation type in Odoo.`;

  // product: exists, purchasable, has a vendor for the warehouse's company
  const productId = positiveId(form.productId);
  const product: ProductInfo | null = productId === null ? null : await readProduct(odoo, productId);
  if (productId === null) errors.productId = 'Pick a product (type part of its name or code).';
  else if (!product) errors.productId = 'That product does not exist in Odoo (or was archived); search again.';
  else if (!product.purchaseOk) errors.productId = `${product.name} cannot be purchased (Odoo: "Can be Purchased" is off).`;

  let vendor: { id: number; name: string } | null = null;
  let price = 0;
  const companyId = warehouse?.company?.id ?? null;
  if (product && product.purchaseOk) {
    const sellers = (await readSellers(odoo, product.sellerIds)).filter((s) => s.vendor && (s.companyId === null || companyId === null || s.companyId === companyId));
    const chosenVendorId = positiveId(form.vendorId);
    if (chosenVendorId !== null) {
      const name = await readPartnerName(odoo, chosenVendorId);
      if (!name) errors.vendorId = 'That vendor does not exist in Odoo; search again.';
      else {
        vendor = { id: chosenVendorId, name };
        price = sellers.find((s) => s.vendor?.id === chosenVendorId)?.price ?? 0;
      }
    } else if (sellers.length === 0) {
      errors.productId = `${product.name} has no vendor${companyId ? ' for this warehouse\'s company' : ''} in Odoo (Purchase tab, Vendors); pick a vendor or ask a buyer to add one.`;
    } else {
      vendor = sellers[0]!.vendor;
      price = sellers[0]!.price;
    }
  }

  // unit: the product's own or purchase unit, or one Odoo converts to it (same category, 17/18)
  let uom: { id: number; name: string } | null = product?.purchaseUom ?? null;
  const uomId = positiveId(form.uomId);
  if (product && uomId !== null && uomId !== product.uom?.id && uomId !== product.purchaseUom?.id) {
    const [chosen, own] = await Promise.all([readUnit(odoo, uomId), product.uom ? readUnit(odoo, product.uom.id) : null]);
    if (!chosen) errors.uomId = 'That unit does not exist in Odoo.';
    else if (chosen.categoryId === null || own?.categoryId !== chosen.categoryId) errors.uomId = `${product.name} is bought in ${product.purchaseUom?.name ?? 'its own unit'}; Odoo cannot convert ${chosen.name} to it.`;
    else uom = { id: chosen.id, name: chosen.name };
  } else if (product && uomId !== null) {
    uom = uomId === product.uom?.id ? product.uom : product.purchaseUom;
  }
  if (product && !uom) errors.uomId = `${product.name} has no unit of measure in Odoo.`;

  // the policy: mandatory fields for this company / warehouse / category, and the justification
  if (product && warehouse) {
    const required = requiredFields(settings, { company: warehouse.company?.name ?? null, warehouse, category: product.category?.name ?? null });
    const given: Record<OptionalField, boolean> = { reason: reason !== null, vendor: positiveId(form.vendorId) !== null, attachment: attachment !== null };
    for (const [field, why] of required) {
      if (given[field]) continue;
      const key: RequestField = field === 'vendor' ? 'vendorId' : field;
      errors[key] ??= `Required ${why} (policy requests: section).`;
    }
    const amount = Number.isFinite(quantity) ? quantity * price : 0;
    const over = settings.maxQuantity !== null && quantity > settings.maxQuantity ? `more than ${settings.maxQuantity} units` : settings.maxAmount !== null && amount > settings.maxAmount ? `more than ${settings.maxAmount.toLocaleString('en-US')} (${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })})` : null;
    if (over && (reason ?? '').length < JUSTIFICATION_MIN_LENGTH) errors.reason ??= `This request is for ${over}: justify it in the reason (at least ${JUSTIFICATION_MIN_LENGTH} characters).`;
  }

  if (Object.keys(errors).length > 0 || !product || !warehouse || !vendor || !uom || !warehouse.pickingTypeId || !warehouse.company) {
    return { ok: false, errors: Object.keys(errors).length ? errors : { productId: 'The request is incomplete.' } };
  }
  // The buyer of the category (policy), else the product's Responsible in Odoo (Inventory tab).
  const categoryName = (product.category?.name ?? '').toLowerCase();
  const buyerLogin = settings.buyers.get(categoryName) ?? settings.buyers.get(categoryName.split(' / ').pop() ?? '') ?? (product.responsible ? await userLogin(odoo, product.responsible.id) : null);
  return {
    ok: true,
    request: {
      product: { id: product.id, name: product.name, code: product.code, category: product.category },
      quantity,
      uom,
      warehouse: { id: warehouse.id, name: warehouse.name, code: warehouse.code, companyId: warehouse.company.id, pickingTypeId: warehouse.pickingTypeId },
      neededBy,
      reason,
      vendor,
      price,
      attachment,
      buyerLogin,
    },
  };
}

/** The optional fields the policy makes mandatory here, each with the scope that says so. */
function requiredFields(settings: RequestsSettings, at: { company: string | null; warehouse: WarehouseInfo; category: string | null }): Array<[OptionalField, string]> {
  const same = (a: string | null | undefined, b: string | undefined) => a !== null && a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  const category = at.category ?? '';
  const out = new Map<OptionalField, string>();
  for (const rule of settings.required) {
    const why = rule.company ? `for ${rule.company}` : rule.warehouse ? `for ${at.warehouse.name}` : rule.category ? `for ${rule.category}` : 'for every request';
    const applies =
      (!rule.company && !rule.warehouse && !rule.category) ||
      same(at.company, rule.company) ||
      same(at.warehouse.code, rule.warehouse) || same(at.warehouse.name, rule.warehouse) ||
      same(category, rule.category) || same(category.split(' / ').pop() ?? null, rule.category);
    if (applies) for (const f of rule.fields) if (!out.has(f)) out.set(f, why);
  }
  return [...out];
}
