/**
 * Northgate Supply Group: the US company (USD, two-step approval at 5,000) with three distribution
 * centres, and its European arm (EUR, one-step, 21 % Dutch input VAT) with the Rotterdam warehouse
 * the supplier emails ship to. The base company and warehouse are reused, not duplicated.
 */
import type { CompanyInfo, CompanyKey, SeedContext, WarehouseInfo } from './seed-context.ts';
import { pushIfStored, rowOf, stamp, tryRef } from './seed-context.ts';

export const TWO_STEP_THRESHOLD = 5000;

interface WarehouseSpec {
  key: WarehouseInfo['key'];
  name: string;
  code: string;
  company: CompanyKey;
  street: string;
  city: string;
  zip: string;
}

/** Joliet reuses stock.warehouse0 (keeping its code WH so the base receipts and WH/Stock stay valid). */
export const WAREHOUSES: readonly WarehouseSpec[] = [
  { key: 'north', name: 'Joliet DC', code: 'WH', company: 'us', street: '2400 Channahon Rd', city: 'Joliet', zip: '60436' },
  { key: 'south', name: 'Atlanta DC', code: 'ATL', company: 'us', street: '1150 Fulton Industrial Blvd', city: 'Atlanta', zip: '30336' },
  { key: 'west', name: 'Reno DC', code: 'RNO', company: 'us', street: '9455 Double R Blvd', city: 'Reno', zip: '89521' },
  { key: 'eu', name: 'Rotterdam Waalhaven', code: 'RTM', company: 'eu', street: 'Waalhaven Z.z. 44', city: 'Rotterdam', zip: '3089 JH' },
];

function companyPartner(ctx: SeedContext, name: string, email: string, city: string, companyId: number | false): number {
  return ctx.store.insert('res.partner', {
    name,
    complete_name: name,
    is_company: true,
    email,
    email_normalized: email,
    city,
    company_id: companyId,
    active: true,
    type: 'contact',
    parent_id: false,
    child_ids: [],
    user_ids: [],
    supplier_rank: 0,
    customer_rank: 0,
    lang: 'en_US',
    ...stamp(ctx.adminUid, ctx.nowStr),
  });
}

function accounting(ctx: SeedContext, companyId: number, currency: 'USD' | 'EUR', taxRate: number) {
  const { store } = ctx;
  const account = (code: string, name: string, accountType: string) =>
    store.insert('account.account', {
      code,
      name,
      account_type: accountType,
      company_ids: [companyId],
      reconcile: accountType === 'liability_payable',
      active: true,
      ...stamp(ctx.adminUid, ctx.nowStr),
    });
  const expenseAccountId = account('500000', 'Cost of Goods Purchased', 'expense_direct_cost');
  const payableAccountId = account('211000', 'Account Payable', 'liability_payable');
  const taxAccountId = account('131000', currency === 'EUR' ? 'Te vorderen BTW' : 'Tax Paid', 'asset_current');
  const journalId = store.insert('account.journal', {
    name: 'Vendor Bills',
    code: 'BILL',
    type: 'purchase',
    company_id: companyId,
    currency_id: false,
    default_account_id: expenseAccountId,
    active: true,
    ...stamp(ctx.adminUid, ctx.nowStr),
  });
  const taxId =
    taxRate > 0
      ? store.insert('account.tax', {
          name: `${taxRate}% BTW`,
          description: `${taxRate}%`,
          amount: taxRate,
          amount_type: 'percent',
          type_tax_use: 'purchase',
          price_include: false,
          company_id: companyId,
          active: true,
          ...stamp(ctx.adminUid, ctx.nowStr),
        })
      : (false as const);
  return { expenseAccountId, payableAccountId, taxAccountId, journalId, taxId };
}

export function seedCompanies(ctx: SeedContext): Record<CompanyKey, CompanyInfo> {
  const { store } = ctx;
  const usId = store.ref('base.main_company');
  const usd = store.ref('base.USD');
  const eur = store.ref('base.EUR');
  const usRow = rowOf(store, 'res.company', usId);
  const usName = 'Northgate Supply Group';
  Object.assign(usRow, {
    name: usName,
    currency_id: usd,
    po_double_validation: 'two_step',
    po_double_validation_amount: TWO_STEP_THRESHOLD,
    po_lock: 'edit',
    email: 'purchasing@northgate-supply.example',
    phone: '+1 815-555-0100',
    write_date: ctx.nowStr,
  });
  const usPartnerId = typeof usRow.partner_id === 'number' ? usRow.partner_id : companyPartner(ctx, usName, 'purchasing@northgate-supply.example', 'Joliet', usId);
  Object.assign(rowOf(store, 'res.partner', usPartnerId), {
    name: usName,
    complete_name: usName,
    email: 'purchasing@northgate-supply.example',
    street: '2400 Channahon Rd',
    city: 'Joliet',
    zip: '60436',
  });
  usRow.partner_id = usPartnerId;
  // Contacts of the company partner (the admin's) show the company in their display name.
  for (const p of store.table('res.partner').values()) {
    if (p.parent_id === usPartnerId && typeof p.name === 'string') p.complete_name = `${usName}, ${p.name}`;
  }

  const euName = 'Northgate Supply Europe B.V.';
  const euPartnerId = companyPartner(ctx, euName, 'inkoop@northgate-supply.example', 'Rotterdam', false);
  const euId = store.insert('res.company', {
    name: euName,
    partner_id: euPartnerId,
    currency_id: eur,
    po_double_validation: 'one_step',
    po_double_validation_amount: TWO_STEP_THRESHOLD,
    po_lock: 'edit',
    po_lead: 0,
    email: 'inkoop@northgate-supply.example',
    phone: '+31 10 555 0140',
    parent_id: false,
    child_ids: [],
    user_ids: [],
    active: true,
    sequence: 20,
    ...stamp(ctx.adminUid, ctx.nowStr),
  });
  rowOf(store, 'res.partner', euPartnerId).company_id = euId;

  const usAcc = accounting(ctx, usId, 'USD', 0);
  const euAcc = accounting(ctx, euId, 'EUR', 21);
  return {
    us: { key: 'us', id: usId, name: usName, partnerId: usPartnerId, currencyId: usd, currency: 'USD', twoStep: true, threshold: TWO_STEP_THRESHOLD, taxRate: 0, ...usAcc },
    eu: { key: 'eu', id: euId, name: euName, partnerId: euPartnerId, currencyId: eur, currency: 'EUR', twoStep: false, threshold: TWO_STEP_THRESHOLD, taxRate: 21, ...euAcc },
  };
}

export function seedWarehouses(ctx: SeedContext): WarehouseInfo[] {
  const { store } = ctx;
  const supplierLocationId = store.ref('stock.stock_location_suppliers');
  const physicalParent = tryRef(store, 'stock.stock_location_locations') ?? false;
  const out: WarehouseInfo[] = [];
  for (const spec of WAREHOUSES) {
    const company = ctx.companies[spec.company];
    const addressId = store.insert('res.partner', {
      name: `${company.name}, ${spec.name}`,
      complete_name: `${company.name}, ${spec.name}`,
      is_company: false,
      type: 'delivery',
      parent_id: company.partnerId,
      street: spec.street,
      city: spec.city,
      zip: spec.zip,
      company_id: company.id,
      active: true,
      child_ids: [],
      user_ids: [],
      ...stamp(ctx.adminUid, ctx.nowStr),
    });
    pushIfStored(rowOf(store, 'res.partner', company.partnerId), 'child_ids', addressId);
    if (spec.key === 'north') {
      const id = store.ref('stock.warehouse0');
      const row = rowOf(store, 'stock.warehouse', id);
      Object.assign(row, { name: spec.name, partner_id: addressId, company_id: company.id, write_date: ctx.nowStr });
      const pickingTypeId = store.ref('stock.picking_type_in');
      out.push({
        key: spec.key,
        id,
        code: typeof row.code === 'string' ? row.code : spec.code,
        name: spec.name,
        company,
        pickingTypeId,
        stockLocationId: store.ref('stock.stock_location_stock'),
        supplierLocationId,
        nextReceipt: 1,
      });
      continue;
    }
    const stamped = stamp(ctx.adminUid, ctx.nowStr);
    const viewId = store.insert('stock.location', {
      name: spec.code, complete_name: spec.code, usage: 'view', location_id: physicalParent,
      company_id: company.id, active: true, ...stamped,
    });
    const stockId = store.insert('stock.location', {
      name: 'Stock', complete_name: `${spec.code}/Stock`, usage: 'internal', location_id: viewId,
      company_id: company.id, active: true, ...stamped,
    });
    const id = store.insert('stock.warehouse', {
      name: spec.name, code: spec.code, company_id: company.id, partner_id: addressId, active: true,
      view_location_id: viewId, lot_stock_id: stockId, reception_steps: 'one_step', delivery_steps: 'ship_only',
      sequence: out.length * 10, in_type_id: false, ...stamped,
    });
    const pickingTypeId = store.insert('stock.picking.type', {
      name: 'Receipts', code: 'incoming', sequence_code: 'IN', sequence_id: false, sequence: 1,
      warehouse_id: id, company_id: company.id, default_location_src_id: supplierLocationId,
      default_location_dest_id: stockId, active: true, create_backorder: 'ask', move_type: 'direct',
      reservation_method: 'at_confirm', use_create_lots: true, use_existing_lots: true, show_operations: false,
      return_picking_type_id: false, color: 0, ...stamped,
    });
    Object.assign(rowOf(store, 'stock.warehouse', id), { in_type_id: pickingTypeId });
    Object.assign(rowOf(store, 'stock.location', viewId), { warehouse_id: id });
    Object.assign(rowOf(store, 'stock.location', stockId), { warehouse_id: id });
    out.push({
      key: spec.key, id, code: spec.code, name: spec.name, company, pickingTypeId, stockLocationId: stockId,
      supplierLocationId, nextReceipt: 1,
    });
  }
  return out;
}
