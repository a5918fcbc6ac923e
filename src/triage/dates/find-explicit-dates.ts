import { addDays, daysBetween, makeDay } from './calendar-day.ts';
import type { DateAnchor, DateMention } from './date-mention.ts';
import { ANY_WEEKDAY_PATTERN, MONTH_PATTERN, monthNumber, WORD_END, WORD_START } from './date-words.ts';

// A weekday written in front of a date belongs to it ("Friday 4 Dec", "Tues 11/24", "le mardi 8 décembre").
const WEEKDAY_PREFIX = `(?:(?:${ANY_WEEKDAY_PATTERN})\\.?,?\\s+(?:the\\s+|den\\s+|el\\s+|le\\s+)?)?`;
const ORDINAL = '(?:st|nd|rd|th|er|º|\\.)?';

const PATTERNS: Array<{ re: RegExp; resolve: (m: RegExpExecArray, anchor: DateAnchor) => string | null }> = [
  {
    // 2026-12-09
    re: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g,
    resolve: (m) => makeDay(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // 3 Dec, 3rd of December, 3. Dezember, 3 de diciembre de 2026, 1er décembre, 14-Oct-2026
    re: new RegExp(
      `${WORD_START}${WEEKDAY_PREFIX}(\\d{1,2})${ORDINAL}(?:\\s+(?:de|of)\\s+|[\\s\\-/]+|(?<=\\.)\\s*)(${MONTH_PATTERN})\\.?${WORD_END}(?:(?:\\s+de\\s+|,?\\s+|[-/])(\\d{4})(?!\\d)|-(\\d{2})(?!\\d))?`,
      'giu',
    ),
    resolve: (m, anchor) => dayMonth(Number(m[1]), monthNumber(m[2] ?? ''), yearOf(m[3] ?? m[4]), anchor),
  },
  {
    // Dec 3, December 3rd, Nov 11, 2026
    re: new RegExp(`${WORD_START}${WEEKDAY_PREFIX}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\d])(?:,?\\s+(\\d{4})(?!\\d))?`, 'giu'),
    resolve: (m, anchor) => dayMonth(Number(m[2]), monthNumber(m[1] ?? ''), yearOf(m[3]), anchor),
  },
  {
    // 03.12.2026, 3.12., 03.12.26 (dots are always day first)
    re: new RegExp(`${WORD_START}${WEEKDAY_PREFIX}(?<![\\d.,])(\\d{1,2})\\.(\\d{1,2})\\.(?:(\\d{4})|(\\d{2})(?![\\d.]))?(?!\\d)`, 'giu'),
    resolve: (m, anchor) => dayMonth(Number(m[1]), Number(m[2]), yearOf(m[3] ?? m[4]), anchor),
  },
  {
    // 12/03, 12/3/26, 15/12/2026: order decided per email (slash-date-order.ts)
    // Not a size: "3/8 x 3-3/4", "1/2\"", "1-1/4 in" are fractions.
    re: new RegExp(`${WORD_START}${WEEKDAY_PREFIX}(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])(?!\\s*(?:x\\s*\\d|["”″]|in\\b|inch|mm\\b))`, 'giu'),
    resolve: (m, anchor) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a === 24 && b === 7 && !m[3]) return null; // "24/7" is a hotline, not the 24th of July
      const year = yearOf(m[3]);
      const [day, month] = anchor.slashOrder === 'month_first' ? [b, a] : [a, b];
      // When the preferred order cannot be a date (13th month), the other order is the only reading.
      return dayMonth(day, month, year, anchor) ?? dayMonth(month, day, year, anchor);
    },
  },
  {
    // "the 9th", "el día 9": a day of the current month, or of the next when it has passed
    re: /(?<![\p{L}])(?:the\s+(\d{1,2})(?:st|nd|rd|th)|el\s+día\s+(\d{1,2}))(?![\p{L}\d])/giu,
    resolve: (m, anchor) => dayOfMonthNear(Number(m[1] ?? m[2]), anchor.receivedDay),
  },
];

/** Dates written as dates: numeric, ISO, or with a month name in any of the four languages. */
export function findExplicitDates(text: string, anchor: DateAnchor): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, resolve } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const day = resolve(m, anchor);
      if (day) found.push({ day, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'explicit' });
    }
  }
  return found;
}

function yearOf(raw: string | undefined): number | null {
  if (!raw) return null;
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

/**
 * A day and month without a year takes the year that puts it nearest the received day, where
 * the past counts double: "Jan 6" written in December is next January, "3 Dec" written on
 * 14 December is this year's 3 December.
 */
function dayMonth(day: number, month: number | null, year: number | null, anchor: DateAnchor): string | null {
  if (month === null) return null;
  if (year !== null) return makeDay(year, month, day);
  const receivedYear = Number(anchor.receivedDay.slice(0, 4));
  let best: string | null = null;
  let bestCost = Infinity;
  for (const y of [receivedYear - 1, receivedYear, receivedYear + 1]) {
    const candidate = makeDay(y, month, day);
    if (!candidate) continue;
    const delta = daysBetween(anchor.receivedDay, candidate);
    const cost = delta >= 0 ? delta : -delta * 2;
    if (cost < bestCost) [best, bestCost] = [candidate, cost];
  }
  return best;
}

function dayOfMonthNear(day: number, receivedDay: string): string | null {
  const [y, m, d] = [Number(receivedDay.slice(0, 4)), Number(receivedDay.slice(5, 7)), Number(receivedDay.slice(8, 10))];
  // A day a few days back is still this month ("we missed the 9th"); further back means next month.
  if (day >= d - 3) return makeDay(y, m, day);
  const next = addDays(`${receivedDay.slice(0, 8)}01`, 32);
  return makeDay(Number(next.slice(0, 4)), Number(next.slice(5, 7)), day);
}
