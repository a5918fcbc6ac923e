import { EMAIL_CATEGORIES, type EmailCategory } from '../email-reading.ts';

/** On equal scores the more consequential reading wins: a recall outranks a confirmation. */
const PRIORITY: EmailCategory[] = ['quality_issue', 'cancellation', 'partial_shipment', 'price_change', 'delay', 'invoice_query', 'confirmation', 'other'];
const EXCEPTIONS = PRIORITY.filter((c) => c !== 'confirmation' && c !== 'other');
const SAYS_IT_OUTRIGHT = 3;

export interface CategoryChoice {
  category: EmailCategory;
  scores: Record<EmailCategory, number>;
  /** Score of the chosen category minus the best other one. */
  margin: number;
}

/**
 * Picks the category from the phrase scores and three facts that phrases miss: a quantity split
 * (some ships now, some later or never), a delivery date later than planned, and an old and a
 * new price side by side.
 *
 * - A confirmation is the "nothing wrong" answer, so any exception said outright beats it
 *   ("confirmed for the 24th, but we add a fuel surcharge" is a price change).
 * - A split makes it a partial shipment even when the rest is late or cancelled.
 * - With no signal worth the name, it is "other".
 */
export function chooseCategory(phraseScores: Record<EmailCategory, number>, facts: { split: boolean; laterDate: boolean; pricePair?: boolean }): CategoryChoice {
  const scores = { ...phraseScores };
  if (facts.split) scores.partial_shipment += 3;
  if (facts.pricePair) scores.price_change += 3;
  if (facts.laterDate) scores.delay += 3;
  const ranked = [...EMAIL_CATEGORIES].sort((a, b) => scores[b] - scores[a] || PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
  let category = ranked[0] ?? 'other';
  if (category === 'confirmation' || (category === 'other' && scores.other < 4)) {
    const exception = EXCEPTIONS.filter((c) => scores[c] >= SAYS_IT_OUTRIGHT).sort((a, b) => scores[b] - scores[a] || PRIORITY.indexOf(a) - PRIORITY.indexOf(b))[0];
    if (exception) category = exception;
  }
  if (facts.split && (category === 'delay' || category === 'cancellation' || category === 'confirmation')) category = 'partial_shipment';
  if (scores[category] < 2) category = 'other';
  const runnerUp = Math.max(0, ...EMAIL_CATEGORIES.filter((c) => c !== category).map((c) => scores[c]));
  return { category, scores, margin: scores[category] - runnerUp };
}
