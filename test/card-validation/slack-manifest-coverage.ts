/**
 * What the Slack app manifest must declare for the code as written: read from the code itself
 * (every `client.<family>.<method>(` call, `say(`, `app.event('…')`, `app.command('…')`,
 * `app.action` / `app.view`), then compared with manifest/slack.yaml. Slack refuses a Web API call
 * whose scope the token lacks (`missing_scope`), never sends an event the app does not subscribe
 * to, and answers "dispatch_failed" for a command it does not declare: each such gap is a feature
 * that works in tests (the fakes do not check scopes) and not in a real workspace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Bot scopes per Web API method, from each method's page (docs.slack.dev/reference/methods/<method>,
 * "Required scopes", bot token). One of `anyOf` suffices; [] means no scope. A method the code
 * calls that is missing here fails the check: look it up and add it.
 */
export const METHOD_SCOPES: Readonly<Record<string, { anyOf: readonly string[]; why?: string }>> = {
  'auth.test': { anyOf: [] },
  'chat.postMessage': { anyOf: ['chat:write'] },
  'chat.postEphemeral': { anyOf: ['chat:write'] },
  'chat.update': { anyOf: ['chat:write'] },
  'chat.delete': { anyOf: ['chat:write'] },
  'chat.scheduleMessage': { anyOf: ['chat:write'] },
  'chat.getPermalink': { anyOf: [] },
  // The docs list channels:manage, groups:write, im:write and mpim:write; the bot opens one-to-one DMs.
  'conversations.open': { anyOf: ['im:write'], why: 'the bot opens one-to-one DMs (users: one id)' },
  'conversations.info': { anyOf: ['channels:read', 'groups:read', 'im:read', 'mpim:read'] },
  'conversations.list': { anyOf: ['channels:read', 'groups:read', 'im:read', 'mpim:read'] },
  'conversations.members': { anyOf: ['channels:read', 'groups:read', 'im:read', 'mpim:read'] },
  'conversations.history': { anyOf: ['channels:history', 'groups:history', 'im:history', 'mpim:history'] },
  'conversations.replies': { anyOf: ['channels:history', 'groups:history', 'im:history', 'mpim:history'] },
  'users.info': { anyOf: ['users:read'] },
  'users.lookupByEmail': { anyOf: ['users:read.email'] },
  'users.profile.get': { anyOf: ['users.profile:read'] },
  'views.open': { anyOf: [] },
  'views.update': { anyOf: [] },
  'views.push': { anyOf: [] },
  'views.publish': { anyOf: [] },
  'reactions.add': { anyOf: ['reactions:write'] },
  'files.uploadV2': { anyOf: ['files:write'] },
  'team.info': { anyOf: ['team:read'] },
};

/** The subscription and scopes of each Events API event (docs.slack.dev/reference/events/<event>). */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.mpim': ['mpim:history'],
  member_joined_channel: ['channels:read', 'groups:read'],
  app_uninstalled: [],
  tokens_revoked: [],
};

/**
 * Scopes the manifest may ask for although no call needs them by itself, with the reason. Anything
 * else unused fails the check: an app asks for what it uses (admins read the list at install).
 */
export const EXTRA_SCOPES: Readonly<Record<string, string>> = {
  'chat:write.public': 'chat.postMessage to public channels of the policy the bot was not invited to',
  'users:read.email': 'users.info returns the profile email only with it: the Slack user is mapped to an Odoo user by email',
};

export interface SlackCodeUse {
  /** Web API method -> the files calling it. */
  methods: Map<string, string[]>;
  /** Event subscription (`message.im`, `app_mention`) -> the files handling it. */
  events: Map<string, string[]>;
  /** Slash command -> the files listening. */
  commands: Map<string, string[]>;
  /** Files with action, view or shortcut listeners (they need interactivity). */
  interactive: string[];
}

export interface SourceFile {
  path: string;
  text: string;
}

/** Every .ts file under `dirs` (relative to `root`), for scanSlackCode. */
export function sourceFiles(root: string, dirs: string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out;
}

// A file talks to Slack when it imports a Slack package or lives in the Slack adapter; the stand-in
// workspace (it answers the Web API, it does not call it) is not the bot's use.
const isSlackFile = (f: SourceFile) => !f.path.includes('workspace') && (f.path.includes('adapters/slack/') || /from '@slack\//.test(f.text));

const METHOD_CALL = /\bclient\.([a-z]+)\.([a-zA-Z]+)(?:\.([a-zA-Z]+))?\s*\(/g;
const SAY_CALL = /\bsay\(/;
const EVENT_LISTENER = /\.event\(\s*['"]([a-z_]+)['"]/g;
// `app.command('/po', …)` or `app.command(deps.command ?? '/po', …)`.
const COMMAND_LISTENER = /\.command(?:<[^>]*>)?\(\s*(?:[\w.]+\s*\?\?\s*)?['"](\/[a-z0-9_-]+)['"]/g;
const INTERACTIVE_LISTENER = /\.(action|view|shortcut|options)(?:<[^>]*>)?\(/;

/** What the Slack code uses, read from its source. */
export function scanSlackCode(files: SourceFile[]): SlackCodeUse {
  const use: SlackCodeUse = { methods: new Map(), events: new Map(), commands: new Map(), interactive: [] };
  const add = (map: Map<string, string[]>, key: string, file: string) => map.set(key, [...new Set([...(map.get(key) ?? []), file])]);
  for (const f of files.filter(isSlackFile)) {
    for (const m of f.text.matchAll(METHOD_CALL)) add(use.methods, [m[1], m[2], m[3]].filter(Boolean).join('.'), f.path);
    if (SAY_CALL.test(f.text)) add(use.methods, 'chat.postMessage', f.path);
    for (const m of f.text.matchAll(EVENT_LISTENER)) {
      const event = m[1]!;
      if (event !== 'message') add(use.events, event, f.path);
      // A message listener that answers only direct messages needs only message.im.
      else if (/channel_type\s*!==\s*['"]im['"]/.test(f.text)) add(use.events, 'message.im', f.path);
      else for (const sub of ['message.channels', 'message.groups', 'message.im', 'message.mpim']) add(use.events, sub, f.path);
    }
    for (const m of f.text.matchAll(COMMAND_LISTENER)) add(use.commands, m[1]!, f.path);
    if (INTERACTIVE_LISTENER.test(f.text)) use.interactive.push(f.path);
  }
  return use;
}

/** The parts of manifest/slack.yaml the checks read. */
export interface SlackManifest {
  features?: { app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean }; slash_commands?: Array<{ command: string; url?: string }> };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: { event_subscriptions?: { request_url?: string; bot_events?: string[] }; interactivity?: { is_enabled?: boolean; request_url?: string } };
}

/** Everything the manifest lacks (or declares without use) for this code; [] when they agree. */
export function manifestGaps(manifest: SlackManifest, use: SlackCodeUse): string[] {
  const gaps: string[] = [];
  const scopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);
  const events = new Set(manifest.settings?.event_subscriptions?.bot_events ?? []);
  const commands = new Set((manifest.features?.slash_commands ?? []).map((c) => c.command));
  const needed = new Set<string>();
  const where = (files: string[] | undefined) => (files ?? []).join(', ');

  for (const [method, files] of use.methods) {
    const rule = METHOD_SCOPES[method];
    if (!rule) {
      gaps.push(`${method} (called in ${where(files)}) has no entry in METHOD_SCOPES: add its bot scopes from docs.slack.dev/reference/methods/${method}`);
      continue;
    }
    if (rule.anyOf.length === 0) continue;
    const have = rule.anyOf.filter((s) => scopes.has(s));
    if (have.length === 0) gaps.push(`${method} (called in ${where(files)}) needs the bot scope ${rule.anyOf.join(' or ')}, which the manifest lacks`);
    for (const s of have.length ? have : rule.anyOf.slice(0, 1)) needed.add(s);
  }
  for (const [event, files] of use.events) {
    if (!events.has(event)) gaps.push(`the event ${event} (handled in ${where(files)}) is not in settings.event_subscriptions.bot_events`);
    const eventScopes = EVENT_SCOPES[event];
    if (!eventScopes) gaps.push(`the event ${event} has no entry in EVENT_SCOPES: add its scopes from docs.slack.dev/reference/events/${event}`);
    for (const s of eventScopes ?? []) {
      needed.add(s);
      if (!scopes.has(s)) gaps.push(`the event ${event} needs the bot scope ${s}, which the manifest lacks`);
    }
  }
  for (const event of events) if (!use.events.has(event)) gaps.push(`the manifest subscribes to ${event}, which no listener handles (Slack would send it and get no answer)`);
  for (const [command, files] of use.commands) if (!commands.has(command)) gaps.push(`the command ${command} (listened to in ${where(files)}) is not in features.slash_commands`);
  for (const command of commands) if (!use.commands.has(command)) gaps.push(`the manifest declares ${command}, which no listener answers`);
  if (use.commands.size > 0) {
    needed.add('commands');
    if (!scopes.has('commands')) gaps.push('slash commands need the bot scope commands, which the manifest lacks');
  }
  if (use.interactive.length > 0 && manifest.settings?.interactivity?.is_enabled !== true) gaps.push(`action and view listeners (${use.interactive.join(', ')}) need settings.interactivity.is_enabled`);
  if (use.events.has('app_home_opened') && manifest.features?.app_home?.home_tab_enabled !== true) gaps.push('app_home_opened publishes a Home tab: features.app_home.home_tab_enabled must be true');
  if (use.events.has('message.im') && (manifest.features?.app_home?.messages_tab_enabled !== true || manifest.features.app_home.messages_tab_read_only_enabled !== false)) {
    gaps.push('message.im answers people in the bot\'s DM: the Messages tab must be enabled and not read-only');
  }
  for (const s of scopes) if (!needed.has(s) && !EXTRA_SCOPES[s]) gaps.push(`the manifest asks for the bot scope ${s}, which no call, event or command of the code needs`);
  return gaps;
}
