/**
 * Calendar days as YYYY-MM-DD strings, computed in UTC so no time zone or DST change can move
 * a day: the triage resolves dates, never instants.
 */

const DAY_MS = 86_400_000;

/** The YYYY-MM-DD of year, month (1-12) and day, or null when that day does not exist. */
export function makeDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return format(date);
}

/** The UTC calendar day of an instant (the email's received day). */
export function dayOf(instant: Date): string {
  return format(instant);
}

/** The day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return format(new Date(toMs(day) + days * DAY_MS));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  const js = new Date(toMs(day)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** The Monday of the ISO week that contains `day`. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The Monday of ISO week `week` of ISO year `year` (week 1 holds the year's first Thursday). */
export function mondayOfIsoWeek(year: number, week: number): string | null {
  if (week < 1 || week > 53) return null;
  const jan4 = `${year}-01-04`;
  const monday = addDays(mondayOf(jan4), (week - 1) * 7);
  // Week 53 exists only in long years; otherwise it would be week 1 of the next year.
  if (week === 53 && isoWeekOf(monday).week !== 53) return null;
  return monday;
}

/** The ISO year and week number of `day`. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** The last day of the month of `day`, `monthsAhead` months later. */
export function endOfMonth(day: string, monthsAhead = 0): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return format(new Date(Date.UTC(y, m + monthsAhead, 0)));
}

/** Adds `count` working days (Monday to Friday), for "within 5 business days". */
export function addWorkingDays(day: string, count: number): string {
  let current = day;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (isoWeekday(current) <= 5) left--;
  }
  return current;
}

function toMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}
