import { CodedError } from '../errors/coded-error.ts';
import type { Company, PurchaseOrder, PurchaseOrderLine, Ref, Warehouse } from '../domain/odoo-records.ts';

/** A warehouse as rules match it: by id, name, or code (`WH`, `ATL`) when known. */
export interface SubjectWarehouse {
  id: number;
  name: string;
  code: string | null;
}

/** What the approval policy looks at in a purchase order, gathered from its Odoo records. */
export interface ApprovalSubject {
  orderId: number;
  /** e.g. `P00042`, for messages. */
  orderName: string;
  company: Ref;
  /** The company currency code (`USD`), in which amounts and limits are compared. */
  currency: string | null;
  /** amount_total in the company currency. */
  amount: number;
  vendor: Ref | null;
  /** The distinct product categories of the order's product lines. */
  categories: readonly Ref[];
  /** Where the goods go: the PO's picking type warehouse, or its receipts' warehouses. */
  warehouses: readonly SubjectWarehouse[];
  /** `user_id`: never approves under segregation of duties. */
  buyerId: number | null;
  /** `create_uid`: never approves under segregation of duties. */
  creatorId: number | null;
}

export interface ApprovalSubjectInput {
  order: PurchaseOrder;
  lines: readonly PurchaseOrderLine[];
  company: Company;
  /**
   * More warehouses to match on besides the order's own (`picking_type_id.warehouse_id`): the
   * Warehouse records, to match by code too, or the receipts' warehouses once there are some.
   */
  warehouses?: readonly (Warehouse | Ref)[];
  /** amount_total converted to the company currency; required when the PO is in another currency. */
  amountInCompanyCurrency?: number;
}

function codeOf(w: Warehouse | Ref): string | null {
  return 'code' in w && typeof w.code === 'string' ? w.code : null;
}

/** Builds the subject of the policy from a PO, its lines, its company and its warehouse. */
export function approvalSubjectFrom(input: ApprovalSubjectInput): ApprovalSubject {
  const { order, company } = input;
  const foreign = order.currency !== null && company.currency !== null && order.currency.id !== company.currency.id;
  if (foreign && input.amountInCompanyCurrency === undefined) {
    // Limits and bands are in company currency; comparing 10,000 JPY with 5,000 USD would be wrong.
    throw new CodedError(
      'currency_conversion_required',
      `${order.name} is in ${order.currency?.name} but ${company.name} keeps its books in ${company.currency?.name}: pass amountInCompanyCurrency`,
      false,
    );
  }
  const categories = new Map<number, Ref>();
  for (const line of input.lines) {
    if (line.displayType === null && line.productCategory) categories.set(line.productCategory.id, line.productCategory);
  }
  const warehouses = new Map<number, SubjectWarehouse>();
  for (const w of [...(order.warehouse ? [order.warehouse] : []), ...(input.warehouses ?? [])]) {
    // A bare Ref (from a receipt) has no code: keep the code a Warehouse record gave for the same id.
    const code = codeOf(w) ?? warehouses.get(w.id)?.code ?? null;
    warehouses.set(w.id, { id: w.id, name: w.name, code });
  }
  return {
    orderId: order.id,
    orderName: order.name,
    company: { id: company.id, name: company.name },
    currency: company.currency?.name ?? order.currency?.name ?? null,
    amount: input.amountInCompanyCurrency ?? order.amountTotal,
    vendor: order.partner,
    categories: [...categories.values()],
    warehouses: [...warehouses.values()],
    buyerId: order.buyer?.id ?? null,
    creatorId: order.createdBy?.id ?? null,
  };
}
