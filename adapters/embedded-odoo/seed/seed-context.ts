/** What the seed steps share: the store, the random stream, `now` and what earlier steps created. */
import type { OdooStore, Row } from '../store.ts';
import type { Rng } from './random.ts';

export type CompanyKey = 'us' | 'eu';
export type Role = 'buyer' | 'approver' | 'warehouse' | 'finance';

export interface CompanyInfo {
  key: CompanyKey;
  id: number;
  name: string;
  partnerId: number;
  currencyId: number;
  currency: 'USD' | 'EUR';
  /** res.company.po_double_validation === 'two_step'. */
  twoStep: boolean;
  /** res.company.po_double_validation_amount, compared with amount_total in company currency. */
  threshold: number;
  /** Purchase tax applied to every PO line of the company, or false (US resale purchases are exempt). */
  taxId: number | false;
  taxRate: number;
  journalId: number;
  expenseAccountId: number;
  payableAccountId: number;
  taxAccountId: number;
}

export interface WarehouseInfo {
  key: 'north' | 'south' | 'west' | 'eu';
  id: number;
  code: string;
  name: string;
  company: CompanyInfo;
  pickingTypeId: number;
  stockLocationId: number;
  supplierLocationId: number;
  /**
   * Next number of `${code}/IN/#####`, kept here because receipts are numbered per picking type.
   * The embedded Odoo numbers new receipts from the highest existing name, so no ir.sequence is kept.
   */
  nextReceipt: number;
}

export interface UserInfo {
  id: number;
  partnerId: number;
  name: string;
  login: string;
  email: string;
  password: string;
  role: Role;
  title: string;
  companyKeys: CompanyKey[];
  /** Approvers only: the largest amount_total they may approve (null: no limit), in `currency`. */
  approvalLimit?: number | null;
  currency?: 'USD' | 'EUR';
  /** Warehouse leads only. */
  warehouseKey?: WarehouseInfo['key'];
  /** The demo identity of the role (approver@..., buyer@..., ...). */
  demo: boolean;
}

export interface VendorInfo {
  id: number;
  name: string;
  email: string;
  domain: string;
  company: CompanyKey;
  categories: string[];
  /** Days from order to planned arrival. */
  leadDays: number;
  /** Vendor invoice numbers look like `${refPrefix}${n}`. */
  refPrefix: string;
  nextRef: number;
  poCount: number;
}

export interface ProductInfo {
  id: number;
  tmplId: number;
  code: string;
  name: string;
  /** '[CODE] Name', what Odoo shows and copies into line descriptions. */
  displayName: string;
  category: string;
  categId: number;
  standardPrice: number;
  uomId: number;
}

export interface SeedContext {
  store: OdooStore;
  rng: Rng;
  now: Date;
  /** odooDatetime(now), the create/write date of seeded rows that have no better one. */
  nowStr: string;
  adminUid: number;
  adminPartnerId: number;
  uomUnitId: number;
  companies: Record<CompanyKey, CompanyInfo>;
  warehouses: WarehouseInfo[];
  users: UserInfo[];
  vendors: VendorInfo[];
  vendorByName: Map<string, VendorInfo>;
  products: ProductInfo[];
  productsByCategory: Map<string, ProductInfo[]>;
}

/** A row already in the store, to set stored-computed fields in place without a second lookup. */
export function rowOf(store: OdooStore, model: string, id: number): Row {
  const row = store.get(model, id);
  if (!row) throw new Error(`${model} ${id} does not exist`);
  return row;
}

/** Appends `id` to an x2many array of a row (creating it), so both sides of a relation stay in sync. */
export function pushId(row: Row, field: string, id: number): void {
  const current = row[field];
  if (Array.isArray(current)) {
    if (!current.includes(id)) current.push(id);
  } else {
    row[field] = [id];
  }
}

/**
 * Appends to a base record's x2many only if the base keeps it as an array: when it does not, the
 * embedded Odoo derives the one2many from the children's many2one, and creating a partial array
 * would hide the children the base did not list.
 */
export function pushIfStored(row: Row, field: string, id: number): void {
  if (Array.isArray(row[field])) pushId(row, field, id);
}

/**
 * Links two rows through a many2many. The `b` side (a base record such as a group or a company)
 * is only appended to when the base database keeps that side as an array: creating it would
 * drop the ids the base did not write there.
 */
export function linkMany2many(store: OdooStore, a: [string, number, string], b: [string, number, string]): void {
  pushId(rowOf(store, a[0], a[1]), a[2], b[1]);
  const other = rowOf(store, b[0], b[1]);
  if (Array.isArray(other[b[2]])) pushId(other, b[2], a[1]);
}

/** The external id if the base database has it, else undefined (for optional base records). */
export function tryRef(store: OdooStore, xmlid: string): number | undefined {
  try {
    return store.ref(xmlid);
  } catch {
    return undefined;
  }
}

/** Create/write metadata of a seeded row, as Odoo stores it. */
export function stamp(uid: number, createDate: string, writeDate = createDate): Record<string, number | string> {
  return { create_uid: uid, create_date: createDate, write_uid: uid, write_date: writeDate };
}
