import { TZDate } from '@date-fns/tz';
import type { BusinessCalendar, Weekday } from './business-calendar.ts';

/** A calendar day in the calendar's zone (month is 0-based, as in Date). */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** An interval of instants, in epoch milliseconds, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** The local day that contains `at` in `timeZone`. */
export function localDayOf(at: Date | number, timeZone: string): LocalDay {
  const local = new TZDate(typeof at === 'number' ? at : at.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
}

/** The next (or previous, with `step` -1) calendar day; plain date arithmetic, no zone involved. */
export function shiftDay(d: LocalDay, step: number): LocalDay {
  const utc = new Date(Date.UTC(d.year, d.month, d.day + step));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth(), day: utc.getUTCDate() };
}

export function isoDateOf(d: LocalDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month + 1).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function weekdayOf(d: LocalDay): Weekday {
  return new Date(Date.UTC(d.year, d.month, d.day)).getUTCDay() as Weekday;
}

/** The instant of a local wall-clock time; TZDate resolves DST gaps and overlaps consistently. */
function instantOf(d: LocalDay, minute: number, timeZone: string): number {
  // Minute 1440 is the next day's midnight: build it from the next day so a 23- or 25-hour DST day
  // still ends where the wall clock says.
  if (minute >= 1440) {
    const next = shiftDay(d, 1);
    return new TZDate(next.year, next.month, next.day, 0, minute - 1440, timeZone).getTime();
  }
  return new TZDate(d.year, d.month, d.day, Math.floor(minute / 60), minute % 60, timeZone).getTime();
}

/** The working spans of one local day as instants (none on a holiday or a closed weekday). */
export function workingSpansOf(d: LocalDay, calendar: BusinessCalendar): Span[] {
  if (calendar.holidays.has(isoDateOf(d))) return [];
  const ranges = calendar.week[weekdayOf(d)] ?? [];
  const spans: Span[] = [];
  for (const r of ranges) {
    const start = instantOf(d, r.startMinute, calendar.timeZone);
    const end = instantOf(d, r.endMinute, calendar.timeZone);
    // In a DST gap the wall clock skips an hour; a range that falls inside it is empty.
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * How many days a walk may visit before giving up: ten years covers any sane holiday list, and
 * a calendar with no working time at all is caught by the policy parser before it gets here.
 */
export const MAX_DAYS_SCANNED = 3660;
