import { EMAIL_CATEGORIES, type EmailCategory } from '../email-reading.ts';
import { CATEGORY_RULES, NEGATIONS } from './category-rules.ts';
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
 */
export function scoreCategories(segments: Segment[], weightOf: (segment: Segment) => number = () => 1): CategoryScores {
  const scores = Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, 0])) as Record<EmailCategory, number>;
  const best: CategoryScores['best'] = {};
  for (const rule of CATEGORY_RULES) {
    const negation = NEGATIONS[rule.category];
    for (const segment of segments) {
      const m = rule.pattern.exec(segment.text);
      if (!m || negation?.test(segment.text)) continue;
      scores[rule.category] += rule.weight * weightOf(segment);
      const current = best[rule.category];
      if (!current || rule.weight > current.weight) best[rule.category] = { weight: rule.weight, segment, phrase: m[0] };
      break;
    }
  }
  return { scores, best };
}

/** The first of `segments` carrying the strongest phrase of `category` (for the evidence). */
export function strongestSegment(category: EmailCategory, segments: Segment[]): Segment | undefined {
  const negation = NEGATIONS[category];
  let found: { weight: number; segment: Segment } | undefined;
  for (const rule of CATEGORY_RULES) {
    if (rule.category !== category || (found && found.weight >= rule.weight)) continue;
    const segment = segments.find((s) => rule.pattern.test(s.text) && !negation?.test(s.text));
    if (segment) found = { weight: rule.weight, segment };
  }
  return found?.segment;
}
