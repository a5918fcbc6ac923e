/**
 * Plain text from an email's HTML body, without a library: block elements become line breaks,
 * entities are decoded, scripts, styles and the head are dropped, and the content of
 * <blockquote> (how mail clients quote the previous message) is prefixed with "> " so the
 * quoted-reply stripper treats it like a plain-text quote.
 */

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre', 'section', 'article', 'header', 'footer', 'address']);
const DROPPED_TAGS = new Set(['script', 'style', 'head', 'title', 'noscript', 'template']);

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", euro: '€', pound: '£', yen: '¥', copy: '©', reg: '®',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', deg: '°',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è', ecirc: 'ê',
  Eacute: 'É', agrave: 'à', aacute: 'á', acirc: 'â', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', Ntilde: 'Ñ',
  ccedil: 'ç', ocirc: 'ô', ucirc: 'û', icirc: 'î', iexcl: '¡', iquest: '¿', ordm: 'º', ordf: 'ª', times: '×', shy: '',
};

/** Decodes named and numeric character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The readable text of an HTML document or fragment. */
export function htmlToText(html: string): string {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  let out = '';
  let dropDepth = 0;
  let quoteDepth = 0;
  for (const token of withoutComments.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|</g)) {
    const raw = token[0];
    const tag = token[1]?.toLowerCase();
    if (!tag) {
      if (dropDepth === 0) out += raw.replace(/\s+/g, ' ');
      continue;
    }
    const closing = raw.startsWith('</');
    if (DROPPED_TAGS.has(tag)) {
      dropDepth = Math.max(0, dropDepth + (closing ? -1 : 1));
      continue;
    }
    if (dropDepth > 0) continue;
    if (tag === 'blockquote') {
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
      out += `\n\uE000${quoteDepth}\n`;
      continue;
    }
    if (tag === 'td' || tag === 'th') out += closing ? ' | ' : '';
    else if (tag === 'li' && !closing) out += '\n- ';
    else if (BLOCK_TAGS.has(tag)) out += '\n';
  }
  return prefixQuotes(decodeEntities(out))
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/\s*\|\s*$/, '').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Turns the blockquote depth markers into "> " prefixes on every line inside the quote. */
function prefixQuotes(text: string): string {
  let depth = 0;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const marker = /^\uE000(\d+)$/.exec(line.trim());
    if (marker) {
      depth = Number(marker[1]);
      continue;
    }
    lines.push(depth > 0 && line.trim() ? `${'> '.repeat(depth)}${line.trim()}` : line);
  }
  return lines.join('\n');
}
