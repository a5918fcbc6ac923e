import type { Language } from '../heuristic/detect-language.ts';
import type { SlashDateOrder } from './slash-date-order.ts';

/** A date expression found in a text and the calendar day it resolves to. */
export interface DateMention {
  day: string;
  /** Offsets into the searched text, so callers can tell which sentence it sits in. */
  start: number;
  end: number;
  text: string;
  kind: 'explicit' | 'relative' | 'iso_week' | 'weekday' | 'period';
}

/** What resolving needs: the email's received day (the anchor for "tomorrow", and the year). */
export interface DateAnchor {
  receivedDay: string;
  slashOrder: SlashDateOrder;
  /** The email's language, for chrono-node's locale parsers; English when not given. */
  language?: Language;
}
