import type { WorkingRange } from './business-calendar.ts';

const RANGE = /^([01]\d|2[0-4]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Reads `HH:MM-HH:MM` (end may be `24:00`). Returns the range, or what is wrong in words, so the
 * policy parser can point at the line.
 */
export function parseWorkingRange(text: string): WorkingRange | { error: string } {
  const m = RANGE.exec(text.trim());
  if (!m) return { error: 'must be a time range like "08:00-18:00"' };
  const startMinute = Number(m[1]) * 60 + Number(m[2]);
  const endMinute = Number(m[3]) * 60 + Number(m[4]);
  if (startMinute > 1440 || endMinute > 1440) return { error: 'must use times between 00:00 and 24:00' };
  if (endMinute <= startMinute) return { error: 'must end after it starts (a night shift is two ranges, one per day)' };
  return { startMinute, endMinute };
}

/** Whether an IANA time zone name is known to this runtime's Intl data. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
