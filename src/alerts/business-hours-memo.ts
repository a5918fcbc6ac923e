/**
 * businessHoursBetween for many orders against one calendar: the working spans of each local day
 * are computed once per calendar (time-zone conversions are the cost), and the same rule as
 * src/time applies: whole working minutes between two instants.
 */
import type { BusinessCalendar } from '../time/business-calendar.ts';
import type { LocalDay, Span } from '../time/local-day.ts';
import { isoDateOf, localDayOf, shiftDay, workingSpansOf } from '../time/local-day.ts';

const MINUTE = 60_000;
const spansByCalendar = new WeakMap<BusinessCalendar, Map<string, Span[]>>();

function spansOf(day: LocalDay, calendar: BusinessCalendar): Span[] {
  let memo = spansByCalendar.get(calendar);
  if (!memo) {
    memo = new Map();
    spansByCalendar.set(calendar, memo);
  }
  const key = isoDateOf(day);
  let spans = memo.get(key);
  if (!spans) {
    spans = workingSpansOf(day, calendar);
    memo.set(key, spans);
  }
  return spans;
}

/** Working hours from `a` to `b` with minute precision, as businessHoursBetween counts them. */
export function memoBusinessHoursBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  const last = isoDateOf(localDayOf(to, calendar.timeZone));
  let total = 0;
  // One local day early: a range that began yesterday in local terms may still be open.
  for (let day = shiftDay(localDayOf(from, calendar.timeZone), -1); ; day = shiftDay(day, 1)) {
    for (const span of spansOf(day, calendar)) {
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, to);
      if (end > start) total += end - start;
    }
    if (isoDateOf(day) === last) break;
  }
  return Math.floor(total / MINUTE) / 60;
}
