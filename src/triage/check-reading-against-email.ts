import { cleanEmail } from './clean-email.ts';
import { dayOf } from './dates/calendar-day.ts';
import { findDates } from './dates/find-dates.ts';
import { slashDateOrder } from './dates/slash-date-order.ts';
import type { EmailReading, SupplierEmail } from './email-reading.ts';
import { detectLanguage } from './heuristic/detect-language.ts';
import { parseNumber } from './heuristic/parse-number.ts';

/**
 * What a provider (an LLM) read that the email does not say. Schema-valid output can still be
 * invented: a date nobody wrote, a quantity that is no number of the email, a percentage no
 * pair of prices gives. Each returned string names one such fact; empty means the reading only
 * states what the email supports.
 *
 * - A date must be one the email writes (any form the offline date finder resolves, in the
 *   email's language, against the received day: "KW 6", "3/9", "demain", "vrijdag 2 april").
 * - A quantity must be a number of the email, 0, or the sum or difference of two of the
 *   reading's own quantities that are (96 shipped + 48 backordered = 144 ordered).
 * - A price change percentage must be written in the email, or follow from two of its numbers.
 */
export function checkReadingAgainstEmail(reading: EmailReading, email: SupplierEmail): string[] {
  const cleaned = cleanEmail(email);
  const text = `${email.subject}\n\n${cleaned.fullText}`;
  const problems: string[] = [];

  const days = daysWritten(text, cleaned.text, email.receivedAt);
  for (const field of ['new_eta', 'confirmed_date'] as const) {
    const day = reading[field];
    if (day !== null && !days.has(day)) problems.push(`${field} ${day} is not a date the email writes`);
  }

  const numbers = numbersIn(text);
  const q = reading.quantities;
  if (q) {
    const given = (['ordered', 'shipped', 'backordered', 'cancelled'] as const).flatMap((k) => (q[k] === undefined ? [] : [[k, q[k]] as const]));
    const written = given.filter(([, v]) => v === 0 || numbers.has(v)).map(([, v]) => v);
    for (const [key, value] of given) {
      if (value === 0 || numbers.has(value)) continue;
      const derived = written.some((a) => written.some((b) => a + b === value || Math.abs(a - b) === value));
      if (!derived) problems.push(`quantities.${key} ${value} is not a number in the email`);
    }
  }

  const pct = reading.price_change_pct;
  if (pct !== null && !percentSupported(pct, numbers)) problems.push(`price_change_pct ${pct} is neither written in the email nor computed from its numbers`);
  return problems;
}

function daysWritten(text: string, newest: string, receivedAt: Date): Set<string> {
  const language = detectLanguage(newest || text);
  const anchor = { receivedDay: dayOf(receivedAt), language, slashOrder: slashDateOrder({ text: newest, language, fullText: text }) };
  const days = new Set(findDates(text, anchor).map((m) => m.day));
  // "12/03" may be read either way by a model that saw the whole thread: accept both orders.
  for (const m of findDates(text, { ...anchor, slashOrder: anchor.slashOrder === 'month_first' ? 'day_first' : 'month_first' })) days.add(m.day);
  return days;
}

function numbersIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const m of text.matchAll(/\d[\d.,' ]*\d|\d/g)) {
    for (const raw of [m[0], ...m[0].split(/[\s']/)]) {
      const value = parseNumber(raw.replace(/[.,]$/, ''));
      if (value !== null) found.add(value);
    }
  }
  return found;
}

function percentSupported(pct: number, numbers: Set<number>): boolean {
  if (numbers.has(Math.abs(pct))) return true;
  const values = [...numbers].filter((n) => n > 0).slice(0, 200);
  for (const a of values) for (const b of values) if (a !== b && Math.abs(((b - a) / a) * 100 - pct) < 0.06) return true;
  return false;
}
