import type { SupplierEmail } from './email-reading.ts';
import { decodeEntities, htmlToText } from './html-to-text.ts';
import { splitQuotedReply } from './strip-quoted-reply.ts';
import { stripSignature } from './strip-signature.ts';

/** The parts of an email a reader looks at. */
export interface CleanedEmail {
  /** The subject without RE:/AW:/Fwd: prefixes; it often carries the PO and words like "Cancel". */
  subject: string;
  /** The newest message only: no quoted history, signature, disclaimer or mobile footer. */
  text: string;
  /** The body of a forwarded message when the forwarder wrote (almost) nothing themselves. */
  forwardedText: string | null;
  /** What a forward carried below the forwarder's own words (signature removed), else null. */
  forwardedHistory: string | null;
  /** The whole body as text, history and signature included: for injection checks and locale hints. */
  fullText: string;
}

const SUBJECT_PREFIX = /^\s*(?:(?:re|aw|wg|fw|fwd|rv|tr|sv|vs|antw|r|enc|ref)\s*(?:\[\d+\])?\s*:\s*)+/i;
// A forward whose own text is shorter than this ("FYI", "see below") is read through to the forwarded message.
const MIN_OWN_TEXT = 40;

/** Reduces an email to its newest message, as text, with the subject kept apart. */
export function cleanEmail(email: Pick<SupplierEmail, 'subject' | 'text' | 'html'>): CleanedEmail {
  const body = email.text?.trim() ? decodeIfHtml(email.text) : email.html ? htmlToText(email.html) : '';
  const fullText = normalize(body);
  const split = splitQuotedReply(fullText);
  const text = stripSignature(split.newest);
  const forwardedText = split.forwarded && withoutGreeting(text).length < MIN_OWN_TEXT ? stripSignature(split.history) : null;
  const forwardedHistory = split.forwarded ? stripSignature(split.history) : null;
  return { subject: cleanSubject(email.subject), text, forwardedText, forwardedHistory, fullText };
}

/** Whether the subject says this answers or forwards an earlier email (its words may be the older message's). */
export function isReplySubject(subject: string): boolean {
  return SUBJECT_PREFIX.test(subject);
}

/** The subject without reply and forward prefixes. */
export function cleanSubject(subject: string): string {
  return subject.replace(SUBJECT_PREFIX, '').trim();
}

function decodeIfHtml(text: string): string {
  // Some gateways put HTML in the text field; a few tags are enough to tell.
  return /<(?:html|body|div|p|br|table)\b/i.test(text) ? htmlToText(text) : decodeEntities(text);
}

function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
}

function withoutGreeting(text: string): string {
  return text.replace(/^\s*(?:hi|hello|dear|hallo|hola|bonjour|beste|geachte|buongiorno|gentile|olá|ola|bom dia|prezad[oa])\b[^\n,]*,?/i, '').trim();
}
