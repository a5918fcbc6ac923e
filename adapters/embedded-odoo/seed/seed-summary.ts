/**
 * What the seed tells its callers: row counts per model and state, the demo identities and the
 * ids of the interesting records, so tests and the demo never hard-code ids.
 */
import type { OdooStore } from '../store.ts';
import type { CompanyKey, Role, WarehouseInfo } from './seed-context.ts';

export interface PoPointer {
  id: number;
  name: string;
  amountTotal: number;
  currency: 'USD' | 'EUR';
  buyerLogin: string;
}

export interface SeedIdentity {
  role: Role | 'admin';
  name: string;
  login: string;
  email: string;
  /** The local part of the login, except admin/admin. */
  password: string;
  userId: number;
  partnerId: number;
  companyIds: number[];
  title: string;
  demo: boolean;
  approvalLimit?: number | null;
  currency?: 'USD' | 'EUR';
  warehouseId?: number;
}

export interface SeedSummary {
  seed: number;
  scale: number;
  /** The `now` the relative dates were computed from ('YYYY-MM-DD HH:MM:SS' UTC). */
  now: string;
  /** Rows per model, after seeding (base database included). */
  counts: Record<string, number>;
  /** Rows per value of `state` for the models that have one (payment_state for bills). */
  states: Record<string, Record<string, number>>;
  companies: Array<{ key: CompanyKey; id: number; name: string; currency: 'USD' | 'EUR'; poDoubleValidation: 'one_step' | 'two_step'; threshold: number }>;
  warehouses: Array<{ key: WarehouseInfo['key']; id: number; name: string; code: string; companyId: number; pickingTypeId: number; stockLocationId: number; leadLogin: string | null }>;
  identities: SeedIdentity[];
  /** Logins of the demo user of each role. */
  demo: Record<Role, string>;
  /** login -> approval limit for the bot's policy file (null: unlimited). */
  approvalLimits: Record<string, { limit: number | null; currency: 'USD' | 'EUR' }>;
  interesting: {
    waitingApproval: PoPointer[];
    unconfirmed: PoPointer[];
    lateReceipts: Array<{ poId: number; poName: string; pickingId: number; pickingName: string; scheduledDate: string; warehouseId: number }>;
    partialReceipts: Array<{ poId: number; poName: string; pickingId: number; backorderId: number }>;
    priceMismatchBills: Array<{ billId: number; poId: number; poName: string; poLineId: number; poPrice: number; billPrice: number }>;
    quantityMismatchBills: Array<{ billId: number; poId: number; poName: string; received: number; billed: number }>;
    duplicateRefBills: Array<{ billIds: number[]; ref: string; vendorId: number }>;
    unreceivedBills: Array<{ billId: number; poId: number; poName: string }>;
    billsWithoutPo: number[];
    /** PO lines received over the ordered quantity on purpose (qty_received > product_qty). */
    overReceivedLineIds: number[];
    supplierEmails: Array<{ emailId: string; messageId: number; model: string; resId: number; poName: string | null }>;
  };
}

const STATE_FIELD: Record<string, string> = {
  'purchase.order': 'state',
  'purchase.order.line': 'state',
  'stock.picking': 'state',
  'stock.move': 'state',
  'account.move': 'state',
  'mail.message': 'message_type',
};

export function countRows(store: OdooStore): Pick<SeedSummary, 'counts' | 'states'> {
  const counts: Record<string, number> = {};
  for (const model of store.models().sort()) counts[model] = store.count(model);
  const states: Record<string, Record<string, number>> = {};
  for (const [model, field] of Object.entries(STATE_FIELD)) {
    const byValue: Record<string, number> = {};
    for (const row of store.table(model).values()) {
      const v = String(row[field]);
      byValue[v] = (byValue[v] ?? 0) + 1;
    }
    states[model] = byValue;
  }
  const payment: Record<string, number> = {};
  for (const row of store.table('account.move').values()) {
    const v = String(row.payment_state);
    payment[v] = (payment[v] ?? 0) + 1;
  }
  states['account.move.payment_state'] = payment;
  return { counts, states };
}
