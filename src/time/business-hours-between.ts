import type { BusinessCalendar } from './business-calendar.ts';
import { localDayOf, shiftDay, workingSpansOf } from './local-day.ts';

const MINUTE = 60_000;

/** Whole working minutes from `a` to `b` (0 when `b` is not after `a`). */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  let total = 0;
  const last = localDayOf(to, calendar.timeZone);
  let day = shiftDay(localDayOf(from, calendar.timeZone), -1);
  // The loop is bounded by the distance between a and b, which the caller chose.
  for (;;) {
    for (const span of workingSpansOf(day, calendar)) {
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, to);
      if (end > start) total += end - start;
    }
    if (day.year === last.year && day.month === last.month && day.day === last.day) break;
    day = shiftDay(day, 1);
  }
  return Math.floor(total / MINUTE);
}

/** Working hours from `a` to `b`, in hours with minute precision (for "waiting 6 business hours"). */
export function businessHoursBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  return businessMinutesBetween(a, b, calendar) / 60;
}
