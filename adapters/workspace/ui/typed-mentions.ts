import { BOT_USER, WORKSPACE_USERS, type WorkspaceUser } from '../workspace-directory.ts';

const people: readonly WorkspaceUser[] = [BOT_USER, ...WORKSPACE_USERS];
// Longest names first, so "@Avery Quinn" is not read as "@Avery" followed by text.
const names = people
  .flatMap((u) => [u.handle, u.realName].map((name) => ({ name: name.toLowerCase(), id: u.id })))
  .sort((a, b) => b.name.length - a.name.length);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MENTION = new RegExp(`(^|[^\\w@])@(${names.map((n) => escapeRegExp(n.name)).join('|')})(?![\\w.-]*\\w)`, 'giu');
const idByName = new Map(names.map((n) => [n.name, n.id]));

/**
 * What Slack's composer does when a person picks someone after typing `@`: the message text
 * carries `<@U0PROCUREBOT>` instead of the name. Here the name or handle of any member, typed
 * after `@` (`@procurebot`, `@Procurement Bot`, `@avery.quinn`), becomes that mention.
 */
export function withTypedMentions(text: string): string {
  return text.replace(MENTION, (whole, before: string, name: string) => {
    const id = idByName.get(name.toLowerCase());
    return id ? `${before}<@${id}>` : whole;
  });
}
