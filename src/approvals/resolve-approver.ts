import type { OdooUser } from '../domain/odoo-records.ts';
import type { ChatProfile } from '../ports/chat.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { ChatUserRef } from './approval-card-view.ts';
import type { Approver, ApprovalRules } from './approval-rules.ts';
import type { KnownOdooUsers } from '../ports/known-odoo-users.ts';
import { findOdooUsers } from './find-odoo-users.ts';

export type ApproverResolution =
  | { ok: true; approver: Approver; profile: ChatProfile | null }
  | { ok: false; code: 'unknown_chat_user' | 'no_email' | 'unmapped_user' | 'inactive_user'; message: string };

/**
 * Chat identity to Odoo identity: the policy's explicit mapping wins; else the chat profile's
 * email matches res.users login or email. No mapping, no decision. With `known`, a person the
 * bot read recently is not read again (and while Odoo is down, the last reading stands in).
 */
export async function resolveApprover(
  actor: ChatUserRef,
  deps: { odoo: Pick<OdooGateway, 'search'>; rules: Pick<ApprovalRules, 'loginOverride'>; profile: (u: ChatUserRef) => Promise<ChatProfile | null>; known?: KnownOdooUsers; now?: () => Date },
): Promise<ApproverResolution> {
  const override = deps.rules.loginOverride(actor.platform === 'teams' ? 'teams' : 'slack', actor.userId);
  const profile = await deps.profile(actor);
  if (!override && (!profile || profile.deleted || profile.isBot)) {
    return { ok: false, code: 'unknown_chat_user', message: `I could not find your ${actor.platform} profile, so I cannot tell who you are in Odoo.` };
  }
  const key = override ?? profile?.email ?? null;
  if (!key) {
    return { ok: false, code: 'no_email', message: 'Your chat profile has no email address, so I cannot match you to an Odoo user. Ask an admin to add you to the identities of the approval policy.' };
  }
  const users = await findOdooUsers(key, override ? 'login' : 'login-or-email', { odoo: deps.odoo, ...(deps.known ? { known: deps.known } : {}), now: deps.now ?? (() => new Date()) });
  const user = users.find((u) => u.active && !u.share);
  if (!user) {
    return users.length
      ? { ok: false, code: 'inactive_user', message: `The Odoo user ${key} is archived or a portal user; it cannot decide purchase approvals.` }
      : { ok: false, code: 'unmapped_user', message: `No Odoo user has the login or email ${key}. Ask an admin to create it, or to map you in the approval policy (identities).` };
  }
  return { ok: true, approver: toApprover(user), profile };
}

export function toApprover(user: OdooUser): Approver {
  const groups = [
    ...(user.isPurchaseUser ? ['purchase.group_purchase_user'] : []),
    ...(user.isPurchaseManager ? ['purchase.group_purchase_manager'] : []),
  ];
  return { odooUserId: user.id, login: user.login, name: user.name, email: user.email, groups, isPurchaseManager: user.isPurchaseManager, companyIds: user.companyIds };
}
