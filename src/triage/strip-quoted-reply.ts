/**
 * Cuts an email body at the start of the quoted history, so only the newest message is read.
 * Handles "> " quotes, "On ... wrote:" and its German, Spanish, French, Dutch, Italian and
 * Portuguese forms ("Am … schrieb", "Le … a écrit", "El … escribió", "Op … schreef",
 * "Il giorno … ha scritto", "Em … escreveu"), the "-----Original Message-----" separators,
 * Outlook's "From:/Von:/De:/Van:/Da:" header blocks and forwarded-message banners.
 */

const SEPARATOR = /^\s*[-_=]{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|mensaje original|message d'origine|message original|oorspronkelijk bericht|origineel bericht|messaggio originale|mensagem original|forwarded message|weitergeleitete nachricht|mensaje reenviado|message transféré|doorgestuurd bericht|messaggio inoltrato|mensagem encaminhada)\s*[-_=]{2,}\s*$/i;
const FORWARD_BANNER = /^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|début du message réexpédié|début du message transféré|begin doorgestuurd bericht|inizio messaggio inoltrato|início da mensagem encaminhada)\s*:?\s*$/i;
const FORWARD_WORDS = /forward|weitergeleitet|reenviado|transféré|doorgestuurd|inoltrato|encaminhad/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
// Attribution lines; the wrapped form ("On Mon, ... Megan Holt\n<x@y> wrote:") is joined first.
const ATTRIBUTION = [
  /^\s*on\b.{0,250}\bwrote\s*:?\s*$/i,
  /^\s*am\b.{0,250}\bschrieb\b.{0,80}:?\s*$/i,
  /^\s*el\b.{0,250}\bescribió\s*:?\s*$/i,
  /^\s*le\b.{0,250}\ba écrit\s*:?\s*$/i,
  /^\s*op\b.{0,250}\bschreef\b.{0,80}:?\s*$/i,
  /^\s*il\b.{0,250}\bha scritto\s*:?\s*$/i,
  /^\s*em\b.{0,250}\bescreveu\s*:?\s*$/i,
  /^\s*.{0,120}<[^>]+@[^>]+>\s*(?:wrote|schrieb|escribió|a écrit|schreef|ha scritto|escreveu)\s*:?\s*$/i,
];
const ATTRIBUTION_OPENER = /^\s*(?:on|am|el|le|op|il|em)\b/i;
const HEADER_FIELD = /^\s*\*?(?:from|von|de|van|da|sent|gesendet|envoyé|enviado|verzonden|inviato|data|date|datum|fecha|to|an|para|à|a|aan|cc|subject|betreff|asunto|objet|onderwerp|oggetto|assunto)\s*\*?\s*:/i;
const HEADER_START = /^\s*\*?(?:from|von|de|van|da|envoyé|gesendet|sent|verzonden|inviato|enviado)\s*\*?\s*:/i;

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
    const isForward = SEPARATOR.test(line) && FORWARD_WORDS.test(line);
    if (SEPARATOR.test(line) || FORWARD_BANNER.test(line) || isForward) {
      return cut(lines, i, isForward || FORWARD_BANNER.test(line) || /original message|mensagem original|messaggio originale|oorspronkelijk bericht/i.test(line));
    }
    if (/^\s*>/.test(line)) return cut(lines, i, false);
    if (ATTRIBUTION.some((re) => re.test(line))) return cut(lines, i, false);
    if (ATTRIBUTION_OPENER.test(line) && ATTRIBUTION.some((re) => re.test(joined))) return cut(lines, i, false);
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
