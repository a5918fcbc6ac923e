/**
 * How to read an ambiguous numeric date like "12/03": month first (US) or day first (the rest of
 * the world). Decided once per email, from the strongest evidence available:
 *
 * 1. The email itself: another slash date that only fits one order ("11/18" can only be
 *    month-first, "20/11" only day-first) shows how this writer writes dates.
 * 2. The language: German, Spanish, French, Dutch, Italian and Portuguese writers put the day first.
 * 3. Where the sender is, from the whole email including the signature the reader strips:
 *    a NANP phone number ("555-0148", "+1"), "Inc."/"LLC", a US state after a city, or
 *    "Month D, YYYY" in a quoted header point to the US; European phone prefixes, "GmbH",
 *    "Ltd", "plc", "S.A.", "SARL", "Sdn Bhd", "dd-Mon-yyyy" point elsewhere.
 * 4. Nothing decides: month first, because an English email with no other clue is most often
 *    from a US vendor in this business (the labelled data agrees: "12/03" from a US vendor
 *    means December 3).
 */

export type SlashDateOrder = 'month_first' | 'day_first';

export function slashDateOrder(input: { text: string; language: string; fullText: string }): SlashDateOrder {
  const own = orderFromUnambiguousDates(input.text) ?? orderFromUnambiguousDates(input.fullText);
  if (own) return own;
  if (input.language !== 'en') return 'day_first';
  const locale = localeScore(input.fullText);
  if (locale < 0) return 'day_first';
  return 'month_first';
}

function orderFromUnambiguousDates(text: string): SlashDateOrder | null {
  let monthFirst = 0;
  let dayFirst = 0;
  for (const m of text.matchAll(/(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a >= 1 && a <= 12 && b > 12 && b <= 31) monthFirst++;
    if (b >= 1 && b <= 12 && a > 12 && a <= 31) dayFirst++;
  }
  if (monthFirst > dayFirst) return 'month_first';
  if (dayFirst > monthFirst) return 'day_first';
  return null;
}

const US_HINTS: RegExp[] = [
  /(?<![\d+])(?:\(\d{3}\)\s?|\d{3}[-.])?\d{3}-\d{4}(?!\d)/, // NANP numbers, 555-0148
  /\+1[\s-]\d{3}/,
  /\b(?:Inc\.?|LLC|Corp\.?|Co\., Ltd\.? \(US\))(?:\s|$)/,
  /,\s(?:AL|AZ|CA|CO|CT|FL|GA|IL|IN|MA|MI|MN|NC|NJ|NV|NY|OH|OR|PA|TN|TX|UT|VA|WA|WI)\b/,
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/,
];
const NON_US_HINTS: RegExp[] = [
  /\+(?:3\d|4\d|6\d|8\d|9\d|2\d)[\s\d-]/, // European, Asian, African country codes
  /\b(?:GmbH|AG|Ltd|plc|S\.A\.|S\.L\.|SARL|SAS|S\.p\.A\.|B\.V\.|Sdn Bhd|Pty|KG)\b/,
  /\b\d{1,2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2,4}\b/,
  /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/,
];

/** Positive leans US, negative leans day-first. */
function localeScore(text: string): number {
  let score = 0;
  for (const hint of US_HINTS) if (hint.test(text)) score++;
  for (const hint of NON_US_HINTS) if (hint.test(text)) score--;
  return score;
}
