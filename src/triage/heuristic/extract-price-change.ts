import { parseNumber } from './parse-number.ts';
import type { Segment } from './text-segments.ts';

const PRICE_WORDS = /(?<![\p{L}])(?:price|pricing|prices|cost|invoice\s+at|preis\p{L}*|\p{L}*preis|precio\p{L}*|prix|tarif\p{L}*|surcharge|zuschl\p{L}*|\p{L}*toeslag|prijs\p{L}*|prezz\p{L}*|preç\p{L}*|listino|increase|erhöhung|aumento|subida|hausse|augmentation|revaloris\p{L}*|rincaro|maggiorazione|verhoging|decrease|reduction|senkung|reducción|baisse|verlaging|riduzione|redução)(?![\p{L}])/iu;
const DECREASE = /(?<![\p{L}])(?:decrease|reduction|reduced|drops?|lower|cheaper|discount|senkung|gesenkt|reducción|rebaja|baja|baisse|réduction)(?![\p{L}])/iu;
const UNCHANGED = /(?<![\p{L}])(?:stays?|remains?|unchanged|as\s+quoted|bleibt|unverändert|se\s+mantiene|inchangé|ongewijzigd|blijft|invariat\p{L}*|rimane|inalterad\p{L}*|mantém)(?![\p{L}])/iu;
const PERCENT = /([+\-−]?\s?\d{1,3}(?:[.,]\d{1,2})?)\s?%/u;

const AMOUNT = String.raw`(?:[$€£]|eur|usd|gbp)?\s?(\d[\d.,]*\d|\d)\s?(?:[$€£]|eur|usd|gbp)?(?:/\p{L}+)?`;
// Pairs as (old, new) or (new, old), in the four languages.
const OLD_NEW = [
  new RegExp(String.raw`(?:from|von|de|van|da)\s+${AMOUNT}\s+(?:to|auf|a|à|para|naar|tot)\s+${AMOUNT}`, 'iu'),
  new RegExp(String.raw`${AMOUNT}\s*(?:->|→|=>)\s*${AMOUNT}`, 'iu'),
];
// A price with its currency, for pairs whose words leave room for other numbers in between.
const PRICE = String.raw`(?:[$€£]\s?(\d[\d.,]*\d|\d)|(\d[\d.,]*\d|\d)\s?(?:[€£$]|eur|usd|gbp)(?![\p{L}]))`;
const INSTEAD = String.raw`(?:statt|anstatt|instead\s+of|en\s+lugar\s+de|en\s+vez\s+de|au\s+lieu\s+de|in\s+plaats\s+van|invece\s+di|anziché|em\s+vez\s+de|ao\s+invés\s+de)`;
// "Statt 2,35 € pro 100 Stück müssen wir jetzt 2,49 € berechnen": the old price comes first.
const INSTEAD_OLD_FIRST = new RegExp(String.raw`${INSTEAD}\s+(?:the\s+|den\s+|de\s+|le\s+|il\s+|o\s+)?${PRICE}.{1,80}?${PRICE}`, 'iu');
const NEW_OLD = [
  // "are now $33.08/M; your PO has $31.50/M"
  new RegExp(String.raw`(?:now|ahora|maintenant|jetzt|nu|ora|agora)\s+${AMOUNT}.{0,40}?(?:your\s+po\s+(?:has|shows|says)|po\s+price\s+(?:is|was)|was|previously|vorher|bisher|antes|auparavant|eerder|prima)\s+${AMOUNT}`, 'iu'),
  new RegExp(String.raw`${AMOUNT}\s+${INSTEAD}\s+(?:the\s+|den\s+|de\s+|le\s+|il\s+|o\s+|dem\s+)?${AMOUNT}`, 'iu'),
  new RegExp(String.raw`${AMOUNT}\s*\(\s*(?:antes|previously|was|vorher|bisher|avant|auparavant)\s*:?\s+${AMOUNT}\s*\)`, 'iu'),
];
const OLD_LABEL = new RegExp(String.raw`(?:po|old|previous|original|quoted|alter|bisheriger|anterior|ancien)\s+(?:unit\s+)?price\s*:?\s*${AMOUNT}`, 'iu');
const NEW_LABEL = new RegExp(String.raw`(?:current|new|revised|neuer|nuevo|nouveau)\s+(?:unit\s+)?price\s*:?\s*${AMOUNT}`, 'iu');

/**
 * The signed percent of a price change: a percent written in a price sentence ("+7,5 %",
 * "increase of 6 %", "Preiserhöhung von 3,5 %"), else computed from an old and a new price
 * ("from $38.00 to $34.20", "612,95 € statt 570,19 €", "PO price: ... Current price: ...").
 * Null for fixed amounts (a $65 surcharge) or when no price is given. Rounded to 0.1.
 */
export function extractPriceChangePct(segments: Segment[]): number | null {
  const priceSegments = segments.filter((s) => PRICE_WORDS.test(s.text) && !UNCHANGED.test(s.text));
  for (const segment of priceSegments) {
    const m = PERCENT.exec(segment.text);
    if (!m) continue;
    const value = parseNumber(m[1] ?? '');
    if (value === null || value === 0 || Math.abs(value) >= 100) continue;
    return round1(value < 0 || !DECREASE.test(segment.text) ? value : -value);
  }
  const pair = findPricePair(segments);
  if (pair !== null) return pair;
  const all = segments.map((s) => s.text).join('\n');
  const oldPrice = OLD_LABEL.exec(all);
  const newPrice = NEW_LABEL.exec(all);
  if (oldPrice && newPrice) return pctOf(oldPrice[1], newPrice[1]);
  return null;
}

/**
 * The percent between an old and a new price written in one sentence ("$18.40 instead of the
 * $17.25 on your PO"), or null. A pair like this is itself the news of a price change.
 */
export function findPricePair(segments: Segment[]): number | null {
  for (const segment of segments.filter((s) => (PRICE_WORDS.test(s.text) || /->|→|=>/.test(s.text) || INSTEAD_OLD_FIRST.test(s.text)) && !UNCHANGED.test(s.text))) {
    const pct = pairPct(segment.text);
    if (pct !== null) return pct;
  }
  return null;
}

function pairPct(text: string): number | null {
  const oldFirst = INSTEAD_OLD_FIRST.exec(text);
  if (oldFirst && oldFirst.index === text.search(new RegExp(INSTEAD, 'iu'))) {
    const pct = pctOf(oldFirst[1] ?? oldFirst[2], oldFirst[3] ?? oldFirst[4]);
    if (pct !== null) return pct;
  }
  for (const re of OLD_NEW) {
    const m = re.exec(text);
    const pct = m ? pctOf(m[1], m[2]) : null;
    if (pct !== null) return pct;
  }
  for (const re of NEW_OLD) {
    const m = re.exec(text);
    const pct = m ? pctOf(m[2], m[1]) : null;
    if (pct !== null) return pct;
  }
  return null;
}

function pctOf(oldRaw: string | undefined, newRaw: string | undefined): number | null {
  const [before, after] = [parseNumber(oldRaw ?? ''), parseNumber(newRaw ?? '')];
  if (before === null || after === null || before <= 0 || before === after) return null;
  const pct = ((after - before) / before) * 100;
  // A "pair" more than doubling or collapsing is two unrelated numbers, not a price change.
  return Math.abs(pct) < 60 ? round1(pct) : null;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
