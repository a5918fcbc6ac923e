import type { OdooValue } from '../../src/ports/odoo-gateway.ts';

/** What goes on the XML-RPC wire: no null (Odoo wants false), no Date (Odoo wants strings). */
export type WireValue = string | number | boolean | WireValue[] | { [key: string]: WireValue };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A Date as an Odoo datetime: `YYYY-MM-DD HH:MM:SS`, in UTC as Odoo stores it. */
export function formatOdooDatetime(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** An Odoo datetime (`YYYY-MM-DD HH:MM:SS`, maybe with microseconds as in webhooks) as a UTC Date. */
export function parseOdooDatetime(s: string): Date {
  return new Date(`${s.replace(' ', 'T').slice(0, 23)}Z`);
}

/** Converts core values to what Odoo accepts: null -> false, Date -> UTC datetime string. */
export function toWire(value: OdooValue): WireValue {
  if (value === null) return false;
  if (value instanceof Date) return formatOdooDatetime(value);
  if (Array.isArray(value)) return (value as readonly OdooValue[]).map(toWire);
  if (typeof value === 'object') {
    const out: Record<string, WireValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, OdooValue>)) {
      if (v !== undefined) out[k] = toWire(v);
    }
    return out;
  }
  return value;
}

/** Keyword arguments without the undefined ones (the xmlrpc serializer cannot send them). */
export function kwargsOf(kw: Record<string, OdooValue | undefined>): Record<string, WireValue> {
  const out: Record<string, WireValue> = {};
  for (const [k, v] of Object.entries(kw)) if (v !== undefined) out[k] = toWire(v);
  return out;
}
