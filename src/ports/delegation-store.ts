import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { Delegation } from '../delegation/delegation.ts';

/** One change to the chat delegations, kept (capped) for the audit trail. */
export interface DelegationEvent {
  /** ISO instant. */
  at: string;
  action: 'set' | 'clear';
  by: ChatUserRef;
  delegation: Delegation;
  /** `set`: the earlier chat delegation of the same person it replaced. */
  replaced: Delegation | null;
}

export type SetDelegationOutcome<R> = { stored: true; replaced: Delegation | null } | { stored: false; refusal: R };

/**
 * The delegations made in chat (`/po delegate`), shared by every process: at most one per absent
 * approver (`from`, an Odoo login, case-insensitive). The policy file's delegations are not here:
 * they are read-only and come with the policy.
 */
export interface DelegationStore {
  /**
   * Stores `delegation` as its `from`'s one chat delegation, replacing theirs, unless `check`
   * (given every chat delegation as it stands) returns a refusal. Check and write are atomic: two
   * opposite delegations at once (A -> B, B -> A) cannot both pass a loop check.
   */
  set<R>(delegation: Delegation, check: (current: readonly Delegation[]) => R | null): Promise<SetDelegationOutcome<R>>;
  /** Ends `from`'s chat delegation; the one it ended, or null when there was none. */
  clear(from: string, by: ChatUserRef, at: Date): Promise<Delegation | null>;
  get(from: string): Promise<Delegation | null>;
  /** Every chat delegation, ended ones included until they are pruned. */
  list(): Promise<Delegation[]>;
  /** The chat delegations in force at `at` (the local day in `timeZone`). */
  listActive(at: Date, timeZone: string): Promise<Delegation[]>;
  /** Newest first. */
  events(limit?: number): Promise<DelegationEvent[]>;
}
