import type { EmailReading } from './email-reading.ts';

/**
 * The confidence from which a reading is trusted to pre-select its category on the card. Below
 * it the reader is unsure: the card shows the reading but asks the person to pick the category,
 * with nothing pre-selected. `npm run eval` reports how many answers clear it (coverage) and how
 * many of those are right; on the labelled sets that accuracy is held at >= 0.95.
 */
export const CONFIDENT_AT = 0.7;

/** The reader stands behind its category. */
export function isConfidentReading(reading: Pick<EmailReading, 'confidence'>): boolean {
  return reading.confidence >= CONFIDENT_AT;
}
