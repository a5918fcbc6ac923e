/**
 * A working calendar: the hours people are at work, in one IANA time zone, minus holidays.
 * Aging, reminders and escalation count only these hours, so a request made on Friday evening
 * is not "waiting 60 hours" on Monday morning.
 */

/** Day of the week as JavaScript numbers it: 0 = Sunday ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Working minutes of a day, `[start, end)` in minutes after local midnight (end may be 1440). */
export interface WorkingRange {
  startMinute: number;
  endMinute: number;
}

export interface BusinessCalendar {
  /** IANA zone the working hours and holidays are read in, e.g. `America/Chicago`. */
  timeZone: string;
  /** Ranges per weekday (index 0 = Sunday), sorted and not overlapping; empty = closed. */
  week: readonly (readonly WorkingRange[])[];
  /** Local calendar dates `YYYY-MM-DD` with no working hours at all. */
  holidays: ReadonlySet<string>;
}

