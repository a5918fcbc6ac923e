/**
 * Plain words to a prefilled request form: "we need 40 cases of gloves for ATL by Friday" ->
 * quantity 40, product search "gloves", warehouse ATL, needed by the coming Friday. Only a
 * prefill: the person checks the form and submits it; nothing is created from words alone.
 */
import { dayIn, addDays } from '../delegation/delegation-days.ts';

export interface RequestWords {
  quantity: number | null;
  /** The words to search products with. */
  productText: string | null;
  /** A warehouse code or name as written. */
  warehouseText: string | null;
  neededBy: string | null;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNITS = /^(?:cases?|boxes?|packs?|pallets?|units?|pcs|pieces?|rolls?|cartons?|ctns?|bags?|drums?|pails?|each|ea|dozens?)$/i;
const INTENT = /\b(?:we|i)\s+(?:need|want|require)\b|\b(?:please\s+)?(?:order|request|buy)\b|\bneed\s+\d/i;

/** "we need 40 cases of ...": an intent, a quantity followed by words, and no PO reference (that is a question). */
export function looksLikeRequest(text: string): boolean {
  return INTENT.test(text) && /(?:^|\s)\d+(?:[.,]\d+)?\s+[a-z]/i.test(text) && !/\bP\d{3,}\b/i.test(text) && !/^\s*\/?po\b/i.test(text);
}

export function parseRequestWords(text: string, now: Date, timeZone: string): RequestWords {
  const t = text.replace(/\s+/g, ' ').trim();
  const qty = /(\d+(?:[.,]\d+)?)\s+(?:([a-z]+)\s+)?(?:of\s+)?/i.exec(t);
  const quantity = qty ? Number(qty[1]!.replace(',', '.')) : null;
  let rest = qty ? t.slice(qty.index + qty[0].length) : t;
  if (qty?.[2] && !UNITS.test(qty[2])) rest = `${qty[2]} ${rest}`;
  const wh = /\b(?:for|at|to)\s+(?:the\s+)?([A-Z][A-Za-z]{1,20}(?:\s+DC)?)\b/.exec(rest);
  const by = /\bby\s+([a-z]+|\d{4}-\d{2}-\d{2})\b/i.exec(rest);
  const cut = Math.min(...[wh?.index, by?.index].filter((i): i is number => i !== undefined), rest.length);
  const productText = rest.slice(0, cut).replace(/^(?:of|some)\s+/i, '').replace(/[.,!?]+$/, '').trim() || null;
  return { quantity, productText, warehouseText: wh?.[1] ?? null, neededBy: by ? dayOf(by[1]!, now, timeZone) : null };
}

function dayOf(word: string, now: Date, timeZone: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(word)) return word;
  const today = dayIn(now, timeZone);
  const w = word.toLowerCase();
  if (w === 'today') return today;
  if (w === 'tomorrow') return addDays(today, 1);
  const target = DAYS.indexOf(w);
  if (target < 0) return null;
  const current = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, ((target - current + 7) % 7) || 7);
}
