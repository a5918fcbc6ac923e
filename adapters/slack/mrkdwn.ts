/**
 * Text for Slack: escaping of raw Odoo text for mrkdwn, and truncation to Block Kit's limits.
 * Every vendor name, line description, person name or reason that reaches a card goes through
 * here, so `<!channel>`, `<@U123>` or `<http://evil|click>` inside Odoo data renders as text and
 * can never ping anyone or hide a link.
 */

/** Block Kit limits (https://docs.slack.dev/reference/block-kit), in characters unless noted. */
export const SLACK_LIMITS = {
  messageText: 40_000,
  /** What shows in notifications; longer is cut by Slack anyway. */
  notificationText: 3_000,
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  contextText: 2_000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  buttonUrl: 3_000,
  actionId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalButton: 24,
  modalPrivateMetadata: 3_000,
  inputLabel: 2_000,
  inputPlaceholder: 150,
} as const;

const ELLIPSIS = '…';
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// A zero-width space: invisible, but it stops Slack from reading what follows as formatting.
const ZWSP = '\u200b';

/** Escapes the three characters Slack's mrkdwn parses as control sequences. */
export function escapeMrkdwn(raw: string): string {
  return raw.replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/**
 * Raw text made safe for mrkdwn: control characters dropped, `&<>` escaped, and markup that would
 * change the rest of the block neutralised (a line opening with `>` quotes, a stray ``` swallows
 * everything after it into a code block, a leading `*`/`_`/`~` may start a style).
 */
export function mrkdwnText(raw: string, options: { singleLine?: boolean } = {}): string {
  let text = stripControlChars(raw);
  if (options.singleLine) text = text.replace(/\s*[\r\n]+\s*/g, ' ');
  text = escapeMrkdwn(text);
  text = text.replace(/```/g, `\`${ZWSP}\`${ZWSP}\``);
  return text
    .split('\n')
    .map((line) => (/^(&gt;|[*_~`•#-])/.test(line) ? ZWSP + line : line))
    .join('\n');
}

/**
 * What a person typed, from the `text` of a Slack message event: the mention of `withoutUser`
 * (the bot) dropped, links and channels reduced to their label, Slack's three entities decoded
 * (so "A&amp;B Supply" is asked about as "A&B Supply"). Other people's mentions stay `<@U…>`:
 * `delegate @name` reads the account they link to.
 */
export function typedText(text: string, withoutUser?: string): string {
  return text
    .replace(/<([^<>|]+)(?:\|([^<>]*))?>/g, (whole, target: string, label: string | undefined) => {
      if (target.startsWith('@')) return withoutUser && target === `@${withoutUser}` ? ' ' : whole;
      if (target.startsWith('!')) return label ?? ' ';
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The words of the link after a cut text. */
export const FULL_TEXT_LINK_LABEL = 'full text in Odoo';

/**
 * mrkdwnText cut to `max` characters without splitting an entity like `&amp;`. With `fullTextAt`
 * (the record in Odoo), a cut text ends with the ellipsis and a link to it, still within `max`.
 */
export function mrkdwnTextWithin(raw: string, max: number, options: { singleLine?: boolean; fullTextAt?: string | null } = {}): string {
  const text = mrkdwnText(raw, options);
  if (text.length <= max) return text;
  const url = options.fullTextAt;
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return cutWithoutSplittingEntities(text, max);
  const link = ` <${url}|${FULL_TEXT_LINK_LABEL}>`;
  if (link.length * 2 > max) return cutWithoutSplittingEntities(text, max);
  return `${cutWithoutSplittingEntities(text, max - link.length)}${link}`;
}

/** Text for a plain_text object (headers, buttons, modal titles): no escaping, one line, cut. */
export function plainTextWithin(raw: string, max: number): string {
  return truncate(stripControlChars(raw).replace(/\s*[\r\n]+\s*/g, ' ').trim(), max);
}

/** Cuts to at most `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

/** Like truncate, for already-escaped mrkdwn: never leaves half an `&lt;` behind. */
export function cutWithoutSplittingEntities(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  // A lone high surrogate at the end would render as garbage.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/**
 * Joins mrkdwn lines into chunks that each fit `max` characters (a line longer than `max` is cut),
 * so long lists split across several sections or messages instead of being rejected by Slack.
 */
export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = cutWithoutSplittingEntities(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * chunkLines that stops at `maxChunks` sections, for surfaces with a block budget: the chunks,
 * and how many of the lines they hold (the caller says how many more there are).
 */
export function chunkLinesUpTo(lines: string[], max: number, maxChunks: number): { chunks: string[]; used: number } {
  const chunks: string[] = [];
  let current = '';
  let used = 0;
  for (const raw of lines) {
    const line = cutWithoutSplittingEntities(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
      if (chunks.length >= maxChunks) return { chunks, used };
    }
    current = current ? `${current}\n${line}` : line;
    used += 1;
  }
  if (current) chunks.push(current);
  return { chunks, used };
}

function stripControlChars(text: string): string {
  // Keep \n and \t; everything else below 0x20 (and DEL) only confuses renderers.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
