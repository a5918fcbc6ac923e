import { findPoReference, parsePoReference } from './po-reference.ts';
import type { QuestionInterpreter } from './question-interpreter.ts';
import type { StatusQuery } from './status-query.ts';

const DEFAULT_UNCONFIRMED_DAYS = 3;

// Words that end a captured name ("late from Acme at Joliet" -> vendor "Acme", warehouse "Joliet").
const STOP = String.raw`(?=\s+(?:at|in|from|by|of|older|over|more|since|page|for)\b|[?!.,;]|$)`;
const WAREHOUSE = new RegExp(String.raw`\b(?:at|in)\s+(?:the\s+)?(?:warehouse\s+)?(.+?)${STOP}`, 'i');
const VENDOR = new RegExp(String.raw`\b(?:from|by|of|for|with)\s+(?:vendor\s+|supplier\s+)?(.+?)${STOP}`, 'gi');
const DAYS = /\b(?:older\s+than|over|more\s+than|at\s+least|for|past|>)\s*(\d{1,4})\s*(?:\+\s*)?(?:business\s+|working\s+|calendar\s+)?days?\b|\b(\d{1,4})\s*\+?\s*days?\b/i;
const PAGE = /\s*\b(?:page|p\.)\s*(\d{1,3})\b\s*$/i;

const HELP = /^(?:help|\?+|h|usage|how\s+does\s+this\s+work|what\s+can\s+(?:you|i)\s+(?:do|ask))\b/i;
const APPROVALS = /\b(?:my\s+approvals?|approvals?|to\s+approve|pending\s+approvals?|waiting\s+(?:for\s+)?(?:me|my\s+approval)|need(?:s)?\s+my\s+approval|awaiting\s+my\s+approval)\b/i;
const UNCONFIRMED = /\b(?:unconfirmed|not\s+(?:yet\s+)?confirmed|no\s+(?:vendor\s+)?confirmation|without\s+confirmation|awaiting\s+(?:vendor\s+)?confirmation|never\s+confirmed)\b/i;
const LATE = /\b(?:late|overdue|stuck|delayed|behind|past\s+due|not\s+arrived|missing\s+deliver(?:y|ies))\b/i;
const MINE = /^(?:(?:show\s+|list\s+)?(?:me\s+)?)?(?:mine|my\s+(?:pos?|orders|purchase\s+orders|exceptions|problems|issues)(?:\s+with\s+(?:open\s+)?(?:exceptions|problems|issues))?|what(?:'s|\s+is)\s+wrong\s+with\s+my\s+(?:pos?|orders))\b/i;
const VENDOR_LIST = /^(?:vendor|supplier|pos?\s+(?:of|from|for)|orders?\s+(?:of|from|for)|purchase\s+orders\s+(?:of|from|for)|what\s+(?:do\s+we\s+have|is\s+open)\s+(?:with|from))\s+(.+?)[?!.]*$/i;
const WHERE_IS = /^(?:where(?:'s|\s+is)|status\s+(?:of|for)|what\s+about|how\s+is|show(?:\s+me)?|find|check)\s+(.+?)[?!.]*$/i;

const cleanName = (s: string | undefined) => (s ?? '').trim().replace(/^["'“‘]+|["'”’]+$/g, '').trim() || null;

/**
 * The deterministic reading of a question in plain words ("what's late from Acme?", "anything
 * stuck at WH-North?", "my approvals", "where is P00042", "unconfirmed older than 5 days").
 * Null when the question fits no pattern: the caller shows help, it never guesses.
 */
export function parseQuestion(input: string): StatusQuery | null {
  let text = input.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  if (!text || HELP.test(text)) return { kind: 'help' };
  let page = 1;
  const paged = PAGE.exec(text);
  if (paged) {
    page = Math.max(1, Number(paged[1]));
    text = text.slice(0, paged.index).trim();
  }

  const whole = parsePoReference(text);
  if (whole?.number != null) return { kind: 'po_status', ref: whole.raw };
  const inside = findPoReference(text);
  if (inside) return { kind: 'po_status', ref: inside.raw };

  if (UNCONFIRMED.test(text)) {
    const days = DAYS.exec(text);
    return { kind: 'unconfirmed', olderThanDays: days ? Number(days[1] ?? days[2]) : DEFAULT_UNCONFIRMED_DAYS, vendor: vendorIn(text), page };
  }
  if (APPROVALS.test(text)) return { kind: 'my_approvals', page };
  if (LATE.test(text)) {
    return { kind: 'late_receipts', warehouse: cleanName(WAREHOUSE.exec(text)?.[1]), vendor: vendorIn(text), page };
  }
  if (MINE.test(text)) return { kind: 'my_exceptions', page };
  const vendor = VENDOR_LIST.exec(text);
  if (vendor?.[1]) {
    const name = cleanName(vendor[1]);
    if (name) return { kind: 'vendor_pos', vendor: name, page };
  }
  const where = WHERE_IS.exec(text);
  if (where?.[1]) {
    const ref = parsePoReference(where[1]);
    if (ref) return { kind: 'po_status', ref: ref.raw };
  }
  // A lone token with a digit is a vendor reference (SO-58213): /po SO-58213.
  if (whole) return { kind: 'po_status', ref: whole.raw };
  return null;
}

function vendorIn(text: string): string | null {
  for (const m of text.matchAll(VENDOR)) {
    const name = cleanName(m[1]);
    // "for 10 days" is not a vendor; neither is a bare number.
    if (name && !/^\d+(?:\s*\+?\s*(?:business\s+|working\s+)?days?)?$/i.test(name)) return name;
  }
  return null;
}

/** The offline QuestionInterpreter: the deterministic parser, as a port implementation. */
export const offlineInterpreter: QuestionInterpreter = {
  interpret: async (text) => parseQuestion(text),
};
