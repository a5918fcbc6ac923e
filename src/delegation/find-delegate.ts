import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { Approver } from '../approvals/approval-rules.ts';
import { toApprover } from '../approvals/resolve-approver.ts';
import type { OdooDomain } from '../ports/odoo-gateway.ts';
import type { DelegationDeps } from './delegation-deps.ts';
import type { DelegateTarget } from './parse-delegate-command.ts';

export type DelegateLookup = { ok: true; delegate: Approver } | { ok: false; code: 'unknown_user' | 'unmapped_user'; message: string };

/** Names compare without case, dots, underscores or dashes: `@dana.okafor` is Dana Okafor. */
const plain = (s: string) => s.toLowerCase().replace(/[._-]+/g, ' ').replace(/\s+/g, ' ').trim();

async function byWords(text: string, deps: DelegationDeps): Promise<DelegateLookup> {
  const wanted = plain(text);
  const listed = [...deps.policy.approvers.values()].find((a) => plain(a.name) === wanted || a.odooLogin.toLowerCase() === text.toLowerCase());
  const domain: OdooDomain = listed
    ? [['login', '=', listed.odooLogin]]
    : text.includes('@')
      ? ['|', ['login', '=ilike', text], ['email', '=ilike', text]]
      : [['name', '=ilike', text.replace(/[._]+/g, ' ')]];
  const users = (await deps.odoo.search('user', { domain, limit: 3 })).filter((u) => u.active && !u.share);
  if (users.length === 1) return { ok: true, delegate: toApprover(users[0]!) };
  if (users.length > 1) return { ok: false, code: 'unknown_user', message: `More than one Odoo user is called "${text}": mention the person with @ so I know which one.` };
  if (listed) return { ok: false, code: 'unmapped_user', message: `${listed.name} is in the approval policy as ${listed.odooLogin}, but no active Odoo user has that login.` };
  return { ok: false, code: 'unknown_user', message: `I can't find anyone called "${text}". Mention the person with @ (pick them from the list), or give their Odoo login.` };
}

/** resolveApprover's words about the issuer, reworded as a detail about someone else. */
const detail = (message: string) => message.replace(/ Ask an admin.*$/, '').replace(/\.$/, '').replace(/^No /, 'no ');

async function byChat(chat: ChatUserRef, label: string | null, deps: DelegationDeps): Promise<DelegateLookup> {
  const found = await deps.identify(chat);
  if (found.ok) return { ok: true, delegate: found.approver };
  const who = label ? `@${label}` : `the user ${chat.userId}`;
  switch (found.code) {
    case 'unknown_chat_user':
      return { ok: false, code: 'unknown_user', message: `I can't find ${who} in ${chat.platform === 'teams' ? 'Teams' : 'Slack'} (or it is a bot or a deactivated account).` };
    case 'no_email':
      return { ok: false, code: 'unmapped_user', message: `${who} has no email in their chat profile, so I can't match them to an Odoo user. Ask the bot admin to add them under identities: in the policy file.` };
    case 'inactive_user':
      return { ok: false, code: 'unmapped_user', message: `${who} maps to an archived or portal Odoo user, who cannot approve purchase orders.` };
    default:
      return { ok: false, code: 'unmapped_user', message: `${who} has no Odoo account I can match (${detail(found.message)}), so they could not approve for you.` };
  }
}

/** The Odoo user a delegation would go to, with the same mapping rules as approvals. */
export function findDelegate(target: DelegateTarget, deps: DelegationDeps): Promise<DelegateLookup> {
  return target.kind === 'chat' ? byChat(target.chat, target.label, deps) : byWords(target.text, deps);
}
