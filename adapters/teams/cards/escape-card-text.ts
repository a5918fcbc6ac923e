/**
 * Text for Adaptive Cards in Teams: raw text from Odoo and supplier emails made inert for the
 * TextBlock / FactSet markdown subset (bold, italic, strike, code, links, lists, headings) and for
 * the `{{DATE(...)}}` / `{{TIME(...)}}` functions, then cut to a length. A vendor called
 * `*ACME* [pay here](http://evil)` renders as exactly those characters: nothing is styled, linked
 * or turned into a date.
 *
 * Markdown punctuation gets a CommonMark backslash escape (Teams desktop, web, iOS and Android all
 * honour it; older Android builds showed the backslash, harmless). The date functions are parsed
 * before markdown, so a backslash does not stop them: a zero-width space between the braces does.
 * Bare `http://` links are auto-linked by Teams: a zero-width space after the scheme stops that.
 */

const ELLIPSIS = '…';
const ZWSP = '\u200b';

// Every character the Teams markdown subset (or CommonMark, which the desktop client uses) gives a
// meaning inline: emphasis, strike, code, links/images, html/autolinks, entities, the escape itself.
const INLINE = /[\\*_~`[\]()<>&!|#]/g;
// At the start of a line: list markers (`- `, `+ `, `1. `, `1) `), headings, quotes.
const LEADING_LIST = /^(\s*)([-+])(?=\s|$)/gm;
const LEADING_NUMBER = /^(\s*)(\d{1,9})([.)])(?=\s|$)/gm;
const LEADING_QUOTE = /^(\s*)(=+|-{3,})\s*$/gm;
// `{{DATE(...)}}` and friends, with or without spaces: break every `{{`.
const FUNCTION_OPEN = /\{(?=\{)/g;
const SCHEME = /\b([a-z][a-z0-9+.-]{1,20}):\/\//gi;

export interface CardTextOptions {
  /** Collapse line breaks and runs of spaces into single spaces (names, fields, titles). */
  singleLine?: boolean;
}

export interface CardTextWithinOptions extends CardTextOptions {
  /**
   * The record in Odoo that holds the whole text: when the text is cut, a link to it follows the
   * ellipsis, so nothing is lost to the reader, only moved one tap away.
   */
  fullTextAt?: string | null;
}

/** The words of the link after a cut text. */
export const FULL_TEXT_LINK_LABEL = 'full text in Odoo';

/** Raw text -> inert Adaptive Card markdown (no length limit; see cardTextWithin). */
export function escapeCardText(raw: string, options: CardTextOptions = {}): string {
  let text = normalize(raw, options.singleLine ?? false);
  text = text.replace(INLINE, (c) => `\\${c}`);
  text = text.replace(LEADING_LIST, (_m, space: string, marker: string) => `${space}\\${marker}`);
  text = text.replace(LEADING_NUMBER, (_m, space: string, digits: string, mark: string) => `${space}${digits}\\${mark}`);
  text = text.replace(LEADING_QUOTE, (m) => m.replace(/[=-]/g, (c) => `\\${c}`));
  text = text.replace(FUNCTION_OPEN, `{${ZWSP}`);
  text = text.replace(SCHEME, (_m, scheme: string) => `${scheme}:${ZWSP}//`);
  // Markdown needs a blank line for a break; a single \n would join the lines on desktop.
  return options.singleLine ? text : text.replace(/\n+/g, '\n\n');
}

/**
 * Raw text cut to `max` characters of visible text (an ellipsis marks the cut), then escaped: the
 * cut never splits an escape sequence, and the result stays within roughly twice `max`.
 */
export function cardTextWithin(raw: string, max: number, options: CardTextWithinOptions = {}): string {
  const normalized = normalize(raw, options.singleLine ?? false);
  const text = escapeCardText(cut(normalized, max), options);
  if (!options.fullTextAt || [...normalized].length <= max || !isLinkable(options.fullTextAt)) return text;
  return `${text} [${FULL_TEXT_LINK_LABEL}](${options.fullTextAt.replace(/[()<>\s]/g, encodeURIComponent)})`;
}

// The same rule as adaptive-card.ts isWebUrl (kept here: that module imports this one).
function isLinkable(url: string): boolean {
  return url.length <= 2_048 && /^https?:\/\/[^\s<>"]+$/i.test(url);
}

/** Plain text for places that take no markdown (button titles, input labels, fallback text). */
export function plainCardText(raw: string, max: number): string {
  return cut(normalize(raw, true), max);
}

function normalize(raw: string, singleLine: boolean): string {
  // Control characters never belong on a card; \r\n and lone \r are line breaks.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (singleLine) return text.replace(/\s+/g, ' ').trim();
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function cut(text: string, max: number): string {
  if (max < 1) return '';
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}${ELLIPSIS}`;
}
