/** Clock arithmetic the detectors share: elapsed hours and days, and local calendar dates. */
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

const QUARTER_HOUR_MS = 900_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, string>();

/** The calendar day `YYYY-MM-DD` of an instant in an IANA zone (00:30 UTC is still yesterday in Chicago). */
export function localDate(at: Date, timeZone: string): string {
  // One formatter per zone: building one per call is what makes zone conversions slow.
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  // Every zone's offset is a whole number of quarter hours, so one quarter hour has one local date.
  const key = `${timeZone}|${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
    day = `${parts.year}-${parts.month}-${parts.day}`;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

/** ISO 8601 UTC to the second, the way facts carry instants. */
export function isoInstant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
