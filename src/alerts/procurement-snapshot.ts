/**
 * The records one detection run looks at, and the lookups the detectors share, built once per run
 * so that no detector searches an array inside a loop.
 */
import type {
  Company,
  PurchaseOrder,
  PurchaseOrderLine,
  Receipt,
  VendorBill,
  VendorBillLine,
  Warehouse,
} from '../domain/odoo-records.ts';

/**
 * Arrays of typed records, as a scan reads them. A scan that checks bills should also read the PO
 * lines and orders they point at, and every bill line of those PO lines (cumulative billing).
 */
export interface ProcurementSnapshot {
  purchaseOrders?: readonly PurchaseOrder[];
  purchaseOrderLines?: readonly PurchaseOrderLine[];
  receipts?: readonly Receipt[];
  vendorBills?: readonly VendorBill[];
  vendorBillLines?: readonly VendorBillLine[];
  companies?: readonly Company[];
  warehouses?: readonly Warehouse[];
  /** PO id -> when its approval was requested (from the approval store); else the PO's write_date is used. */
  approvalWaitingSince?: ReadonlyMap<number, Date>;
}

/** The snapshot with its lookups. */
export interface IndexedSnapshot {
  purchaseOrders: readonly PurchaseOrder[];
  purchaseOrderLines: readonly PurchaseOrderLine[];
  receipts: readonly Receipt[];
  vendorBills: readonly VendorBill[];
  vendorBillLines: readonly VendorBillLine[];
  approvalWaitingSince: ReadonlyMap<number, Date>;
  orderById: ReadonlyMap<number, PurchaseOrder>;
  /** By PO name (`invoice_origin` of a bill names it). */
  orderByName: ReadonlyMap<string, PurchaseOrder>;
  orderLineById: ReadonlyMap<number, PurchaseOrderLine>;
  orderLinesByOrder: ReadonlyMap<number, readonly PurchaseOrderLine[]>;
  billById: ReadonlyMap<number, VendorBill>;
  billLinesByBill: ReadonlyMap<number, readonly VendorBillLine[]>;
  billLinesByOrderLine: ReadonlyMap<number, readonly VendorBillLine[]>;
  warehouseById: ReadonlyMap<number, Warehouse>;
  companyById: ReadonlyMap<number, Company>;
  /** Currency code -> the company using it, only where exactly one company does (bills carry no company). */
  companyByCurrency: ReadonlyMap<string, Company>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number | null): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Indexes a snapshot in one pass per record kind. An already indexed snapshot is returned as is. */
export function indexSnapshot(s: ProcurementSnapshot | IndexedSnapshot): IndexedSnapshot {
  if ('orderById' in s) return s;
  const purchaseOrders = s.purchaseOrders ?? [];
  const purchaseOrderLines = s.purchaseOrderLines ?? [];
  const vendorBills = s.vendorBills ?? [];
  const vendorBillLines = s.vendorBillLines ?? [];
  const companies = s.companies ?? [];
  const currencyUsers = groupBy(companies, (c) => c.currency?.id ?? null);
  const companyByCurrency = new Map<string, Company>();
  for (const list of currencyUsers.values()) {
    const only = list.length === 1 ? list[0] : undefined;
    if (only?.currency) companyByCurrency.set(only.currency.name, only);
  }
  return {
    purchaseOrders,
    purchaseOrderLines,
    receipts: s.receipts ?? [],
    vendorBills,
    vendorBillLines,
    approvalWaitingSince: s.approvalWaitingSince ?? new Map(),
    orderById: new Map(purchaseOrders.map((o) => [o.id, o])),
    orderByName: new Map(purchaseOrders.map((o) => [o.name, o])),
    orderLineById: new Map(purchaseOrderLines.map((l) => [l.id, l])),
    orderLinesByOrder: groupBy(purchaseOrderLines, (l) => l.order.id),
    billById: new Map(vendorBills.map((b) => [b.id, b])),
    billLinesByBill: groupBy(vendorBillLines, (l) => l.bill.id),
    billLinesByOrderLine: groupBy(vendorBillLines, (l) => l.purchaseLine?.id ?? null),
    warehouseById: new Map((s.warehouses ?? []).map((w) => [w.id, w])),
    companyById: new Map(companies.map((c) => [c.id, c])),
    companyByCurrency,
  };
}
