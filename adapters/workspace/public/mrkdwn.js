/* global document */
// Slack mrkdwn to DOM nodes. Text only ever reaches the page through text nodes and attributes,
// never innerHTML, so whatever the bot (or Odoo data inside its cards) says renders as text.

// Symbols that common text fonts carry (a headless browser or a server often has no emoji font),
// so the card's state reads the same everywhere; other names fall back to colour emoji.
const EMOJI = {
  white_check_mark: '\u2714', heavy_check_mark: '\u2714', no_entry: '\u2716', x: '\u2716', warning: '\u26a0',
  information_source: '\u2139', hourglass_flowing_sand: '\u25f7', hourglass: '\u25f7', arrows_counterclockwise: '\u21bb',
  bell: '\ud83d\udd14', package: '\ud83d\udce6', truck: '\ud83d\ude9a', memo: '\ud83d\udcdd', eyes: '\ud83d\udc40',
  moneybag: '\ud83d\udcb0', tada: '\ud83c\udf89', rotating_light: '\ud83d\udea8', calendar: '\ud83d\udcc6', link: '\ud83d\udd17',
};

const ENTITY = { amp: '&', lt: '<', gt: '>' };

/** Slack escapes &, < and > in text as entities; shown, they are the characters again. */
export function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt);/g, (_, name) => ENTITY[name]);
}

/** :white_check_mark: -> the emoji; unknown names stay as typed. */
export function emojify(text) {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
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
    const node = element('time', 'date', [document.createTextNode(decodeEntities(label ?? ''))]);
    const seconds = Number(target.split('^')[1]);
    if (Number.isFinite(seconds)) node.dateTime = new Date(seconds * 1000).toISOString();
    return node;
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

function lines(source, names, into) {
  const all = source.split('\n');
  let quote = null;
  all.forEach((line, i) => {
    if (line.startsWith('&gt;')) {
      if (quote) quote.append(document.createElement('br'));
      else into.append((quote = element('blockquote')));
      quote.append(...inline(line.replace(/^&gt;\s?/, ''), names));
      return;
    }
    quote = null;
    into.append(...inline(line, names));
    if (i < all.length - 1 && !all[i + 1].startsWith('&gt;')) into.append(document.createElement('br'));
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
