import type { ChatUserRef } from './approval-card-view.ts';
import type { PoSnapshot } from './po-snapshot.ts';
import type { PostedMessage } from '../ports/chat.ts';
import type { ApprovalTarget } from './approval-rules.ts';
import type { ApprovalSubject } from '../policy/approval-subject.ts';

export type DecisionAction = 'approve' | 'reject';

/** Who decided, on which card version, and why; written once per request. */
export interface Decision {
  id: string;
  action: DecisionAction;
  actor: ChatUserRef;
  odooUserId: number;
  odooLogin: string;
  reason: string | null;
  version: string;
  at: string;
  /** Where the click came from (channel), for the audit record and the chatter note. */
  channel: string;
}

export type WritebackState =
  | { state: 'queued' }
  | { state: 'retrying'; attempt: number; reason: string }
  | { state: 'written'; at: string }
  | { state: 'failed'; reason: string; code: string };

export type RequestStatus = 'pending' | 'decided' | 'decided_elsewhere';

/**
 * One approval request: a PO that entered `to approve`, the rule that routed it, the cards
 * posted for it and, once somebody decided, the decision and its write-back state.
 */
export interface ApprovalRequest {
  id: string;
  orderId: number;
  /** Bumped on every change; card updates render the newest revision. */
  revision: number;
  version: string;
  snapshot: PoSnapshot;
  /** The same PO as the policy judges it (company, amount in company currency, categories...). */
  subject: ApprovalSubject;
  /** What changed at the last stale-card refresh, shown on the card. */
  changes: string[];
  ruleName: string;
  reason: string;
  rejectAction: 'cancel' | 'draft';
  confirmAbove: number | null;
  requestedAt: string;
  status: RequestStatus;
  decision: Decision | null;
  writeback: WritebackState | null;
  /** When the PO left `to approve` without a decision here. */
  elsewhere: { outcome: 'approved' | 'cancelled' | 'changed' | 'reset_to_draft'; by: string | null; at: string | null } | null;
  targets: ApprovalTarget[];
  cards: PostedMessage[];
  /** Reminders and escalations already done (`remind-1-2`, `escalate-2`), so each happens once. */
  stepsDone?: string[];
  /**
   * Sequential rules only: every level of the chain in order, decided one after the other by
   * different people. Absent for escalation-chain rules (one decision by anyone asked).
   */
  chain?: ChainLevel[];
}

export type ChainLevelState = 'waiting' | 'approved' | 'rejected' | 'skipped' | 'upcoming';

/** One level of a sequential approval: who it is (label), where it stands, and its decision. */
export interface ChainLevel {
  /** 1-based, as in the policy. */
  level: number;
  label: string;
  state: ChainLevelState;
  /** The level's own decision (approved / rejected); the final level's is also the request's. */
  decision: Decision | null;
  /** When the level started waiting (ISO); null while upcoming or skipped. Reminders and aging count from it. */
  since: string | null;
}
