import type { BusinessCalendar, WorkingRange } from '../../src/time/business-calendar.ts';

const h = (from: number, to: number): WorkingRange[] => [{ startMinute: from * 60, endMinute: to * 60 }];

/** Monday to Friday 08:00-18:00 in `timeZone`. */
export function officeHours(timeZone: string, holidays: string[] = []): BusinessCalendar {
  const day = h(8, 18);
  return { timeZone, week: [[], day, day, day, day, day, []], holidays: new Set(holidays) };
}

/** Every hour of every day: business hours are then plain elapsed wall-clock hours. */
export function allHours(timeZone: string): BusinessCalendar {
  const day = h(0, 24);
  return { timeZone, week: [day, day, day, day, day, day, day], holidays: new Set() };
}
