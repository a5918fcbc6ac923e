import type { PurchaseOrder } from '../../domain/odoo-records.ts';
import { dayOf } from '../dates/calendar-day.ts';
import type { OrderFacts } from './triage-proposal.ts';

/** The PO as the triage card and write-back need it. */
export function orderFactsOf(o: PurchaseOrder): OrderFacts {
  return {
    id: o.id,
    name: o.name,
    state: o.state,
    vendorName: o.partner?.name ?? null,
    buyerId: o.buyer?.id ?? null,
    buyerName: o.buyer?.name ?? null,
    companyId: o.company?.id ?? null,
    warehouseId: o.warehouse?.id ?? null,
    warehouseName: o.warehouse?.name ?? null,
    datePlanned: o.datePlanned ? dayOf(o.datePlanned) : null,
  };
}
