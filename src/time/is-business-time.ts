import type { BusinessCalendar } from './business-calendar.ts';
import { localDayOf, workingSpansOf } from './local-day.ts';

/** Whether `at` falls inside working hours (range start included, range end excluded). */
export function isBusinessTime(at: Date, calendar: BusinessCalendar): boolean {
  const t = at.getTime();
  return workingSpansOf(localDayOf(t, calendar.timeZone), calendar).some((s) => s.start <= t && t < s.end);
}
