import { addDays, addWorkingDays, endOfMonth, isoWeekday, isoWeekOf, makeDay, mondayOf, mondayOfIsoWeek } from './calendar-day.ts';
import type { DateAnchor, DateMention } from './date-mention.ts';
import { COUNT_PATTERN, countValue, MONTH_PATTERN, monthNumber, WEEKDAY_PATTERN, weekdayNumber, WORD_END, WORD_START } from './date-words.ts';

type Rule = { re: RegExp; kind: DateMention['kind']; resolve: (m: RegExpExecArray, received: string) => string | null };

const rule = (source: string, kind: DateMention['kind'], resolve: Rule['resolve']): Rule => ({
  re: new RegExp(`${WORD_START}(?:${source})${WORD_END}`, 'giu'),
  kind,
  resolve,
});

const FRIDAY = 5;
const thisWeeksFriday = (day: string) => addDays(mondayOf(day), FRIDAY - 1);

const RULES: Rule[] = [
  rule(`today|today's|heute|hoy|aujourd'hui|aujourd’hui|vandaag|oggi|hoje`, 'relative', (_m, d) => d),
  rule(`tomorrow|tomorrow's|morgen|mañana|demain|domani|amanhã`, 'relative', (m, d) => (isMorning(m) ? null : addDays(d, 1))),
  rule(`day after tomorrow|übermorgen|pasado mañana|après-demain`, 'relative', (_m, d) => addDays(d, 2)),
  // "in 10 days", "within 5 business days", "under 15 days", "in 2 weeks" and their translations
  rule(
    `(?:in|within|under|en|dentro\\s+de|innerhalb(?:\\s+von)?|binnen|dans|sous|d'ici)\\s+(?:the\\s+next\\s+|los\\s+próximos\\s+|les\\s+)?(${COUNT_PATTERN})\\s+(business\\s+days?|working\\s+days?|werktagen|arbeitstagen|días\\s+hábiles|jours\\s+ouvrés|days?|tagen?|días|dias|jours?|weeks?|wochen|semanas?|semaines?)`,
    'relative',
    (m, d) => {
      const n = countValue(m[1] ?? '');
      if (n === null) return null;
      const unit = (m[2] ?? '').toLowerCase();
      if (/business|working|werk|arbeits|hábiles|ouvrés/.test(unit)) return addWorkingDays(d, n);
      if (/^(week|woche|semana|semaine)/.test(unit)) return addDays(d, 7 * n);
      return addDays(d, n);
    },
  ),
  // "two weeks from today", "10 days from now"
  rule(`(${COUNT_PATTERN})\\s+(days?|weeks?)\\s+from\\s+(?:today|now)`, 'relative', (m, d) => {
    const n = countValue(m[1] ?? '');
    if (n === null) return null;
    return addDays(d, /^week/i.test(m[2] ?? '') ? 7 * n : n);
  }),
  // ISO weeks: KW 49, CW49, week 49 (en, nl), semana 49 (es, pt), semaine 49, settimana 49, 49. KW.
  // The Monday, as the data labels it.
  rule(`(?:kw|cw|wk|week|woche|kalenderwoche|semana|semaine|settimana|sem\\.|sett\\.)\\s*(\\d{1,2})(?:\\s*[/.]\\s*(\\d{4}))?|(\\d{1,2})\\.\\s*(?:kw|kalenderwoche)`, 'iso_week', (m, d) =>
    isoWeekMonday(Number(m[1] ?? m[3]), m[2] ? Number(m[2]) : null, d),
  ),
  // Ends and starts of weeks and months. "End of a week" is its Friday, the last working day.
  rule(`end\\s+of\\s+next\\s+week|ende\\s+(?:der\\s+)?nächste[nr]?\\s+woche|(?:a\\s+)?finales\\s+de\\s+la\\s+(?:próxima\\s+semana|semana\\s+que\\s+viene)|fin\\s+de\\s+la\\s+semaine\\s+prochaine`, 'period', (_m, d) =>
    addDays(thisWeeksFriday(d), 7),
  ),
  rule(`end\\s+of\\s+(?:the|this)\\s+week|ende\\s+(?:der|dieser)\\s+woche|(?:a\\s+)?finales\\s+de\\s+(?:esta|la)\\s+semana|fin\\s+de\\s+(?:la|cette)\\s+semaine`, 'period', (_m, d) =>
    thisWeeksFriday(d),
  ),
  rule(`end\\s+of\\s+next\\s+month|ende\\s+(?:des\\s+)?nächsten\\s+monats|finales\\s+del\\s+próximo\\s+mes|fin\\s+du\\s+mois\\s+prochain`, 'period', (_m, d) =>
    endOfMonth(d, 1),
  ),
  rule(`(?:até\\s+ao\\s+|até\\s+o\\s+|ao\\s+)?(?:final|fim)\\s+do\\s+mês|(?:entro\\s+(?:la\\s+)?)?fine\\s+(?:del\\s+)?mese|eind(?:e)?\\s+(?:van\\s+)?de(?:ze)?\\s+maand|end\\s+of\\s+(?:the|this)\\s+month|ende\\s+(?:des|dieses)\\s+monats|monatsende|(?:a\\s+)?finales\\s+de\\s+(?:este\\s+|del\\s+)?mes|(?:a\\s+)?fin\\s+de\\s+mes|fin\\s+(?:du|de\\s+ce)\\s+mois`, 'period', (_m, d) =>
    endOfMonth(d),
  ),
  rule(`(?:early\\s+)?next\\s+week|(?:anfang\\s+)?nächste[nr]?\\s+woche|(?:a\\s+principios\\s+de\\s+)?la\\s+(?:próxima\\s+semana|semana\\s+que\\s+viene)|(?:début\\s+de\\s+)?la\\s+semaine\\s+prochaine`, 'period', (_m, d) =>
    addDays(mondayOf(d), 7),
  ),
  // "end of December", "Ende Dezember", "finales de diciembre", "fin décembre"; mid and start of a month
  rule(`(end\\s+of|ende|(?:a\\s+)?finales\\s+de|fin|mid-?|mitte|mediados\\s+de|mi-|beginning\\s+of|early|anfang|principios\\s+de|début)\\s*(${MONTH_PATTERN})`, 'period', (m, d) =>
    partOfMonth((m[1] ?? '').toLowerCase(), monthNumber(m[2] ?? ''), d),
  ),
  // Weekdays: "next Tuesday" is the Tuesday of next week; "last Friday" the one before today.
  rule(
    `(?:next|coming|this\\s+coming|nächsten|nächster|kommenden|el\\s+próximo|próximo|prochain)\\s+(${WEEKDAY_PATTERN})|(?:el\\s+)?(${WEEKDAY_PATTERN})\\s+(?:próximo|que\\s+viene|prochain)`,
    'weekday',
    (m, d) => weekdayInWeek(weekdayNumber(m[1] ?? m[2] ?? ''), addDays(mondayOf(d), 7)),
  ),
  rule(`(?:last|past|letzten|letzter|vergangenen)\\s+(${WEEKDAY_PATTERN})|(?:el\\s+)?(${WEEKDAY_PATTERN})\\s+(?:pasado|dernier)`, 'weekday', (m, d) =>
    previousWeekday(weekdayNumber(m[1] ?? m[2] ?? ''), d),
  ),
  rule(`(?:this|diesen|este|ce)\\s+(${WEEKDAY_PATTERN})`, 'weekday', (m, d) => {
    const wd = weekdayNumber(m[1] ?? '');
    return wd === null ? null : wd >= isoWeekday(d) ? weekdayInWeek(wd, mondayOf(d)) : nextWeekday(wd, d);
  }),
  // A bare weekday is the next one after the received day ("other 4 friday" on a Wednesday).
  rule(`(${WEEKDAY_PATTERN})`, 'weekday', (m, d) => nextWeekday(weekdayNumber(m[1] ?? ''), d)),
];

/** Relative expressions: weekdays, "tomorrow", "in 10 days", ISO weeks, ends of weeks and months. */
export function findRelativeDates(text: string, anchor: DateAnchor): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, kind, resolve } of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const day = resolve(m, anchor.receivedDay);
      if (day) found.push({ day, start: m.index, end: m.index + m[0].length, text: m[0], kind });
    }
  }
  return found;
}

function isMorning(m: RegExpExecArray): boolean {
  // "Guten Morgen", "por la mañana": the word for tomorrow is also the word for morning.
  const before = m.input.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
  return /(guten|morgens|la|esta|por la|de la|cette)\s*$/.test(before) || /^morgens/i.test(m.input.slice(m.index));
}

function isoWeekMonday(week: number, year: number | null, received: string): string | null {
  if (year !== null) return mondayOfIsoWeek(year, week);
  const current = isoWeekOf(received);
  // A week far behind the current one is next year's ("KW 2" written in December).
  const y = week < current.week - 8 ? current.year + 1 : current.year;
  return mondayOfIsoWeek(y, week);
}

function weekdayInWeek(weekday: number | null, monday: string): string | null {
  return weekday === null ? null : addDays(monday, weekday - 1);
}

function nextWeekday(weekday: number | null, from: string): string | null {
  if (weekday === null) return null;
  const ahead = (weekday - isoWeekday(from) + 7) % 7 || 7;
  return addDays(from, ahead);
}

function previousWeekday(weekday: number | null, from: string): string | null {
  if (weekday === null) return null;
  const back = (isoWeekday(from) - weekday + 7) % 7 || 7;
  return addDays(from, -back);
}

function partOfMonth(part: string, month: number | null, received: string): string | null {
  if (month === null) return null;
  const receivedYear = Number(received.slice(0, 4));
  const receivedMonth = Number(received.slice(5, 7));
  // A month well behind the received one is next year's ("end of January" written in November).
  const year = month < receivedMonth - 2 ? receivedYear + 1 : receivedYear;
  if (/^(mid|mitte|mediados|mi-)/.test(part)) return makeDay(year, month, 15);
  if (/^(beginning|early|anfang|principios|début)/.test(part)) return makeDay(year, month, 1);
  const first = makeDay(year, month, 1);
  return first ? endOfMonth(first) : null;
}
