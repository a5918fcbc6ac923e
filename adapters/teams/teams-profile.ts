import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ChatProfile } from '../../src/ports/chat.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { resolveChatIdentity } from '../../src/policy/resolve-chat-identity.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';

/**
 * A Teams person's profile for the approval use cases, with the policy's `identities.teams` (and
 * approvers' `teams_upn`) applied: those map a UPN or email to an Odoo login, and the core looks
 * the Odoo user up by the profile's address. The core's own override lookup sees only the id a
 * click carries (the AAD object id), so UPN-keyed mappings are applied here, where the UPN is known.
 */
export function teamsProfile(members: RedisMemberDirectory, policy: Policy): (user: ChatUserRef) => Promise<ChatProfile | null> {
  return async (user) => {
    if (user.platform !== 'teams') return null;
    const member = await members.get(user.userId);
    if (!member) return null;
    const email = member.email ?? member.userPrincipalName ?? null;
    const identity = resolveChatIdentity(policy, { platform: 'teams', chatUserId: member.userPrincipalName ?? member.aadObjectId ?? member.id, email: member.email ?? null });
    return { userId: member.id, displayName: member.name, email: identity.kind === 'login' ? identity.login : email, isBot: false, deleted: false };
  };
}
