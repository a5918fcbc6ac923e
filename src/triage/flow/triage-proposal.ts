import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { PostedMessage } from '../../ports/chat.ts';
import { isConfidentReading } from '../confidence.ts';
import type { EmailReading } from '../email-reading.ts';
import type { MismatchCategory } from '../finance/mismatch-category.ts';

/** Who decided a proposal, what they confirmed, and where; written once per proposal. */
export interface TriageDecision {
  id: string;
  action: 'confirm' | 'dismiss';
  /** The category confirmed (the proposed one, or the one the person changed it to). */
  category: string;
  actor: ChatUserRef;
  odooUserId: number;
  odooLogin: string;
  at: string;
  channel: string;
}

export type TriageWriteback =
  | { state: 'queued' }
  | { state: 'retrying'; attempt: number; reason: string }
  | { state: 'written'; at: string; summary: string }
  | { state: 'failed'; reason: string; code: string };

/** Where the card goes: the PO's buyer (found in chat by their Odoo email), or a channel. */
export type CardTarget = { kind: 'odoo-user'; odooUserId: number; fallbackChannel: string } | { kind: 'channel'; channel: string };

/** The PO an email was matched to, as the card and the write-back need it. */
export interface OrderFacts {
  id: number;
  name: string;
  state: string;
  vendorName: string | null;
  buyerId: number | null;
  buyerName: string | null;
  companyId: number | null;
  warehouseId: number | null;
  warehouseName: string | null;
  /** The PO's planned date, YYYY-MM-DD (UTC day). */
  datePlanned: string | null;
}

interface ProposalBase {
  id: string;
  /** Bumped on every change; card updates render the newest revision. */
  revision: number;
  createdAt: string;
  status: 'open' | 'confirmed' | 'dismissed';
  /** The category the provider proposed (never changes). */
  proposed: string;
  /** The category the card shows now: the proposal, or what a person changed it to. */
  category: string;
  /** Who changed the category last, for the card. */
  changedBy: string | null;
  decision: TriageDecision | null;
  writeback: TriageWriteback | null;
  target: CardTarget;
  cards: PostedMessage[];
}

/** A supplier email read by a provider, waiting for a person to confirm what it means. */
export interface EmailProposal extends ProposalBase {
  kind: 'supplier-email';
  /** `supplier-event`: a structured update from n8n (portal, carrier, EDI) waiting for a person, shown like an email's reading. */
  source: 'webhook' | 'odoo-chatter' | 'supplier-event';
  email: { from: string; subject: string; receivedAt: string; messageKey: string };
  match: { kind: 'chatter' | 'reference' | 'sender' | 'unmatched'; detail: string };
  order: OrderFacts | null;
  reading: EmailReading;
}

/** A bill mismatch with a suggested category, waiting for finance to confirm it. */
export interface BillProposal extends ProposalBase {
  kind: 'bill-mismatch';
  exceptionKey: string;
  exceptionType: string;
  title: string;
  bill: { id: number; name: string | null; ref: string | null; vendorName: string | null; poName: string | null; companyId: number | null };
  /** One line: why the suggested category fits the facts. */
  explanation: string;
  proposedCategory: MismatchCategory;
}

export type TriageProposal = EmailProposal | BillProposal;

/**
 * The reader was unsure of the category and nobody has picked one yet: the card asks for a
 * pick with nothing pre-selected, and Confirm waits for it.
 */
export function needsCategoryPick(p: TriageProposal): boolean {
  return p.kind === 'supplier-email' && p.status === 'open' && p.changedBy === null && !isConfidentReading(p.reading);
}

/** Confirmed, dismissed or still open: the buttons only show while open (or to retry a failed write). */
export function isOpen(p: TriageProposal): boolean {
  return p.status === 'open';
}
