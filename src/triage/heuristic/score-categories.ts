import { EMAIL_CATEGORIES, type EmailCategory } from '../email-reading.ts';
import { CATEGORY_RULES, DENIABLE, NEGATIONS, NEGATOR_BEFORE, type CategoryRule } from './category-rules.ts';
import type { Segment } from './text-segments.ts';

/** Where a category's strongest phrase was found. */
export interface CategoryHit {
  weight: number;
  segment: Segment;
  phrase: string;
}

export interface CategoryScores {
  scores: Record<EmailCategory, number>;
  /** The best-weighted sentence per category, for the evidence. */
  best: Partial<Record<EmailCategory, CategoryHit>>;
}

/**
 * Adds up the weights of the phrase rules each category's sentences match. Each rule counts
 * once per email however often it matches: repeating "cancel" five times is not five signals.
 * A phrase that is denied ("no delay expected", "this is not a price increase", "pricing
 * stays unchanged") does not count; for delays, price changes and partial shipments it counts
 * against the category, so an email about a non-change is not read as the change.
 */
export function scoreCategories(segments: Segment[], weightOf: (segment: Segment) => number = () => 1): CategoryScores {
  const scores = Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, 0])) as Record<EmailCategory, number>;
  const denied = Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, 0])) as Record<EmailCategory, number>;
  const best: CategoryScores['best'] = {};
  for (const rule of CATEGORY_RULES) {
    if (DENIABLE.includes(rule.category) && segments.some((s) => isDenied(rule, s))) denied[rule.category] += rule.weight;
    for (const segment of segments) {
      const m = rule.pattern.exec(segment.text);
      if (!m || isDenied(rule, segment)) continue;
      scores[rule.category] += rule.weight * weightOf(segment);
      const current = best[rule.category];
      if (!current || rule.weight > current.weight) best[rule.category] = { weight: rule.weight, segment, phrase: m[0] };
      break;
    }
  }
  for (const c of DENIABLE) scores[c] = Math.max(0, scores[c] - denied[c]);
  return { scores, best };
}

/** The rule matches in this sentence, but the sentence denies it (or a negator stands right before it). */
function isDenied(rule: CategoryRule, segment: Segment): boolean {
  const m = rule.pattern.exec(segment.text);
  if (!m) return false;
  if (NEGATIONS[rule.category]?.test(segment.text)) return true;
  return NEGATOR_BEFORE.test(segment.text.slice(0, m.index));
}

/** The first of `segments` carrying the strongest phrase of `category` (for the evidence). */
export function strongestSegment(category: EmailCategory, segments: Segment[]): Segment | undefined {
  const negation = NEGATIONS[category];
  let found: { weight: number; segment: Segment } | undefined;
  for (const rule of CATEGORY_RULES) {
    if (rule.category !== category || (found && found.weight >= rule.weight)) continue;
    const segment = segments.find((s) => rule.pattern.test(s.text) && !negation?.test(s.text) && !isDenied(rule, s));
    if (segment) found = { weight: rule.weight, segment };
  }
  return found?.segment;
}
