/** Clock arithmetic the detectors share: elapsed hours and days, and local calendar dates. */
import { TZDate } from '@date-fns/tz';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Hours from `a` to `b`, rounded to the minute (negative when `b` is before `a`). */
export function hoursBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 60_000) / 60;
}

/** Whole 24-hour days from `a` to `b` (0 when `b` is less than a day after `a`). */
export function wholeDaysBetween(a: Date, b: Date): number {
  return Math.max(0, Math.floor((b.getTime() - a.getTime()) / DAY_MS));
}

/** The calendar day `YYYY-MM-DD` of an instant in an IANA zone (00:30 UTC is still yesterday in Chicago). */
export function localDate(at: Date, timeZone: string): string {
  const d = new TZDate(at.getTime(), timeZone);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** ISO 8601 UTC to the second, the way facts carry instants. */
export function isoInstant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
