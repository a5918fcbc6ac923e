import type { MatchedSupplierEvent } from './match-supplier-event.ts';

const lineName = (name: string) => name.split('\n')[0]!.slice(0, 80);

/** One line per matched line: what the supplier said about it. */
export function lineWords(m: MatchedSupplierEvent): string[] {
  return m.lines.map(({ line, open, values }) => {
    const parts = [
      typeof values.confirmed_date === 'string' ? `confirmed for ${values.confirmed_date}` : null,
      typeof values.confirmed_qty === 'number' ? `${values.confirmed_qty} of ${line.quantity} confirmed` : null,
      typeof values.shipped_qty === 'number' ? `${values.shipped_qty} of ${open} open shipped` : null,
      typeof values.cancelled_qty === 'number' ? `${values.cancelled_qty} cancelled` : null,
    ].filter(Boolean);
    return `${lineName(line.name)}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  });
}

/** One sentence for the card and the chatter note: what the update says, from where. */
export function summaryOf(m: MatchedSupplierEvent): string {
  const e = m.event;
  switch (e.type) {
    case 'order.acknowledged':
      return `${m.order.name} acknowledged by the vendor via ${e.source}${e.confirmed_date ? `, delivery confirmed for ${e.confirmed_date}` : ''}.`;
    case 'shipment.notice':
      return `Ship notice for ${m.order.name} via ${e.source}${e.carrier ? `: ${e.carrier}` : ''}${e.tracking ? ` ${e.tracking}` : ''}${e.eta ? `, ETA ${e.eta}` : ''}.`;
    case 'eta.changed':
      return `New ETA ${e.eta} for ${m.order.name} via ${e.source}${e.reason ? ` (${e.reason})` : ''}.`;
    case 'line.cancelled':
      return `The vendor cancelled ${m.lines.length} line${m.lines.length === 1 ? '' : 's'} of ${m.order.name} via ${e.source}${e.reason ? ` (${e.reason})` : ''}.`;
  }
}

/** The marker the chatter note carries: when it is there, the event was written. */
export const supplierEventMarker = (eventId: string) => `Ref supplier-event ${eventId}`;
