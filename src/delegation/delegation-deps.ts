import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { ApproverResolution } from '../approvals/resolve-approver.ts';
import type { Policy } from '../policy/policy-types.ts';
import type { DelegationStore } from '../ports/delegation-store.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { Delegation } from './delegation.ts';

/** What the delegation use cases need; the adapters bind them once (adapters/delegation). */
export interface DelegationDeps {
  store: DelegationStore;
  policy: Policy;
  /** The policy file's `delegations:` (parseDelegationsSection). */
  policyDelegations: readonly Delegation[];
  /** Chat user -> Odoo user, exactly as approvals do it (resolveApprover). */
  identify(chat: ChatUserRef): Promise<ApproverResolution>;
  /** Finds delegates named in words (a login, an email, a full name). */
  odoo: Pick<OdooGateway, 'search'>;
  now: () => Date;
  /** Where the policy file came from, for "comes from the policy file" answers. */
  policySource?: string;
}

/** The day limit of a chat delegation: a typo like 2062 should not silently route for decades. */
export const MAX_DELEGATION_DAYS = 366;
