import { cleanEmail, isReplySubject } from '../clean-email.ts';
import { dayOf } from '../dates/calendar-day.ts';
import { findDates, type DateMention } from '../dates/find-dates.ts';
import { slashDateOrder } from '../dates/slash-date-order.ts';
import { emailReadingSchema, type EmailCategory, type EmailReader, type EmailReading, type ReadContext, type SupplierEmail } from '../email-reading.ts';
import { chooseCategory, type CategoryChoice } from './choose-category.ts';
import { chooseDeliveryDates } from './choose-dates.ts';
import { detectLanguage } from './detect-language.ts';
import { findInjectionLines } from './detect-injection.ts';
import { extractPriceChangePct, findPricePair } from './extract-price-change.ts';
import { extractQuantities } from './extract-quantities.ts';
import { scoreCategories, strongestSegment } from './score-categories.ts';
import { summarizeReading } from './summarize-reading.ts';
import { splitSegments, type Segment } from './text-segments.ts';

/** The offline provider: deterministic rules, no network, the default when no LLM is configured. */
export function createHeuristicReader(): EmailReader {
  return { read: async (email, context) => readEmailHeuristically(email, context) };
}

/** Reads an email with the rules in this folder; the result is validated against the schema. */
export function readEmailHeuristically(email: SupplierEmail, context: ReadContext): EmailReading {
  const cleaned = cleanEmail(email);
  const injectionLines = findInjectionLines(`${email.subject}\n${cleaned.fullText}`);
  // Instructions aimed at the bot are evidence of an attack, never evidence of what the email means.
  const body = withoutLines([cleaned.text, cleaned.forwardedText ?? ''].join('\n\n').trim(), injectionLines);
  const analysed = `${cleaned.subject}\n\n${body}`;
  const bodyStart = cleaned.subject.length + 2;
  const segments = splitSegments(analysed);
  const language = detectLanguage(body);
  const receivedDay = dayOf(email.receivedAt);
  const anchor = { receivedDay, language, slashOrder: slashDateOrder({ text: body, language, fullText: cleaned.fullText }) };
  const dates = chooseDeliveryDates(findDates(analysed, anchor), segments, receivedDay, context.datePlanned);

  // A reply keeps the thread's subject ("RE: revised delivery"), which may no longer be true.
  const subjectWeight = isReplySubject(email.subject) ? 0.5 : 1;
  const { scores, best } = scoreCategories(segments, (s) => (s.start < bodyStart ? subjectWeight : 1));
  const found = extractQuantities(segments);
  const quantities = found?.quantities ?? null;
  const split = quantities !== null && (quantities.shipped ?? 0) > 0 && ((quantities.backordered ?? 0) > 0 || (quantities.cancelled ?? 0) > 0);
  // A date later than the plan is a delay signal; without a plan, a future date is just a date.
  const choice = chooseCategory(scores, { split, laterDate: dates.later !== null && context.datePlanned !== null, pricePair: findPricePair(segments) !== null });
  let category: EmailCategory = choice.category;
  // "Confirmed for 03.12." when the PO says 24.11. is a delay the buyer has to handle.
  if (category === 'confirmation' && dates.later && !dates.planned) category = 'delay';

  const newEta = category === 'delay' || category === 'partial_shipment' ? (dates.later?.day ?? null) : category === 'quality_issue' ? replacementDay(dates.later, segments) : null;
  const confirmedDate = confirmedDateFor(category, dates);
  // "FYI, see the notice below -> 4% on all lines": the number may sit in the forwarded notice.
  const priceChangePct = category === 'price_change' ? (extractPriceChangePct(segments) ?? (cleaned.forwardedHistory ? extractPriceChangePct(splitSegments(withoutLines(cleaned.forwardedHistory, injectionLines))) : null)) : null;
  const partialQuantities = category === 'partial_shipment' ? quantities : null;
  const bodySegments = segments.filter((s) => s.start >= bodyStart);
  const ruleSegment = category === 'partial_shipment' && found && found.segment.start >= bodyStart && !found.segment.tableRow ? found.segment : strongestSegment(category, bodySegments);
  const evidenceSegment = pickEvidence(category, bodySegments, ruleSegment ?? best[category]?.segment, [dates.later, dates.planned, dates.confirmed]);
  const injectionSuspected = injectionLines.length > 0;

  const confidence = calibratedConfidence(category, choice);
  return emailReadingSchema.parse({
    category,
    summary: summarizeReading({
      category,
      poRef: context.poRef,
      datePlanned: context.datePlanned,
      newEta,
      confirmedDate,
      quantities: partialQuantities,
      priceChangePct,
      otherKind: otherKind(best.other?.phrase),
      injectionSuspected,
    }),
    new_eta: newEta,
    confirmed_date: confirmedDate,
    quantities: partialQuantities,
    price_change_pct: priceChangePct,
    confidence: round2(injectionSuspected ? Math.min(confidence, 0.6) : confidence),
    evidence: (evidenceSegment?.text ?? body.slice(0, 300)).slice(0, 1000),
    injection_suspected: injectionSuspected,
    provider: 'heuristic',
    fallback_reason: null,
  } satisfies EmailReading);
}

/**
 * How sure the rules are, on the scale CONFIDENT_AT (0.7) splits: "other" for want of any
 * signal, and a category that won by less than one clear phrase over the runner-up, are below
 * it (the card then asks the person to pick); a category said outright and not contested is
 * above it, more so the more the email says it. Measured on the labelled sets: see the README.
 */
function calibratedConfidence(category: EmailCategory, choice: CategoryChoice): number {
  const score = choice.scores[category];
  if (category === 'other' && choice.scores.other < 2) return 0.3;
  if (choice.margin < 2) return Math.min(0.6, 0.35 + 0.05 * score + 0.05 * Math.max(0, choice.margin));
  return Math.min(0.95, 0.55 + 0.04 * score + 0.04 * choice.margin);
}

function confirmedDateFor(category: EmailCategory, dates: ReturnType<typeof chooseDeliveryDates>): string | null {
  switch (category) {
    case 'confirmation':
      return (dates.planned ?? dates.confirmed)?.day ?? null;
    case 'partial_shipment':
      return dates.planned?.day ?? null;
    case 'cancellation':
      // "Line 3 is cancelled; the other lines are confirmed for 3/3."
      return dates.confirmed?.day ?? null;
    case 'price_change':
      // Only a date the vendor explicitly confirms; "effective 12/1" is when the price changes.
      return dates.confirmed?.day ?? null;
    default:
      return null;
  }
}

/**
 * The body sentence that best supports the reading: for a delay or a confirmation the one that
 * states the date, otherwise the one with the category's strongest phrase.
 */
function pickEvidence(category: EmailCategory, bodySegments: Segment[], ruleSegment: Segment | undefined, mentions: Array<{ start: number } | null>): Segment | undefined {
  const segmentOf = (m: { start: number } | null) => (m ? bodySegments.find((s) => m.start >= s.start && m.start < s.end) : undefined);
  const dateSegment = category === 'delay' ? segmentOf(mentions[0] ?? null) : category === 'confirmation' ? (segmentOf(mentions[1] ?? null) ?? segmentOf(mentions[2] ?? null)) : undefined;
  return dateSegment ?? ruleSegment ?? bodySegments.find((s) => !/^\s*(?:hi|hello|dear|hey|hallo|hola|bonjour|buenos|sehr geehrte|madame|monsieur)\b/i.test(s.text)) ?? bodySegments[0];
}

const REPLACEMENT = /(?<![\p{L}])(?:replacement\p{L}*|replace\p{L}*|ersatz\p{L}*|remplacement|reposición|reemplazo|sostituzion\p{L}*|vervang\p{L}*|substitui\p{L}*|correct\s+\p{L}+)(?![\p{L}])/iu;

/**
 * A quality issue moves the delivery only through the replacement goods: their date, when
 * written as a date or a week ("arrive 2/19", "in KW 8"), is the new ETA. "A date for the
 * replacement run tomorrow" is when a date will be known, not a delivery.
 */
function replacementDay(later: DateMention | null, segments: Segment[]): string | null {
  if (!later || (later.kind !== 'explicit' && later.kind !== 'iso_week')) return null;
  const segment = segments.find((s) => later.start >= s.start && later.start < s.end);
  return segment && REPLACEMENT.test(segment.text) ? later.day : null;
}

function otherKind(phrase: string | undefined): string | null {
  if (!phrase) return null;
  if (/reply|office|büro|abwesen|antwort|respuesta|oficina|réponse|bureau/i.test(phrase)) return 'out-of-office reply';
  if (/subscri|browser|newsletter|abmelden|baja|désabonn|désinscri/i.test(phrase)) return 'newsletter';
  if (/closed|holiday|ferien|urlaub|geschlossen|vacaciones|cerrad|fermeture|congés/i.test(phrase)) return 'closure or holiday notice';
  return 'general announcement';
}

function withoutLines(text: string, lines: string[]): string {
  if (lines.length === 0) return text;
  const drop = new Set(lines.map((l) => l.trim()));
  return text
    .split('\n')
    .filter((line) => !drop.has(line.trim()))
    .join('\n');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
