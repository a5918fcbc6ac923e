/**
 * Cuts an email body at the start of the quoted history, so only the newest message is read.
 * Handles "> " quotes, "On ... wrote:" and its German, Spanish and French forms, the
 * "-----Original Message-----" separators, Outlook's "From:/Sent:/To:" header blocks (in the
 * four languages) and forwarded-message banners.
 */

const SEPARATOR = /^\s*[-_=]{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|mensaje original|message d'origine|message original|forwarded message|weitergeleitete nachricht|mensaje reenviado|message transféré|original message)\s*[-_=]{2,}\s*$/i;
const FORWARD_BANNER = /^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|début du message réexpédié|début du message transféré)\s*:?\s*$/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
// Attribution lines; the wrapped form ("On Mon, ... Megan Holt\n<x@y> wrote:") is joined first.
const ATTRIBUTION = [
  /^\s*on\b.{0,250}\bwrote\s*:?\s*$/i,
  /^\s*am\b.{0,250}\bschrieb\b.{0,80}:?\s*$/i,
  /^\s*el\b.{0,250}\bescribió\s*:?\s*$/i,
  /^\s*le\b.{0,250}\ba écrit\s*:?\s*$/i,
  /^\s*.{0,120}<[^>]+@[^>]+>\s*(?:wrote|schrieb|escribió|a écrit)\s*:?\s*$/i,
];
const HEADER_FIELD = /^\s*\*?(?:from|von|de|sent|gesendet|envoyé|enviado|date|datum|fecha|to|an|para|à|a|cc|subject|betreff|asunto|objet)\s*\*?\s*:/i;
const HEADER_START = /^\s*\*?(?:from|von|de|envoyé|gesendet|sent)\s*\*?\s*:/i;

export interface SplitReply {
  /** The newest message. */
  newest: string;
  /** What came after the cut (quoted or forwarded history), without its leading marker. */
  history: string;
  /** The cut was a forward banner, not a reply quote. */
  forwarded: boolean;
}

/** Splits a plain-text body into the newest message and the quoted history below it. */
export function splitQuotedReply(text: string): SplitReply {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const joined = `${line} ${lines[i + 1] ?? ''}`.trim();
    const isForward = SEPARATOR.test(line) && /forward|weitergeleitet|reenviado|transféré/i.test(line);
    if (SEPARATOR.test(line) || FORWARD_BANNER.test(line) || isForward) {
      return cut(lines, i, isForward || FORWARD_BANNER.test(line) || /original message/i.test(line));
    }
    if (/^\s*>/.test(line)) return cut(lines, i, false);
    if (ATTRIBUTION.some((re) => re.test(line))) return cut(lines, i, false);
    if (/^\s*(?:on|am|el|le)\b/i.test(line) && ATTRIBUTION.some((re) => re.test(joined))) return cut(lines, i, false);
    if (UNDERSCORE_RULE.test(line) && HEADER_START.test(lines[i + 1] ?? '')) return cut(lines, i, false);
    if (HEADER_START.test(line) && looksLikeHeaderBlock(lines, i)) return cut(lines, i, false);
  }
  return { newest: text, history: '', forwarded: false };
}

function looksLikeHeaderBlock(lines: string[], start: number): boolean {
  let fields = 0;
  for (let j = start; j < Math.min(lines.length, start + 6); j++) if (HEADER_FIELD.test(lines[j] ?? '')) fields++;
  return fields >= 2;
}

function cut(lines: string[], at: number, forwarded: boolean): SplitReply {
  return {
    newest: lines.slice(0, at).join('\n').trim(),
    history: stripHeaderBlock(lines.slice(at + (/^\s*>/.test(lines[at] ?? '') ? 0 : 1))).join('\n').replace(/^\s*>\s?/gm, '').trim(),
    forwarded,
  };
}

/** Drops the From/Sent/To/Subject lines that open a forwarded or quoted message. */
function stripHeaderBlock(lines: string[]): string[] {
  let i = 0;
  while (i < lines.length && (HEADER_FIELD.test(lines[i] ?? '') || !(lines[i] ?? '').trim())) i++;
  return lines.slice(i);
}
