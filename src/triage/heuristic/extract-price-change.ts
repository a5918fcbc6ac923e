import { parseNumber } from './parse-number.ts';
import type { Segment } from './text-segments.ts';

const PRICE_WORDS = /(?<![\p{L}])(?:price|pricing|prices|cost|preis\p{L}*|\p{L}*preis|precio\p{L}*|prix|tarif\p{L}*|surcharge|zuschl\p{L}*|increase|erhöhung|aumento|subida|hausse|augmentation|decrease|reduction|senkung|reducción|baisse)(?![\p{L}])/iu;
const DECREASE = /(?<![\p{L}])(?:decrease|reduction|reduced|drops?|lower|cheaper|discount|senkung|gesenkt|reducción|rebaja|baja|baisse|réduction)(?![\p{L}])/iu;
const UNCHANGED = /(?<![\p{L}])(?:stays?|remains?|unchanged|as\s+quoted|bleibt|unverändert|se\s+mantiene|inchangé)(?![\p{L}])/iu;
const PERCENT = /([+\-−]?\s?\d{1,3}(?:[.,]\d{1,2})?)\s?%/u;

const AMOUNT = String.raw`(?:[$€£]|eur|usd|gbp)?\s?(\d[\d.,]*\d|\d)\s?(?:[$€£]|eur|usd|gbp)?(?:/\p{L}+)?`;
// Pairs as (old, new) or (new, old), in the four languages.
const OLD_NEW = [
  new RegExp(String.raw`(?:from|von|de)\s+${AMOUNT}\s+(?:to|auf|a|à)\s+${AMOUNT}`, 'iu'),
  new RegExp(String.raw`${AMOUNT}\s*(?:->|→|=>)\s*${AMOUNT}`, 'iu'),
];
const NEW_OLD = [
  new RegExp(String.raw`${AMOUNT}\s+(?:statt|anstatt|instead\s+of|en\s+lugar\s+de|au\s+lieu\s+de)\s+${AMOUNT}`, 'iu'),
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
  for (const segment of segments.filter((s) => (PRICE_WORDS.test(s.text) || /->|→|=>/.test(s.text)) && !UNCHANGED.test(s.text))) {
    const pct = pairPct(segment.text);
    if (pct !== null) return pct;
  }
  const all = segments.map((s) => s.text).join('\n');
  const oldPrice = OLD_LABEL.exec(all);
  const newPrice = NEW_LABEL.exec(all);
  if (oldPrice && newPrice) return pctOf(oldPrice[1], newPrice[1]);
  return null;
}

function pairPct(text: string): number | null {
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
