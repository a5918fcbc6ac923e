import type { z } from 'zod';
import type { OdooRecordKind, OdooRecordKinds, Ref } from '../../src/domain/odoo-records.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import type { OdooDomain } from '../../src/ports/odoo-gateway.ts';
import { VENDOR_BILL_FIELDS, VENDOR_BILL_LINE_FIELDS, vendorBillLineSchema, vendorBillSchema } from './schemas/account-move.ts';
import { ACTIVITY_TYPE_FIELDS, PO_MESSAGE_FIELDS, activityTypeSchema, poMessageSchema } from './schemas/mail-models.ts';
import {
  PRODUCT_CATEGORY_FIELDS,
  PURCHASE_ORDER_FIELDS,
  PURCHASE_ORDER_LINE_FIELDS,
  PURCHASE_ORDER_OPTIONAL_FIELDS,
  productCategorySchema,
  purchaseOrderLineSchema,
  purchaseOrderSchema,
} from './schemas/purchase-order.ts';
import { COMPANY_FIELDS, PARTNER_FIELDS, USER_FIELDS, companySchema, partnerSchema, userSchema } from './schemas/res-models.ts';
import {
  PICKING_TYPE_FIELDS,
  RECEIPT_FIELDS,
  WAREHOUSE_FIELDS,
  pickingTypeSchema,
  receiptSchema,
  warehouseSchema,
} from './schemas/stock-picking.ts';

/** What a spec may ask the gateway for while finishing records: batched related reads, xmlids. */
export interface SpecLookups {
  readRaw(model: string, ids: readonly number[], fields: readonly string[]): Promise<unknown[]>;
  refId(xmlid: string): Promise<number>;
}

/** How one kind of record is read: model, fields, scope, and the raw -> domain mapping. */
export interface RecordSpec<T> {
  model: string;
  fields: readonly string[];
  /** Asked only where the database has them (fields_get, once per gateway). */
  optionalFields: readonly string[];
  /** Always ANDed to searches: what makes a stock.picking a receipt. */
  scope: OdooDomain;
  load(raw: readonly unknown[], lookups: SpecLookups): Promise<T[]>;
}

/** Validates raw records one by one, naming the model, record and field that did not fit. */
export function parseRecords<P>(model: string, schema: z.ZodType<P>, raw: readonly unknown[]): P[] {
  return raw.map((r) => {
    const result = schema.safeParse(r);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = issue?.path.length ? String(issue.path[0]) : undefined;
    const recordId = typeof (r as { id?: unknown })?.id === 'number' ? (r as { id: number }).id : undefined;
    throw new OdooError(
      'odoo_invalid_response',
      `Odoo sent ${model} ${recordId ?? '?'} with an unexpected ${field ?? 'shape'}: ${issue?.message ?? 'invalid'}`,
      { model, field, recordId, cause: result.error },
    );
  });
}

function simple<T>(model: string, fields: readonly string[], schema: z.ZodType<T>, scope: OdooDomain = []): RecordSpec<T> {
  return { model, fields, optionalFields: [], scope, load: async (raw) => parseRecords(model, schema, raw) };
}

/** Reads `field` of the distinct related ids in ONE call, as an id -> Ref map. */
async function relatedRefs(
  lookups: SpecLookups,
  model: string,
  ids: Iterable<number>,
  fields: readonly [string],
  schema: z.ZodType<{ id: number } & Record<string, unknown>>,
): Promise<Map<number, Ref | null>> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map();
  const rows = parseRecords(model, schema, await lookups.readRaw(model, distinct, fields));
  return new Map(rows.map((r) => [r.id, (r[fields[0]] as Ref | null) ?? null]));
}

const purchaseOrder: RecordSpec<OdooRecordKinds['purchaseOrder']> = {
  model: 'purchase.order',
  fields: PURCHASE_ORDER_FIELDS,
  optionalFields: PURCHASE_ORDER_OPTIONAL_FIELDS,
  scope: [],
  async load(raw, lookups) {
    const orders = parseRecords('purchase.order', purchaseOrderSchema, raw);
    const typeIds = orders.flatMap((o) => (o.pickingType ? [o.pickingType.id] : []));
    const warehouses = await relatedRefs(lookups, 'stock.picking.type', typeIds, PICKING_TYPE_FIELDS, pickingTypeSchema);
    return orders.map((o) => ({ ...o, warehouse: o.pickingType ? (warehouses.get(o.pickingType.id) ?? null) : null }));
  },
};

const purchaseOrderLine: RecordSpec<OdooRecordKinds['purchaseOrderLine']> = {
  model: 'purchase.order.line',
  fields: PURCHASE_ORDER_LINE_FIELDS,
  optionalFields: [],
  scope: [],
  async load(raw, lookups) {
    const lines = parseRecords('purchase.order.line', purchaseOrderLineSchema, raw);
    const productIds = lines.flatMap((l) => (l.product ? [l.product.id] : []));
    const categories = await relatedRefs(lookups, 'product.product', productIds, PRODUCT_CATEGORY_FIELDS, productCategorySchema);
    return lines.map((l) => ({ ...l, productCategory: l.product ? (categories.get(l.product.id) ?? null) : null }));
  },
};

const receipt: RecordSpec<OdooRecordKinds['receipt']> = {
  model: 'stock.picking',
  fields: RECEIPT_FIELDS,
  optionalFields: [],
  scope: [['picking_type_code', '=', 'incoming']],
  async load(raw, lookups) {
    const pickings = parseRecords('stock.picking', receiptSchema, raw);
    const typeIds = pickings.flatMap((p) => (p.pickingType ? [p.pickingType.id] : []));
    const warehouses = await relatedRefs(lookups, 'stock.picking.type', typeIds, PICKING_TYPE_FIELDS, pickingTypeSchema);
    return pickings.map((p) => ({ ...p, warehouse: p.pickingType ? (warehouses.get(p.pickingType.id) ?? null) : null }));
  },
};

const user: RecordSpec<OdooRecordKinds['user']> = {
  model: 'res.users',
  fields: USER_FIELDS,
  optionalFields: [],
  scope: [],
  async load(raw, lookups) {
    const users = parseRecords('res.users', userSchema, raw);
    if (users.length === 0) return [];
    const [manager, purchaser] = await Promise.all([
      lookups.refId('purchase.group_purchase_manager'),
      lookups.refId('purchase.group_purchase_user'),
    ]);
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      login: u.login,
      email: u.email,
      partner: u.partner_id,
      company: u.company_id,
      companyIds: u.company_ids,
      active: u.active,
      share: u.share,
      // groups_id holds implied groups too (17.0/18.0), so a manager is also a purchase user
      isPurchaseUser: u.groups_id.includes(purchaser) || u.groups_id.includes(manager),
      isPurchaseManager: u.groups_id.includes(manager),
    }));
  },
};

export const RECORD_SPECS: { [K in OdooRecordKind]: RecordSpec<OdooRecordKinds[K]> } = {
  purchaseOrder,
  purchaseOrderLine,
  receipt,
  vendorBill: simple('account.move', VENDOR_BILL_FIELDS, vendorBillSchema, [['move_type', '=', 'in_invoice']]),
  // Filter by bill (`move_id in [...]`) to stay on vendor bills: customer invoices have product lines too.
  vendorBillLine: simple('account.move.line', VENDOR_BILL_LINE_FIELDS, vendorBillLineSchema, [['display_type', '=', 'product']]),
  partner: simple('res.partner', PARTNER_FIELDS, partnerSchema),
  user,
  company: simple('res.company', COMPANY_FIELDS, companySchema),
  warehouse: simple('stock.warehouse', WAREHOUSE_FIELDS, warehouseSchema),
  poMessage: simple('mail.message', PO_MESSAGE_FIELDS, poMessageSchema, [['model', '=', 'purchase.order']]),
  activityType: simple('mail.activity.type', ACTIVITY_TYPE_FIELDS, activityTypeSchema),
};
