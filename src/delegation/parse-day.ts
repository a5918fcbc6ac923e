import { isIsoDate } from '../time/calendar-values.ts';
import type { IsoDay } from './delegation.ts';

/** The date forms `/po delegate` understands, for help and refusal texts. */
export const DAY_FORMS = '2026-12-24, 24.12.2026, Dec 24 or 24 December (2026)';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1-12 for a month name or its abbreviation of three letters or more (`Dec`, `Sept.`), else null. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i < 0 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(y: number, m: number, d: number): IsoDay | null {
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

export type ParsedDay = { ok: true; day: IsoDay } | { ok: false; message: string };

/**
 * A day as people type it in a command. Only unambiguous forms: ISO `2026-12-24`, dotted
 * day-first `24.12.2026` (how Europe writes it; nobody writes month-first with dots), and a
 * month by name (`Dec 24`, `24 December 2026`). `12/11/2026` is refused: it is November in the US
 * and December in Europe. Without a year, the next such day on or after `today`.
 */
export function parseDay(text: string, today: IsoDay): ParsedDay {
  const t = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const bad = (): ParsedDay => ({ ok: false, message: `"${text.trim()}" is not a date I can read: write it as ${DAY_FORMS}.` });
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return wrap(day(Number(m[1]), Number(m[2]), Number(m[3])), bad);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return wrap(day(Number(m[3]), Number(m[2]), Number(m[1])), bad);
  if (/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(t)) {
    return { ok: false, message: `"${t}" reads differently in the US and in Europe: write it as ${DAY_FORMS}.` };
  }
  // `Dec 24 [2026]` or `24 Dec [2026]`
  m = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/i.exec(t) ?? null;
  let month: number | null = null;
  let dom = 0;
  let year: number | null = null;
  if (m) {
    month = monthOf(m[1]!);
    dom = Number(m[2]);
    year = m[3] ? Number(m[3]) : null;
  } else {
    m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+)(?: (\d{4}))?$/i.exec(t);
    if (!m) return bad();
    month = monthOf(m[2]!);
    dom = Number(m[1]);
    year = m[3] ? Number(m[3]) : null;
  }
  if (month === null) return bad();
  if (year !== null) return wrap(day(year, month, dom), bad);
  const thisYear = Number(today.slice(0, 4));
  const candidate = day(thisYear, month, dom) ?? day(thisYear + 1, month, dom);
  if (candidate === null) return bad();
  return { ok: true, day: candidate >= today ? candidate : (day(thisYear + 1, month, dom) ?? candidate) };
}

function wrap(iso: IsoDay | null, bad: () => ParsedDay): ParsedDay {
  return iso ? { ok: true, day: iso } : bad();
}
