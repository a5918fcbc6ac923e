import type { ApprovalRequest, Decision } from '../approvals/approval-request.ts';
import type { PostedMessage } from './chat.ts';

export type ClaimResult =
  | { won: true; request: ApprovalRequest }
  | { won: false; why: 'already_decided' | 'stale' | 'closed' | 'missing'; request: ApprovalRequest | null };

/**
 * A level of a sequential chain claimed: `final` when it decided the request (the last level's
 * approve, or any reject). `level_moved`: that level no longer waits (someone else decided it);
 * `same_person`: the decider already decided another level of this PO.
 */
export type LevelClaimResult =
  | { won: true; request: ApprovalRequest; final: boolean }
  | { won: false; why: 'already_decided' | 'stale' | 'closed' | 'missing' | 'level_moved' | 'same_person'; request: ApprovalRequest | null };

/**
 * Approval requests, shared by every process (Redis). One open request per PO at a time; the
 * decision is claimed atomically, so a double click, a retried delivery or two approvers at once
 * produce one decision.
 */
export interface ApprovalStore {
  /** Opens the request unless the PO already has an open one (then returns that one, created false). */
  open(request: ApprovalRequest): Promise<{ created: boolean; request: ApprovalRequest }>;
  get(requestId: string): Promise<ApprovalRequest | null>;
  /** The PO's open request (pending, or decided and not yet closed), if any. */
  openFor(orderId: number): Promise<ApprovalRequest | null>;
  /** Ids of every open request, for reconciliation. */
  openIds(): Promise<string[]>;
  /** Sets the decision if the request is pending and pinned to `version`; else says why not. */
  claimDecision(requestId: string, version: string, decision: Decision): Promise<ClaimResult>;
  /**
   * Sequential rules: records the decision of `level` if the request is pending, pinned to
   * `version`, waits on that level, and the decider decided no other level (see decideLevel).
   */
  claimLevelDecision(requestId: string, version: string, level: number, decision: Decision): Promise<LevelClaimResult>;
  /** Applies a change atomically (optimistic retry); bumps the revision. Null if missing. */
  update(requestId: string, change: (r: ApprovalRequest) => ApprovalRequest): Promise<ApprovalRequest | null>;
  /**
   * `update` that also says whether this call changed the request (`change` returned a new object
   * for the revision it was written on), for callers where only the one that made a change acts
   * on it: of concurrent callers making the same change, exactly one gets `changed: true`.
   */
  change(requestId: string, change: (r: ApprovalRequest) => ApprovalRequest): Promise<{ request: ApprovalRequest; changed: boolean } | null>;
  addCard(requestId: string, card: PostedMessage): Promise<ApprovalRequest | null>;
  /** The PO no longer has an open request; a later `to approve` opens a new one. */
  close(requestId: string): Promise<void>;
}
