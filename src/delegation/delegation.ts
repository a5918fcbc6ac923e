/**
 * Delegation (out of office): while an approver is away, their approvals go to someone else for a
 * range of days. Logins are Odoo logins, the identity every rule and decision is judged on.
 */
import type { ChatUserRef } from '../approvals/approval-card-view.ts';

/** A calendar day `YYYY-MM-DD`, in the policy's time zone. */
export type IsoDay = string;

/** Where a delegation was made: the policy file (read-only from chat) or `/po delegate`. */
export type DelegationSource = 'policy' | 'chat';

export interface Delegation {
  /** `policy-<n>` for the n-th entry of the file; `chat-<login>-<epoch ms>` for chat ones. */
  id: string;
  /** The absent approver's Odoo login. */
  from: string;
  /** The delegate's Odoo login. */
  to: string;
  fromName: string;
  toName: string;
  /** First day it applies, inclusive. */
  startsOn: IsoDay;
  /** Last day it applies, inclusive, in the policy's time zone. */
  until: IsoDay;
  source: DelegationSource;
  createdBy: ChatUserRef | 'policy file';
  /** ISO instant. */
  createdAt: string;
}

/** The person a request finally goes to, after following delegations. */
export interface ResolvedDelegate {
  login: string;
  name: string;
  /** Every login on the way: the absent approver first, the final delegate last (`[A, B, C]`). */
  chain: string[];
  /** The delegations followed, in order (the first is the absent approver's own). */
  via: Delegation[];
}

/** A delegation was made, replaced or ended: already-posted requests may have to move. */
export type DelegationChange =
  | { kind: 'set'; delegation: Delegation; replaced: Delegation | null }
  | { kind: 'cleared'; delegation: Delegation };

/** Same login, whatever the case (Odoo logins are matched case-insensitively elsewhere too). */
export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
