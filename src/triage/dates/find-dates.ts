import type { DateAnchor, DateMention } from './date-mention.ts';
import { findExplicitDates } from './find-explicit-dates.ts';
import { findLocaleDates } from './find-locale-dates.ts';
import { findRelativeDates } from './find-relative-dates.ts';

export type { DateAnchor, DateMention } from './date-mention.ts';

/**
 * Every date expression in `text`, resolved against the received day, in text order. Where two
 * readings overlap ("Friday 4 Dec" is also "Friday"; "end of next week" contains "next week")
 * the longer one wins, and an explicit date beats a relative one of the same length. Then
 * chrono-node's parser for the email's language adds what the patterns here do not know
 * ("woensdag 24-03-2027", "giovedì 22/04", "two weeks from today"), where it overlaps nothing.
 */
export function findDates(text: string, anchor: DateAnchor): DateMention[] {
  const all = [...findExplicitDates(text, anchor), ...findRelativeDates(text, anchor)];
  const rank = (m: DateMention) => (m.kind === 'explicit' ? 1 : 0);
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || rank(b) - rank(a) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const mention of all) {
    if (kept.some((k) => mention.start < k.end && k.start < mention.end)) continue;
    kept.push(mention);
  }
  for (const mention of findLocaleDates(text, anchor, anchor.language ?? 'en')) {
    if (kept.some((k) => mention.start < k.end && k.start < mention.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}
