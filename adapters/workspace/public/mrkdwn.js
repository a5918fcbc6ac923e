/* global document */
// Slack mrkdwn to DOM nodes. Text only ever reaches the page through text nodes and attributes,
// never innerHTML, so whatever the bot (or Odoo data inside its cards) says renders as text.

// Slack's emoji names (iamcal's emoji-data, as emojibase-data publishes them): the workspace
// server sends the whole map once (/workspace/static/emoji.json); app.js loads it before rendering.
let EMOJI = {};

/** Sets the shortcode -> emoji map (from /workspace/static/emoji.json). */
export function setEmojiMap(map) {
  EMOJI = map && typeof map === 'object' ? map : {};
}

const ENTITY = { amp: '&', lt: '<', gt: '>' };

/** Slack escapes &, < and > in text as entities; shown, they are the characters again. */
export function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt);/g, (_, name) => ENTITY[name]);
}

/** :white_check_mark: -> the emoji; unknown names stay as typed (Slack shows them so too). */
export function emojify(text) {
  return text.replace(/:([a-z0-9_+'-]+):/g, (whole, name) => (Object.hasOwn(EMOJI, name) ? EMOJI[name] : whole));
}

const ORDINAL = (n) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
const DAY_MS = 86_400_000;

/** How many calendar days `d` is from today, in the viewer's time zone. */
function daysFromToday(d, now) {
  const midnight = (x) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  return Math.round((midnight(d) - midnight(now)) / DAY_MS);
}

function ago(d, now) {
  const s = Math.round((now.getTime() - d.getTime()) / 1000);
  const future = s < 0;
  const a = Math.abs(s);
  const [n, unit] = a < 60 ? [a, 'second'] : a < 3600 ? [Math.round(a / 60), 'minute'] : a < 86400 ? [Math.round(a / 3600), 'hour'] : a < 30 * 86400 ? [Math.round(a / 86400), 'day'] : a < 365 * 86400 ? [Math.round(a / (30 * 86400)), 'month'] : [Math.round(a / (365 * 86400)), 'year'];
  const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return future ? `in ${words}` : `${words} ago`;
}

/**
 * Slack's `<!date^seconds^{format}|fallback>`: the tokens in the viewer's own time zone and
 * locale, as Slack's clients render them ({date_num}, {date}, {date_short}, {date_long}, the
 * _pretty forms, {time}, {time_secs}, {ago}); an unknown token is left as written.
 */
export function formatSlackDate(seconds, format, now = new Date()) {
  const d = new Date(seconds * 1000);
  const month = (style) => d.toLocaleDateString(undefined, { month: style });
  const weekday = d.toLocaleDateString(undefined, { weekday: 'long' });
  const pad = (n) => String(n).padStart(2, '0');
  const pretty = (fallback) => ({ 0: 'today', [-1]: 'yesterday', 1: 'tomorrow' })[daysFromToday(d, now)] ?? fallback;
  const dateWords = `${month('long')} ${ORDINAL(d.getDate())}, ${d.getFullYear()}`;
  const dateShort = `${month('short')} ${d.getDate()}, ${d.getFullYear()}`;
  const dateLong = `${weekday}, ${dateWords}`;
  const tokens = {
    date_num: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    date: dateWords,
    date_short: dateShort,
    date_long: dateLong,
    date_pretty: pretty(dateWords),
    date_short_pretty: pretty(dateShort),
    date_long_pretty: pretty(dateLong),
    time: d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
    time_secs: d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: ago(d, now),
  };
  const out = format.replace(/\{([a-z_]+)\}/g, (whole, name) => tokens[name] ?? whole);
  // Slack capitalises a _pretty word that opens the text ("Today at ...").
  return out.replace(/^(today|yesterday|tomorrow)/, (w) => w[0].toUpperCase() + w.slice(1));
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
// One pass over the text, earliest token first: <...> (links, mentions, dates), `code`, *bold*,
// _italic_, ~strike~. Style markers only count at word boundaries, as in Slack.
const INLINE = /<([^<>\n]+)>|`([^`\n]+)`|(?<![\p{L}\p{N}])\*(?!\s)([^*\n]+?)\*(?![\p{L}\p{N}])|(?<![\p{L}\p{N}_])_(?!\s)([^_\n]+?)_(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}])~(?!\s)([^~\n]+?)~(?![\p{L}\p{N}])/gu;

function text(value) {
  return document.createTextNode(emojify(decodeEntities(value)));
}

function element(tag, className, children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children ?? []) node.append(child);
  return node;
}

/** A `<...>` token: a link, a user or channel mention, a special mention, or a date with its fallback. */
function angle(token, names) {
  const bar = token.indexOf('|');
  const target = bar >= 0 ? token.slice(0, bar) : token;
  const label = bar >= 0 ? token.slice(bar + 1) : null;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names(id) ?? (label ? decodeEntities(label) : id);
    const node = element('span', 'mention', [document.createTextNode(`@${name}`)]);
    node.dataset.userId = id;
    return node;
  }
  if (target.startsWith('#')) return element('span', 'mention', [document.createTextNode(`#${label ? decodeEntities(label) : target.slice(1)}`)]);
  if (target.startsWith('!date^')) {
    // <!date^seconds^format^optional_link|fallback>: the fallback only when it cannot be read.
    const [, rawSeconds, format = '', link] = target.split('^');
    const seconds = Number(rawSeconds);
    const fallback = decodeEntities(label ?? '');
    const readable = Number.isFinite(seconds) && format !== '';
    const node = element('time', 'date', [document.createTextNode(readable ? formatSlackDate(seconds, decodeEntities(format)) : fallback)]);
    if (Number.isFinite(seconds)) node.dateTime = new Date(seconds * 1000).toISOString();
    if (fallback) node.title = fallback;
    const url = link ? decodeEntities(link) : '';
    if (!SAFE_URL.test(url)) return node;
    const a = element('a', null, [node]);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0];
    return element('span', 'mention', [document.createTextNode(label ? decodeEntities(label) : `@${special}`)]);
  }
  const url = decodeEntities(target);
  if (!SAFE_URL.test(url)) return document.createTextNode(decodeEntities(`<${token}>`));
  const link = element('a', null, [document.createTextNode(decodeEntities(label ?? target))]);
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

/** Inline mrkdwn of one line (or of a styled span) into nodes. */
function inline(source, names) {
  const out = [];
  let last = 0;
  for (const m of source.matchAll(INLINE)) {
    if (m.index > last) out.push(text(source.slice(last, m.index)));
    if (m[1] !== undefined) out.push(angle(m[1], names));
    else if (m[2] !== undefined) out.push(element('code', null, [document.createTextNode(decodeEntities(m[2]))]));
    else if (m[3] !== undefined) out.push(element('strong', null, inline(m[3], names)));
    else if (m[4] !== undefined) out.push(element('em', null, inline(m[4], names)));
    else if (m[5] !== undefined) out.push(element('s', null, inline(m[5], names)));
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push(text(source.slice(last)));
  return out;
}

// A quote opens a line with `>` (as the bot writes it) or `&gt;` (as Slack stores what people type).
const QUOTE = /^(?:>|&gt;)/;
const QUOTE_REST = /^(?:>>>|&gt;&gt;&gt;)/;

function lines(source, names, into) {
  const all = source.split('\n');
  let quote = null;
  let restQuoted = false;
  all.forEach((line, i) => {
    if (!restQuoted && QUOTE_REST.test(line)) {
      // `>>>` quotes everything after it, to the end of the text.
      restQuoted = true;
      line = line.replace(QUOTE_REST, '').replace(/^ /, '');
      into.append((quote = element('blockquote')));
      quote.append(...inline(line, names));
      return;
    }
    if (restQuoted || QUOTE.test(line)) {
      if (quote) quote.append(document.createElement('br'));
      else into.append((quote = element('blockquote')));
      quote.append(...inline(restQuoted ? line : line.replace(QUOTE, '').replace(/^ /, ''), names));
      return;
    }
    quote = null;
    into.append(...inline(line, names));
    if (i < all.length - 1 && !QUOTE.test(all[i + 1])) into.append(document.createElement('br'));
  });
}

/**
 * Renders Slack mrkdwn into a fragment. `names(userId)` gives the display name of a mention.
 * ```preformatted``` blocks first, then quotes, then inline styles per line.
 */
export function mrkdwn(source, names = () => null) {
  const fragment = document.createDocumentFragment();
  const parts = String(source ?? '').split(/```/);
  parts.forEach((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) fragment.append(element('pre', null, [document.createTextNode(decodeEntities(part.replace(/^\n|\n$/g, '')))]));
    else lines(i % 2 === 1 ? `\`\`\`${part}` : part, names, fragment);
  });
  return fragment;
}

/** A plain_text object: no markup, emoji codes shown as emoji. */
export function plain(value) {
  return document.createTextNode(emojify(String(value ?? '')));
}
