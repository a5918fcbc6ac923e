/* global document, window, fetch, URLSearchParams, localStorage, setTimeout */
// The local workspace's web app: pick who you are, read the bot's messages, click. Everything
// that reaches the bot goes through the workspace server, which signs it as Slack would.
import { renderBlocks } from './blocks.js';
import { confirmDialog, showModal } from './dialogs.js';
import { mrkdwn, setEmojiMap } from './mrkdwn.js';

const POLL_MS = 700;
const ROLE_LABELS = { approver: 'approver', buyer: 'buyer', warehouse: 'warehouse lead', finance: 'finance' };
const $ = (id) => document.getElementById(id);

// tab: 'messages', or 'home' (the app's Home tab, polled through the person's DM with the bot).
const state = { users: [], channels: [], bot: null, me: null, channel: null, tab: 'messages', rev: null, modal: null, polling: false, timer: null, seen: new Set() };
const HOME = 'home';

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
const txt = (value) => document.createTextNode(String(value ?? ''));

function nameOf(userId) {
  if (userId === state.bot?.id) return state.bot.name;
  if (userId === 'USLACKBOT') return 'Slackbot';
  return state.users.find((u) => u.id === userId)?.name ?? null;
}

async function api(path, body) {
  const res = await fetch(`/workspace/ui/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  return res.ok ? json : { ok: false, message: json.message ?? `HTTP ${res.status}`, ...json };
}

function toast(message) {
  const box = $('toast');
  box.textContent = message;
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 6000);
}

function conversationName(channelId) {
  const channel = state.channels.find((c) => c.id === channelId);
  return channel ? `#${channel.name}` : state.bot?.name ?? 'Direct message';
}

function renderSwitcher() {
  const select = $('as');
  select.replaceChildren();
  const demo = el('optgroup');
  demo.label = 'Demo accounts';
  const others = el('optgroup');
  others.label = 'Everyone else';
  for (const u of state.users) {
    const option = el('option', null, txt(`${u.name} (${ROLE_LABELS[u.role] ?? u.role})`));
    option.value = u.id;
    (u.demo ? demo : others).append(option);
  }
  select.append(demo, others);
  select.value = state.me.id;
}

function renderSidebar() {
  const item = (id, label) => {
    const active = state.tab === HOME ? id === HOME : id === state.channel;
    const a = el('a', active ? 'active' : '', txt(label));
    a.href = `?as=${encodeURIComponent(state.me.id)}&c=${encodeURIComponent(id)}`;
    a.dataset.channel = id;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      select(state.me.id, id);
    });
    return el('li', null, a);
  };
  $('channels').replaceChildren(...state.channels.map((c) => item(c.id, `# ${c.name}`)));
  $('dms').replaceChildren(item(state.me.dm, state.bot.name));
  // Labelled without the bot's name, so the DM stays the only link named after it.
  $('apps').replaceChildren(item(HOME, 'App Home'));
  $('me').textContent = `${state.me.title} · ${state.me.email}`;
  $('conversation-title').textContent = state.tab === HOME ? `${state.bot.name} · Home` : conversationName(state.channel);
  $('composer').hidden = state.tab === HOME;
  const dm = state.channel === state.me.dm;
  $('text').placeholder = dm
    ? `Message ${conversationName(state.channel)}: a question in plain words, or /command`
    : `Message ${conversationName(state.channel)} (@${state.bot.handle} to ask the bot, or /command)`;
}

function time(ts) {
  return new Date(Number(ts.split('.')[0]) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

async function onAction(message, { blockId, element, button, select, selected }) {
  if (element.url) window.open(element.url, '_blank', 'noopener');
  if (element.confirm && !(await confirmDialog(element.confirm))) {
    if (select) select.value = '';
    return;
  }
  if (button) button.disabled = true;
  try {
    const answer = await api('action', { user: state.me.id, channel: state.channel, ts: message.ts, blockId, actionId: element.action_id, ...(selected !== undefined ? { selected } : {}) });
    if (answer.ok === false) toast(answer.message ?? 'The app did not accept that.');
  } finally {
    if (button) button.disabled = false;
  }
  void poll();
}

function renderMessage(message) {
  const author = nameOf(message.user) ?? message.user;
  const head = el('div', 'msg-head', el('strong', 'msg-author', txt(author)));
  if (message.botId) head.append(el('span', 'badge', txt('APP')));
  head.append(el('span', 'msg-time', txt(time(message.ts))));
  if (message.edited) head.append(el('span', 'muted', txt('(edited)')));
  const body = Array.isArray(message.blocks) && message.blocks.length
    ? renderBlocks(message.blocks, { names: nameOf, onAction: (a) => onAction(message, a) })
    : el('div', 'msg-text', mrkdwn(message.text, nameOf));
  const node = el('article', `msg${message.ephemeralTo ? ' ephemeral' : ''}`, head, body);
  node.dataset.ts = message.ts;
  node.dataset.testid = 'message';
  if (message.ephemeralTo) node.append(el('div', 'msg-ephemeral-note muted', txt('Only visible to you')));
  return node;
}

function renderMessages(messages) {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const present = new Set(messages.map((m) => m.ts));
  const replies = new Map();
  // Private answers to a click (nearTs) are shown right under the message clicked, as long as it is there.
  const near = new Map();
  const top = [];
  for (const m of messages) {
    if (m.nearTs && present.has(m.nearTs)) near.set(m.nearTs, [...(near.get(m.nearTs) ?? []), m]);
    else if (m.threadTs && m.threadTs !== m.ts) replies.set(m.threadTs, [...(replies.get(m.threadTs) ?? []), m]);
    else top.push(m);
  }
  const withAnswers = (m, node) => [node, ...(near.get(m.ts) ?? []).map((answer) => {
    const answerNode = renderMessage(answer);
    answerNode.classList.add('near');
    answerNode.dataset.nearTs = m.ts;
    return answerNode;
  })];
  const nodes = top.flatMap((m) => {
    const node = renderMessage(m);
    const thread = replies.get(m.ts);
    if (thread) {
      const box = el('div', 'thread', el('div', 'thread-label muted', txt(`${thread.length} ${thread.length === 1 ? 'reply' : 'replies'}`)), ...thread.flatMap((r) => withAnswers(r, renderMessage(r))));
      node.append(box);
    }
    return withAnswers(m, node);
  });
  list.replaceChildren(...(nodes.length ? nodes : [el('p', 'muted empty', txt('No messages here yet. Cards arrive when a purchase order waits for approval.'))]));
  if (atBottom || state.rev === null) list.scrollTop = list.scrollHeight;
  // A new private answer next to a card may be far up a long channel: bring it into view.
  const fresh = [...list.querySelectorAll('article.near')].filter((n) => !state.seen.has(n.dataset.ts));
  if (state.rev !== null && fresh.length) fresh[fresh.length - 1].scrollIntoView({ block: 'nearest' });
  for (const m of messages) state.seen.add(m.ts);
}

/** The app's Home tab as the bot published it (views.publish); its buttons are block_actions from a view. */
function renderHome(home) {
  const list = $('messages');
  if (!home) {
    list.replaceChildren(el('p', 'muted empty', txt('Opening the Home tab…')));
    return;
  }
  const onAction = async ({ blockId, element, button }) => {
    if (element.url) window.open(element.url, '_blank', 'noopener');
    if (button) button.disabled = true;
    try {
      const answer = await api('home-action', { user: state.me.id, blockId, actionId: element.action_id });
      if (answer.ok === false) toast(answer.message ?? 'The app did not accept that.');
    } finally {
      if (button) button.disabled = false;
    }
    void poll();
  };
  const body = renderBlocks(home.blocks ?? [], { names: nameOf, onAction: (a) => onAction(a) });
  const node = el('section', 'home-tab', body);
  node.dataset.testid = 'home';
  list.replaceChildren(node);
}

function renderModal(modal) {
  const key = modal ? `${modal.id}/${modal.hash}` : null;
  if (state.modal?.dataset.viewKey === key) return;
  state.modal?.remove();
  state.modal = null;
  if (!modal) return;
  state.modal = showModal(modal, {
    names: nameOf,
    submit: async (record, values) => {
      const answer = await api('submit', { user: state.me.id, viewId: record.id, values });
      if (answer.closed) renderModal(null);
      void poll();
      return answer;
    },
    close: async (record) => {
      renderModal(null);
      await api('close', { user: state.me.id, viewId: record.id });
    },
    loadOptions: async (record, { blockId, actionId, value }) => {
      const answer = await api('options', { user: state.me.id, viewId: record.id, blockId, actionId, value });
      return answer.options ?? [];
    },
  });
}

async function poll() {
  if (state.polling) return;
  state.polling = true;
  const asked = { user: state.me.id, channel: state.channel };
  try {
    const query = new URLSearchParams({ user: asked.user, channel: asked.channel, ...(state.rev !== null ? { since: String(state.rev) } : {}) });
    const snapshot = await api(`state?${query}`);
    // The person switched user or conversation meanwhile: this answer is for the old one.
    if (asked.user !== state.me.id || asked.channel !== state.channel || snapshot.ok === false || snapshot.unchanged) return;
    if (state.tab === HOME) renderHome(snapshot.home);
    else renderMessages(snapshot.messages ?? []);
    renderModal(snapshot.modal);
    state.rev = snapshot.rev;
    document.body.dataset.rev = String(snapshot.rev);
  } catch {
    // The bot restarting: the next poll tries again.
  } finally {
    state.polling = false;
  }
}

function select(userId, channelId) {
  const me = state.users.find((u) => u.id === userId) ?? state.users[0];
  const visible = [...state.channels.map((c) => c.id), me.dm];
  state.me = me;
  state.tab = channelId === HOME ? HOME : 'messages';
  state.channel = state.tab === HOME ? me.dm : visible.includes(channelId) ? channelId : state.channels[0]?.id ?? me.dm;
  state.rev = null;
  state.seen = new Set();
  localStorage.setItem('workspace.as', me.id);
  window.history.replaceState(null, '', `?as=${encodeURIComponent(me.id)}&c=${encodeURIComponent(state.tab === HOME ? HOME : state.channel)}`);
  renderSwitcher();
  renderSidebar();
  renderModal(null);
  $('messages').replaceChildren();
  // Opening the Home tab tells the app (app_home_opened), which publishes it; the poll shows it.
  if (state.tab === HOME) void api('home-opened', { user: me.id }).then(() => poll());
  void poll();
}

async function sendMessage(event) {
  event.preventDefault();
  const input = $('text');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  const answer = await api('message', { user: state.me.id, channel: state.channel, text });
  if (answer.ok === false) toast(answer.message ?? 'Not sent.');
  void poll();
}

async function start() {
  const [boot, emoji] = await Promise.all([api('bootstrap'), fetch('/workspace/static/emoji.json').then((r) => r.json()).catch(() => ({}))]);
  setEmojiMap(emoji);
  Object.assign(state, { users: boot.users, channels: boot.channels, bot: boot.bot });
  $('team').textContent = boot.team.name;
  const params = new URLSearchParams(window.location.search);
  const approver = state.users.find((u) => u.demo && u.role === 'approver');
  select(params.get('as') ?? localStorage.getItem('workspace.as') ?? approver?.id, params.get('c'));
  $('as').addEventListener('change', (event) => select(event.target.value, state.tab === HOME ? HOME : state.channel));
  $('composer').addEventListener('submit', sendMessage);
  const loop = async () => {
    await poll();
    state.timer = setTimeout(loop, POLL_MS);
  };
  void loop();
}

void start();
