/**
 * What an approval card shows, independent of Slack or Teams. The adapters render it (Block Kit,
 * Adaptive Cards); the core builds it from the request and its state. Text fields hold RAW text
 * from Odoo (vendor names, line descriptions, reasons): renderers escape them for their markup.
 */
export interface ApprovalCardView {
  requestId: string;
  /** The version hash the buttons are pinned to; a click carries it back. */
  version: string;
  orderId: number;
  orderName: string;
  vendorName: string;
  amountTotal: number;
  currency: string;
  buyerName: string | null;
  companyName: string | null;
  /** ISO instant, or null. */
  datePlanned: string | null;
  /** The first lines, in order; `moreLines` counts the rest. */
  lines: ApprovalCardLine[];
  moreLines: number;
  /** Why it needs approval, in words (the matched policy rule). */
  reason: string;
  ruleName: string;
  /** When the PO started waiting (ISO), for "waiting 2 business hours". */
  requestedAt: string;
  /** "2 business hours", computed by the core with the policy's calendar. */
  ageText: string;
  /** Opens the PO in Odoo's web client. */
  odooUrl: string;
  /** Above this amount the Approve button asks for confirmation. */
  confirmApprove: boolean;
  status: ApprovalCardStatus;
  /** What changed since the card the user clicked on (stale card re-render), in words. */
  changes?: string[];
  /**
   * Multi-level (sequential) rules: every level of the chain and where it stands, in order.
   * Absent for single-level rules, whose cards look as before.
   */
  chain?: ApprovalChainStep[];
  /** Set on a delegate's card: the approver this card was routed away from ("on behalf of"). */
  onBehalfOf?: string;
  /** A delegate's card whose delegation was turned off while the request was open (the card stays). */
  onBehalfEnded?: boolean;
  /** Set on an absent approver's own card: who it was delegated to; the buttons stay for them. */
  delegatedTo?: { name: string; ended: boolean };
}

/** One level of a sequential approval chain as the card shows it. */
export interface ApprovalChainStep {
  /** 1-based. */
  level: number;
  /** Who the level asks, in words ("Category manager", "CFO"). */
  label: string;
  state: 'approved' | 'waiting' | 'upcoming' | 'rejected' | 'skipped';
  /** Who decided the level (approved / rejected). */
  by?: string;
  /** The absent approver a delegate decided for. */
  onBehalfOf?: string;
  /** ISO instant of the level's decision. */
  at?: string;
  /** Waiting levels: "6 business hours", with the policy's calendar. */
  waitingText?: string;
}

export interface ApprovalCardLine {
  description: string;
  quantity: number;
  uom: string | null;
  priceUnit: number;
  subtotal: number;
}

/** The card's state line and which buttons it shows. */
export type ApprovalCardStatus =
  | { kind: 'pending' }
  | { kind: 'queued'; decision: 'approve' | 'reject'; by: string; onBehalfOf?: string }
  /** `waitingForOdoo`: Odoo cannot be reached; the write-back tries again every few seconds until it answers. */
  | { kind: 'retrying'; decision: 'approve' | 'reject'; by: string; attempt: number; reason: string; waitingForOdoo?: boolean; onBehalfOf?: string }
  | { kind: 'written'; decision: 'approve' | 'reject'; by: string; at: string; reason?: string; onBehalfOf?: string }
  | { kind: 'failed'; decision: 'approve' | 'reject'; by: string; reason: string; retryableBy: ChatUserRef; onBehalfOf?: string }
  | { kind: 'decided_elsewhere'; outcome: 'approved' | 'cancelled' | 'changed' | 'reset_to_draft'; by: string | null; at: string | null };

/** A person on a chat platform, as the cards and the audit log name them. */
export interface ChatUserRef {
  platform: 'slack' | 'teams' | 'workspace';
  userId: string;
  displayName?: string;
}

/** Whether the card still offers Approve / Reject. */
export function cardIsOpen(status: ApprovalCardStatus): boolean {
  return status.kind === 'pending';
}
