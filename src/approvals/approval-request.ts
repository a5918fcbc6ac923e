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
  /** Set when a delegate decided for an absent approver (the approver whose authority was used). */
  onBehalfOf?: OnBehalfOf;
}

/** The absent approver a delegate acts for: their Odoo identity and name as cards show it. */
export interface OnBehalfOf {
  login: string;
  name: string;
  odooUserId: number;
}

/** An approver of a level whose cards went to their delegate (at request time, or moved later). */
export interface DelegatedApprover {
  /** The level the approver was asked at (1 for escalation-chain rules' first level). */
  level: number;
  /** The absent approver's Odoo login and name. */
  from: string;
  fromName: string;
  /** The final delegate (after following chains). */
  to: string;
  toName: string;
  /** ISO instant the request followed the delegation. */
  at: string;
  /** ISO instant the delegation was turned off while the request was open; the delegate's card stays. */
  endedAt?: string;
}

/** Whose card a posted message is, so each card can say "on behalf of" or "delegated to". */
export interface CardPerson {
  /** The Odoo login of the person the card was posted to. */
  login: string;
  /** The absent approver this card was routed away from. */
  onBehalfOf?: { login: string; name: string };
}

export type WritebackState =
  | { state: 'queued' }
  /**
   * `waitingSince`: Odoo could not be reached from this instant on (ISO); the write-back tries again
   * at a short interval without spending its attempts, until Odoo answers or the wait is too long.
   */
  | { state: 'retrying'; attempt: number; reason: string; waitingSince?: string }
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
  /**
   * The id of the decision whose Odoo write has started (set just before the bot calls Odoo to
   * approve or cancel). A re-run that finds the PO already approved or cancelled tells from it
   * whether an earlier run of this decision did that, or someone in Odoo did meanwhile.
   */
  odooWriteStarted?: string;
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
  /** Approvers whose cards went to a delegate, in the order it happened. */
  delegated?: DelegatedApprover[];
  /** The person behind each card posted to someone's DM, by cardKey (platform:channel). */
  cardPeople?: Record<string, CardPerson>;
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
