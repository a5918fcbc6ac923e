import { CodedError } from '../errors/coded-error.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { localDayOf, MAX_DAYS_SCANNED, shiftDay, workingSpansOf } from './local-day.ts';

const MINUTE = 60_000;

/**
 * The instant `hours` working hours after `start` (minute precision). A deadline that uses up a
 * working range exactly lands on that range's end (18:00), not on the next morning.
 */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`addBusinessHours: hours must be a number >= 0 (got ${hours})`);
  let remaining = Math.round(hours * 60) * MINUTE;
  if (remaining === 0) return new Date(start.getTime());
  const from = start.getTime();
  // Start one local day early: a range that began yesterday in local terms may still be open.
  let day = shiftDay(localDayOf(from, calendar.timeZone), -1);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = shiftDay(day, 1)) {
    for (const span of workingSpansOf(day, calendar)) {
      if (span.end <= from) continue;
      const begin = Math.max(span.start, from);
      const available = span.end - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  throw new CodedError('calendar_has_no_business_time', `No working time within ${MAX_DAYS_SCANNED} days of ${start.toISOString()} in ${calendar.timeZone}`, false);
}
