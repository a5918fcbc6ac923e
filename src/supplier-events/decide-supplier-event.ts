/**
 * What happens to a matched supplier event, per the policy: written to Odoo at once, or shown to
 * a person as a confirmation card (the category it would have as a supplier email's reading).
 */
import { daysBetween, dayOf } from '../triage/dates/calendar-day.ts';
import type { EmailCategory } from '../triage/email-reading.ts';
import type { MatchedSupplierEvent } from './match-supplier-event.ts';
import type { SupplierEventSettings } from './supplier-events-section.ts';

export type SupplierEventRoute = { route: 'write' } | { route: 'confirm'; category: EmailCategory; why: string };

/** The new date each line would get (YYYY-MM-DD), by line id. */
export function plannedDates(m: MatchedSupplierEvent): Map<number, string> {
  const out = new Map<number, string>();
  const e = m.event;
  for (const { line, values } of m.lines) {
    const day = e.type === 'order.acknowledged' ? ((values.confirmed_date as string | undefined) ?? e.confirmed_date)
      : e.type === 'eta.changed' || e.type === 'shipment.notice' ? e.eta : undefined;
    if (day && line.qtyReceived < line.quantity) out.set(line.id, day);
  }
  return out;
}

/** The largest slip in days of a new date against the line's planned date (0 when none moves later). */
export function slipDays(m: MatchedSupplierEvent): number {
  const dates = plannedDates(m);
  let slip = 0;
  for (const { line } of m.lines) {
    const day = dates.get(line.id);
    if (day && line.datePlanned) slip = Math.max(slip, daysBetween(dayOf(line.datePlanned), day));
  }
  return slip;
}

export function decideSupplierEvent(m: MatchedSupplierEvent, settings: SupplierEventSettings): SupplierEventRoute {
  const e = m.event;
  if (e.type === 'line.cancelled') return { route: 'confirm', category: 'cancellation', why: 'a cancelled line always waits for the buyer' };
  const slip = slipDays(m);
  if (slip > settings.confirmEtaSlipDays) return { route: 'confirm', category: 'delay', why: `the new date is ${slip} days later than planned (more than ${settings.confirmEtaSlipDays})` };
  if (e.type === 'order.acknowledged' && m.lines.some(({ line, values }) => typeof values.confirmed_qty === 'number' && values.confirmed_qty < line.quantity)) {
    return { route: 'confirm', category: 'partial_shipment', why: 'the vendor confirmed less than was ordered' };
  }
  if (!settings.writeDirectly.has(e.type)) {
    return { route: 'confirm', category: e.type === 'order.acknowledged' ? 'confirmation' : e.type === 'eta.changed' ? 'delay' : 'partial_shipment', why: `the policy does not write ${e.type} directly` };
  }
  return { route: 'write' };
}
