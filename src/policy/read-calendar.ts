import type { BusinessCalendar, WorkingRange } from '../time/business-calendar.ts';
import { parseWorkingRange } from '../time/calendar-values.ts';
import type { PolicyProblem } from './policy-problem.ts';
import type { RawHoliday, RawWorkingHours } from './policy-schema.ts';

/** Weekday keys in JavaScript's order (0 = Sunday). */
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** `mon` -> [1], `mon-fri` -> [1..5], `fri-mon` -> [5, 6, 0, 1]; null when not a day key. */
function daysOfKey(key: string): number[] | null {
  const [first, last, extra] = key.trim().toLowerCase().split('-');
  if (extra !== undefined) return null;
  const from = DAYS.indexOf(first as (typeof DAYS)[number]);
  const to = last === undefined ? from : DAYS.indexOf(last as (typeof DAYS)[number]);
  if (from < 0 || to < 0) return null;
  const days = [from];
  for (let d = from; d !== to; ) {
    d = (d + 1) % 7;
    days.push(d);
  }
  return days;
}

function describeRange(r: WorkingRange): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(r.startMinute)}-${hhmm(r.endMinute)}`;
}

/** Reads `working_hours`; every problem is pushed with its path so it can be shown by line. */
export function readWorkingHours(raw: RawWorkingHours, at: readonly PropertyKey[], problems: PolicyProblem[]): WorkingRange[][] {
  const before = problems.length;
  const week: WorkingRange[][] = DAYS.map(() => []);
  const setBy = new Map<number, string>();
  for (const [key, value] of Object.entries(raw)) {
    const days = daysOfKey(key);
    if (!days) {
      problems.push({ path: [...at, key], message: 'must be a weekday (mon, tue, ..., sun) or a range of them like mon-fri', atKey: true, omitGot: true });
      continue;
    }
    const clash = days.find((d) => setBy.has(d));
    if (clash !== undefined) {
      problems.push({ path: [...at, key], message: `sets ${DAYS[clash]} again (already set by ${setBy.get(clash)})`, atKey: true, omitGot: true });
      continue;
    }
    const texts = value === null || value === 'closed' ? [] : Array.isArray(value) ? value : [value];
    const ranges: WorkingRange[] = [];
    texts.forEach((text, i) => {
      const itemPath = Array.isArray(value) ? [...at, key, i] : [...at, key];
      const parsed = parseWorkingRange(text);
      if ('error' in parsed) problems.push({ path: itemPath, message: parsed.error });
      else ranges.push(parsed);
    });
    ranges.sort((a, b) => a.startMinute - b.startMinute);
    for (let i = 1; i < ranges.length; i++) {
      const prev = ranges[i - 1]!;
      const cur = ranges[i]!;
      if (cur.startMinute < prev.endMinute) {
        problems.push({ path: [...at, key], message: `has overlapping ranges ${describeRange(prev)} and ${describeRange(cur)}`, omitGot: true });
      }
    }
    for (const d of days) {
      setBy.set(d, key);
      week[d] = ranges;
    }
  }
  if (problems.length === before && week.every((r) => r.length === 0)) {
    problems.push({ path: at, message: 'must open at least one day (no working hours means no reminder or escalation is ever due)', omitGot: true });
  }
  return week;
}

/** The dates of a `holidays` list. */
export function holidayDates(raw: readonly RawHoliday[] | undefined): Set<string> {
  return new Set((raw ?? []).map((h) => (typeof h === 'string' ? h : h.date)));
}

/** The calendar of a rule: its own time zone, hours and holidays where given, else the policy's. */
export function readCalendar(
  base: BusinessCalendar | null,
  raw: { timezone?: string; working_hours?: RawWorkingHours; holidays?: RawHoliday[] },
  at: readonly PropertyKey[],
  problems: PolicyProblem[],
): BusinessCalendar {
  const week = raw.working_hours ? readWorkingHours(raw.working_hours, [...at, 'working_hours'], problems) : (base?.week ?? []);
  return {
    timeZone: raw.timezone ?? base?.timeZone ?? 'UTC',
    week,
    // A rule's holidays replace the policy's: another country, another list.
    holidays: raw.holidays ? holidayDates(raw.holidays) : (base?.holidays ?? new Set()),
  };
}
