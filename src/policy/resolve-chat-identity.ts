import type { Policy } from './policy-types.ts';

export interface ChatUser {
  platform: 'slack' | 'teams';
  /** Slack user id (`U0123ABCD`) or Teams user principal name / AAD object id. */
  chatUserId: string;
  /** The profile email (Slack users.info) or the Teams UPN; null when the platform gave none. */
  email: string | null;
}

/** How to find the Odoo user behind a chat user. */
export type ChatIdentity =
  /** The policy names the Odoo login: use it as is. */
  | { kind: 'login'; login: string }
  /** Look up res.users whose login or email is this address (done by the caller). */
  | { kind: 'email'; email: string }
  /** No override and no email: no mapping, so no decision. */
  | { kind: 'none' };

/**
 * The policy's override for a chat user (identities map or an approver's slack_user_id /
 * teams_upn) if any, else the email to look up in Odoo.
 */
export function resolveChatIdentity(policy: Policy, user: ChatUser): ChatIdentity {
  const map = policy.identities[user.platform];
  // Slack ids are case-sensitive tokens; Teams ids are UPNs, which are not.
  const keys = user.platform === 'slack' ? [user.chatUserId] : [user.chatUserId.toLowerCase(), user.email?.toLowerCase()];
  for (const key of keys) {
    const login = key === undefined ? undefined : map.get(key);
    if (login !== undefined) return { kind: 'login', login };
  }
  const email = user.email?.trim();
  return email ? { kind: 'email', email } : { kind: 'none' };
}
