/**
 * Requests no buyer acted on within `buyer_action_hours`, as procurement exceptions: the alerts
 * lifecycle (src/alerts) posts them to the routed channel with an owner (the buyer), updates them
 * in place, escalates them like the others, and clears them once a buyer acts (the next run no
 * longer finds them). One exception per request, keyed on its RFQ line.
 */
import { makeException, type ProcurementException } from '../alerts/exception.ts';
import { keysOfTypes, type KeyInScope } from '../alerts/clear-exceptions.ts';
import type { BusinessCalendar } from '../time/business-calendar.ts';
import { businessHoursBetween } from '../time/business-hours-between.ts';
import type { PurchaseRequest } from './purchase-request.ts';
import { formatQuantity } from './request-card-view.ts';

export const REQUEST_EXCEPTION_SCOPE: KeyInScope = keysOfTypes(['request-unanswered']);

export function requestException(r: PurchaseRequest, buyerOdooUserId: number | null, calendar: BusinessCalendar, now: Date): ProcurementException | null {
  if (!r.order || r.state !== 'requested') return null;
  const q = r.request;
  const hours = Math.floor(businessHoursBetween(new Date(r.createdAt), now, calendar));
  return makeException('request-unanswered', {
    severity: 'warning',
    severityRule: `warning: no buyer action after ${hours} business hours`,
    owner: { kind: 'buyer', odooUserId: buyerOdooUserId },
    title: `Purchase request ${r.ref} (${formatQuantity(q.quantity)} ${q.uom.name} ${q.product.name} for ${q.warehouse.code}) waits for a buyer`,
    facts: {
      requestRef: r.ref, requester: r.requester.name, product: q.product.name, quantity: `${formatQuantity(q.quantity)} ${q.uom.name}`, neededBy: q.neededBy,
      poName: r.order.name, vendorName: q.vendor.name, warehouseName: q.warehouse.name, since: r.createdAt, businessHoursWaiting: hours, timeZone: calendar.timeZone,
    },
    records: {
      subject: { model: 'purchase.order.line', id: r.order.lineId, name: r.ref },
      purchaseOrder: { model: 'purchase.order', id: r.order.id, name: r.order.name },
      company: { model: 'res.company', id: q.warehouse.companyId, name: null },
      warehouse: { model: 'stock.warehouse', id: q.warehouse.id, name: q.warehouse.name },
      vendor: { model: 'res.partner', id: q.vendor.id, name: q.vendor.name },
      buyer: buyerOdooUserId ? { model: 'res.users', id: buyerOdooUserId, name: q.buyerLogin } : null,
      related: [],
    },
    material: { request: r.id, state: r.state },
    shown: { order: r.order.name },
    now,
  });
}
