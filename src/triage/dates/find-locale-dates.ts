import * as chrono from 'chrono-node';
import type { Language } from '../heuristic/detect-language.ts';
import { daysBetween, makeDay } from './calendar-day.ts';
import type { DateAnchor, DateMention } from './date-mention.ts';

type Parser = Pick<chrono.Chrono, 'parse'>;

/** chrono-node's parser per language; English follows the email's slash order (en = month first, en.GB = day first). */
function parserFor(language: Language, anchor: DateAnchor): Parser {
  switch (language) {
    case 'de':
      return chrono.de;
    case 'fr':
      return chrono.fr;
    case 'es':
      return chrono.es;
    case 'nl':
      return chrono.nl;
    case 'it':
      return chrono.it;
    case 'pt':
      return chrono.pt;
    default:
      return anchor.slashOrder === 'day_first' ? chrono.en.GB : chrono.en;
  }
}

// Sizes and fractions ("3/8 x 3-3/4", "1/2\"") and bare times are not dates.
const NOT_A_DATE = /^\s*\d{1,2}\/\d{1,2}\s*$|^\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|h|uhr)?\s*$/i;
// "a few days", "a couple of weeks", "einige Tage": no day can be read from a vague span.
const VAGUE = /(?<![\p{L}])(?:few|couple|several|some|einige|paar|quelques|unos|algunos|alcuni|enkele|alguns)(?![\p{L}])/iu;

/**
 * Dates chrono-node finds in the email's language (and in English, which suppliers mix in),
 * resolved against the received day at noon UTC so no time zone moves the day. Only readings
 * that pin a day (a day number, a weekday, or a relative day like "two weeks from today") are
 * kept; "March" alone is not a delivery date.
 */
export function findLocaleDates(text: string, anchor: DateAnchor, language: Language): DateMention[] {
  const instant = new Date(`${anchor.receivedDay}T12:00:00Z`);
  const parsers = language === 'en' ? [parserFor('en', anchor)] : [parserFor(language, anchor), parserFor('en', anchor)];
  const found: DateMention[] = [];
  for (const parser of parsers) {
    for (const result of parser.parse(text, { instant, timezone: 'UTC' }, { forwardDate: true })) {
      if (NOT_A_DATE.test(result.text) || VAGUE.test(result.text)) continue;
      const start = result.start;
      if (!start.isCertain('day') && !start.isCertain('weekday')) continue;
      const date = start.date();
      const [month, dayOfMonth] = [date.getUTCMonth() + 1, date.getUTCDate()];
      const day = start.isCertain('month') && !start.isCertain('year') ? nearestYear(month, dayOfMonth, anchor.receivedDay) : makeDay(date.getUTCFullYear(), month, dayOfMonth);
      if (!day) continue;
      const kind: DateMention['kind'] = start.isCertain('month') ? 'explicit' : start.isCertain('weekday') ? 'weekday' : 'relative';
      found.push({ day, start: result.index, end: result.index + result.text.length, text: result.text, kind });
    }
  }
  return found;
}

/**
 * A day and month without a year takes the year that puts it nearest the received day, the past
 * counting double (as in find-explicit-dates.ts): "18 janvier" written on 22 January is this
 * year's, not next year's as chrono's forward dating would have it.
 */
function nearestYear(month: number, day: number, receivedDay: string): string | null {
  const receivedYear = Number(receivedDay.slice(0, 4));
  let best: string | null = null;
  let bestCost = Infinity;
  for (const y of [receivedYear - 1, receivedYear, receivedYear + 1]) {
    const candidate = makeDay(y, month, day);
    if (!candidate) continue;
    const delta = daysBetween(receivedDay, candidate);
    const cost = delta >= 0 ? delta : -delta * 2;
    if (cost < bestCost) [best, bestCost] = [candidate, cost];
  }
  return best;
}
