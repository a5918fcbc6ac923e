import { isoDateOf, localDayOf, shiftDay } from '../time/local-day.ts';
import type { Delegation, IsoDay } from './delegation.ts';

/** The day `at` falls on in `timeZone`, as `YYYY-MM-DD`. */
export function dayIn(at: Date, timeZone: string): IsoDay {
  return isoDateOf(localDayOf(at, timeZone));
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: IsoDay, n: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoDateOf(shiftDay({ year: y, month: m - 1, day: d }, n));
}

/** Whether the delegation applies on a day: startsOn <= day <= until (ISO days sort as text). */
export function isActiveOn(d: Delegation, day: IsoDay): boolean {
  return d.startsOn <= day && day <= d.until;
}

/** Whether the delegation applies at an instant, judged by the local day in the policy's zone. */
export function isActiveAt(d: Delegation, at: Date, timeZone: string): boolean {
  return isActiveOn(d, dayIn(at, timeZone));
}
