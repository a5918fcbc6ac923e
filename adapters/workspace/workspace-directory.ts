import type { Policy } from '../../src/policy/policy-types.ts';
import { STAFF, STAFF_DOMAIN } from '../embedded-odoo/seed/users.ts';

/** A person of the local workspace: the seeded Odoo staff, with Slack-shaped ids. */
export interface WorkspaceUser {
  id: string;
  /** Slack's handle (`avery.quinn`): what interactivity payloads carry as `user.name`. */
  handle: string;
  realName: string;
  /** Their Odoo login, so users.info / users.lookupByEmail map them to Odoo users. */
  email: string;
  title: string;
  role: string;
  /** The demo accounts the README names (buyer, approver, warehouse, finance) come first in the switcher. */
  demo: boolean;
  isBot: boolean;
}

export interface WorkspaceChannel {
  id: string;
  name: string;
}

export const WORKSPACE_TEAM = { id: 'T0WORKSPACE', domain: 'local-workspace', name: 'Northgate (local workspace)' } as const;
export const WORKSPACE_APP_ID = 'A0PROCUREBOT';

/** The bot's own account: auth.test answers with it, and its messages are shown as the app's. */
export const BOT_USER: WorkspaceUser = {
  id: 'U0PROCUREBOT', handle: 'procurebot', realName: 'Procurement Bot', email: `procurebot@${STAFF_DOMAIN}`, title: 'App', role: 'bot', demo: false, isBot: true,
};
export const BOT_ID = 'B0PROCUREBOT';

/** U0AVERY for Avery Quinn: first names are unique among the seeded staff. */
function userIdOf(name: string): string {
  return `U0${name.split(' ')[0]!.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
}

export const WORKSPACE_USERS: readonly WorkspaceUser[] = [...STAFF]
  .sort((a, b) => Number(b.demo ?? false) - Number(a.demo ?? false))
  .map((s) => ({
    id: userIdOf(s.name),
    handle: s.name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
    realName: s.name,
    email: `${s.local}@${STAFF_DOMAIN}`,
    title: s.title,
    role: s.role,
    demo: s.demo ?? false,
    isBot: false,
  }));

const byId = new Map([...WORKSPACE_USERS, BOT_USER].map((u) => [u.id, u]));
const byEmail = new Map([...WORKSPACE_USERS, BOT_USER].map((u) => [u.email.toLowerCase(), u]));

export function userById(id: string): WorkspaceUser | undefined {
  return byId.get(id);
}

export function userByEmail(email: string): WorkspaceUser | undefined {
  return byEmail.get(email.trim().toLowerCase());
}

/** The DM between the bot and a person: D + the user id without its U (as the test fake does). */
export function directChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** The person a DM belongs to, or undefined when `channel` is not a DM of the workspace. */
export function directOwner(channel: string): WorkspaceUser | undefined {
  return channel.startsWith('D') ? byId.get(`U${channel.slice(1)}`) : undefined;
}

const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** `#po-approvals` -> C0POAPPROVALS: a stable id per channel name, so cards survive restarts. */
export function channelIdOf(name: string): string {
  return `C0${name.replace(/^#/, '').toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
}

/**
 * The channels: #po-approvals always, plus every channel the policy routes cards to (a policy may
 * name a channel by id, as Slack allows; it is then shown under that id).
 */
export function workspaceChannels(policy: Policy | null, extra: readonly string[] = []): WorkspaceChannel[] {
  const named = new Set<string>(['#po-approvals', ...extra.map((c) => (SLACK_CHANNEL_ID.test(c) || c.startsWith('#') ? c : `#${c}`))]);
  for (const rule of policy?.rules ?? []) if (rule.notify.channel) named.add(rule.notify.channel);
  return [...named].map((n) => (SLACK_CHANNEL_ID.test(n) ? { id: n, name: n.toLowerCase() } : { id: channelIdOf(n), name: n.replace(/^#/, '') }));
}
