/**
 * Dates in the shapes the store keeps (UTC 'YYYY-MM-DD HH:MM:SS' and 'YYYY-MM-DD'), computed
 * relative to the `now` given to the seed so that "late" stays late whenever the demo runs.
 */
const DAY_MS = 86_400_000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function odooDatetime(d: Date): string {
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

export function odooDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

/** The day of `d` at a given UTC hour, e.g. business hours of a US Central buyer (14:00-22:00 UTC). */
export function atUtcHour(d: Date, hour: number, minute = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute, 0));
}

/** Parses 'YYYY-MM-DD' (at a given UTC hour) or an ISO timestamp. */
export function parseDay(day: string, hour = 12): Date {
  const [y, m, dd] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, dd ?? 1, hour, 0, 0));
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
