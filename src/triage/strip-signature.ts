/**
 * Removes what is not the message from the newest part of an email: legal disclaimers, mobile
 * footers, the signature block (after "-- ", after a closing like "Best regards" or
 * "Mit freundlichen Grüßen" when what follows looks like a signature, or after a lone sign-off
 * name), and lines that are only phone numbers, addresses or URLs.
 */

const DISCLAIMER_PARAGRAPH: RegExp[] = [
  /\bconfidentiality notice\b/i,
  /\bthis (?:e-?mail|message|communication|e-mail transmission)\b[\s\S]{0,160}\b(?:confidential|privileged|intended (?:solely |only )?for)/i,
  /\bif you (?:are not|have received)\b[\s\S]{0,80}\b(?:intended recipient|in error)\b/i,
  /\bdiese (?:e-?mail|nachricht)\b[\s\S]{0,160}\b(?:vertraulich|rechtlich geschützt)/i,
  /\bwenn sie nicht der (?:richtige|beabsichtigte) (?:adressat|empfänger)/i,
  /\baviso legal\b|\baviso de confidencialidad\b/i,
  /\beste (?:mensaje|correo)\b[\s\S]{0,160}\bconfidencial/i,
  /\bsi (?:usted )?no es (?:el )?destinatario\b/i,
  /\bce (?:message|courriel|e-?mail)\b[\s\S]{0,160}\bconfidentiel/i,
  /\bsi vous n'êtes pas (?:le )?destinataire\b/i,
  /\bdit (?:e-?mail)?bericht\b[\s\S]{0,160}\bvertrouwelijk/i,
  /\bquesto messaggio\b[\s\S]{0,160}\briservat/i,
  /\besta mensagem\b[\s\S]{0,160}\bconfidencia/i,
  /\bconfidentiality\s*:/i,
  /\bsollten sie nicht der (?:vorgesehene|richtige) empfänger/i,
  /\bavertissement\s*:/i,
  /\byou are receiving this (?:e-?mail|message) because\b/i,
];

const DROPPED_LINE: RegExp[] = [
  /^\s*(?:sent from my|sent from outlook|get outlook for|von meinem .{1,30} gesendet|enviado desde mi|envoyé de mon|verzonden vanaf mijn|inviato da|enviado do meu)\b.*$/i,
  /^\s*please consider the environment\b.*$/i,
  /^\s*(?:registered (?:in|office)|amtsgericht|geschäftsführer|ust-?id|hrb\b|registro mercantil|siret|rcs\b|kvk|handelsregister|partita iva|p\. ?iva|nif\b).*$/i,
  // Contact lines: a label then a number, or nothing but phones, emails and URLs.
  /^\s*(?:tel|tél|phone|ph|fax|mobile|mob|cell|direct|office|t|f|m|p|c)\.?\s*[:.]?\s*[+(]?\d[\d\s().\-/x]{5,}.*$/i,
  /^\s*(?:[+(]?\d[\d\s().\-/]{6,}(?:\s*(?:ext|x)\.?\s*\d+)?|www\.\S+|https?:\/\/\S+|\S+@\S+\.\S+)(?:\s*[|·,]\s*(?:[+(]?\d[\d\s().\-/]{6,}(?:\s*(?:ext|x)\.?\s*\d+)?|www\.\S+|https?:\/\/\S+|\S+@\S+\.\S+|\p{L}+\.?\s*[+(]?\d[\d\s().\-/]{5,}))*\s*$/iu,
];

// A whole line that closes the letter; what follows it is the signature.
const CLOSING = /^\s*(?:(?:best|kind|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|best|cheers|thanks|thank you|many thanks|thanks again|thanks for your (?:patience|understanding|business)|sincerely|yours (?:sincerely|faithfully)|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|viele grüße|beste grüße|liebe grüße|schöne grüße|gruß|grüße|lg|saludos(?: cordiales)?|un saludo|atentamente|cordialmente|un cordial saludo|cordialement|bien cordialement|bien à vous|sincères salutations|meilleures salutations|salutations distinguées|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groeten|hartelijke groet(?:en)?|cordiali saluti|distinti saluti|saluti|cordialmente|con i migliori saluti|atenciosamente|cumprimentos|com os melhores cumprimentos|obrigad[oa]|respectfully|sorry again)(?![\p{L}])[^\n]{0,40}$/iu;

/** The newest message without disclaimers, footers and signature. */
export function stripSignature(text: string): string {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => !DISCLAIMER_PARAGRAPH.some((re) => re.test(p)));
  const lines = paragraphs.join('\n\n').split('\n').filter((line) => !DROPPED_LINE.some((re) => re.test(line)));
  const end = signatureStart(lines);
  return lines.slice(0, end).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function signatureStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*--\s*$/.test(line)) return i;
    if (i > 0 && CLOSING.test(line) && looksLikeSignature(lines.slice(i + 1))) return i;
    if (i > 0 && isSignOffName(line, lines[i - 1] ?? '') && looksLikeSignature(lines.slice(i + 1))) return i + 1;
  }
  return lines.length;
}

/** A sign-off like "Rick", "-Sam", "ray" on its own line after a blank line. */
function isSignOffName(line: string, previous: string): boolean {
  return previous.trim() === '' && /^\s*[-–]?\s*\p{L}[\p{L}'’-]{1,20}\s*$/u.test(line) && !CLOSING.test(line);
}

/** Short lines without sentences: names, titles, company, address. */
function looksLikeSignature(rest: string[]): boolean {
  const content = rest.filter((l) => l.trim());
  if (content.length > 12) return false;
  return content.every((l) => l.length <= 90 && !/[.!?]\s+\p{Lu}.*[.!?]$/u.test(l) && !/^\s*(?:p\.?s\.?|nb)\b/i.test(l));
}
