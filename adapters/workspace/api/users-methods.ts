import { WORKSPACE_TEAM, directChannelOf, userByEmail, userById, type WorkspaceUser } from '../workspace-directory.ts';
import { fail, str, type ApiMethod } from './api-context.ts';

/** A user object as Slack's users.info answers it (with users:read.email). */
export function slackUserObject(u: WorkspaceUser): Record<string, unknown> {
  return {
    id: u.id,
    team_id: WORKSPACE_TEAM.id,
    name: u.handle,
    real_name: u.realName,
    deleted: false,
    is_bot: u.isBot,
    is_app_user: false,
    tz: 'America/Chicago',
    profile: { email: u.email, real_name: u.realName, display_name: u.realName, title: u.title },
  };
}

/** users.info: the profile whose email maps the clicker to their Odoo user. */
export const usersInfo: ApiMethod = async (args) => {
  const user = userById(str(args.user) ?? '');
  return user ? { ok: true, user: slackUserObject(user) } : fail('user_not_found');
};

/** users.lookupByEmail: approvers and buyers are found by their Odoo email. */
export const usersLookupByEmail: ApiMethod = async (args) => {
  const user = userByEmail(str(args.email) ?? '');
  return user ? { ok: true, user: slackUserObject(user) } : fail('users_not_found');
};

/** conversations.open: the bot's DM with one person (same id every time). */
export const conversationsOpen: ApiMethod = async (args, ctx) => {
  const existing = str(args.channel);
  if (existing) {
    const known = ctx.channels.some((c) => c.id === existing) || existing.startsWith('D');
    return known ? { ok: true, no_op: true, already_open: true, channel: { id: existing } } : fail('channel_not_found');
  }
  const ids = (str(args.users) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return fail('users_list_not_supplied');
  // Group DMs (several users) are not something the bot opens; Slack would make an mpim.
  if (ids.length > 1) return fail('not_implemented');
  const user = userById(ids[0]!);
  if (!user) return fail('user_not_found');
  if (user.isBot) return fail('cannot_dm_bot');
  return { ok: true, no_op: true, already_open: true, channel: { id: directChannelOf(user.id) } };
};
