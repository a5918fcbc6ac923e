import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { OdooUser } from '../../domain/odoo-records.ts';
import type { ChatProfile } from '../../ports/chat.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';

export type TriageActor = { ok: true; user: OdooUser; profile: ChatProfile | null } | { ok: false; code: string; message: string };

/**
 * Chat identity to Odoo identity, as for approvals: the policy's `identities` mapping wins, else
 * the chat profile's email matches res.users login or email. No mapping, no decision.
 */
export async function resolveTriageActor(
  actor: ChatUserRef,
  deps: { odoo: Pick<OdooGateway, 'search'>; profile: (u: ChatUserRef) => Promise<ChatProfile | null>; loginOverride: (platform: 'slack' | 'teams', userId: string) => string | null },
): Promise<TriageActor> {
  const override = deps.loginOverride(actor.platform === 'teams' ? 'teams' : 'slack', actor.userId);
  const profile = await deps.profile(actor);
  if (!override && (!profile || profile.deleted || profile.isBot)) {
    return { ok: false, code: 'unknown_chat_user', message: `I could not find your ${actor.platform} profile, so I cannot tell who you are in Odoo. Nothing was changed.` };
  }
  const key = override ?? profile?.email ?? null;
  if (!key) return { ok: false, code: 'no_email', message: 'Your chat profile has no email address, so I cannot match you to an Odoo user. Nothing was changed.' };
  const users = await deps.odoo.search('user', { domain: override ? [['login', '=', override]] : ['|', ['login', '=ilike', key], ['email', '=ilike', key]], limit: 2 });
  const user = users.find((u) => u.active && !u.share);
  if (!user) return { ok: false, code: 'unmapped_user', message: `No active Odoo user has the login or email ${key}, so I cannot act for you. Nothing was changed.` };
  return { ok: true, user, profile };
}
