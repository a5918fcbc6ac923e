import { localDayOf, isoDateOf, shiftDay, type LocalDay } from '../time/local-day.ts';

/**
 * Weeks as the control tower keys them: the ISO date of their Monday, in the policy's time zone
 * (a decision at 23:30 UTC on a Sunday is Monday's week in Brussels). Odoo groups weeks from
 * Sunday in en_US, so measures read days from Odoo and fold them here.
 */
export function weekOfDay(day: LocalDay): string {
  const dow = new Date(Date.UTC(day.year, day.month, day.day)).getUTCDay();
  return isoDateOf(shiftDay(day, -((dow + 6) % 7)));
}

/** The Monday of the week an instant falls in, in `timeZone`. */
export function weekOf(at: Date | number | string, timeZone: string): string {
  return weekOfDay(localDayOf(typeof at === 'string' ? Date.parse(at) : at, timeZone));
}

/** The Monday of the week of a local date `YYYY-MM-DD`. */
export function weekOfIsoDate(iso: string): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return weekOfDay({ year: y, month: m - 1, day: d });
}

/** Every week touching `[from, to)`, oldest first. */
export function weeksBetween(from: Date, to: Date, timeZone: string): string[] {
  if (to.getTime() <= from.getTime()) return [];
  const first = weekOf(from, timeZone);
  const last = weekOf(to.getTime() - 1, timeZone);
  const out: string[] = [];
  for (let w = first; w <= last; w = addDaysIso(w, 7)) out.push(w);
  return out;
}

export function addDaysIso(iso: string, days: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return isoDateOf(shiftDay({ year: y, month: m - 1, day: d }, days));
}
