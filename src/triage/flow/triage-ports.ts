import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { ChatPlatform, ChatProfile, ChatTarget, PostedMessage } from '../../ports/chat.ts';
import type { TriageCardView } from './triage-card-view.ts';
import type { TriageProposal } from './triage-proposal.ts';

/**
 * Proposals, shared by every process (Redis). `update` is a compare-and-set on the revision, so a
 * double click, two people at once or a retried job never overwrite each other.
 */
export interface TriageStore {
  /** Stores the proposal unless one with its id exists (then returns that one, created false). */
  create(proposal: TriageProposal): Promise<{ created: boolean; proposal: TriageProposal }>;
  get(id: string): Promise<TriageProposal | null>;
  /** Applies a change atomically (optimistic retry); returning the same object changes nothing. */
  update(id: string, change: (p: TriageProposal) => TriageProposal): Promise<TriageProposal | null>;
}

/** What the triage cards need from a chat platform (Slack, Teams). */
export interface TriageChat {
  postCard(target: ChatTarget, view: TriageCardView): Promise<PostedMessage>;
  updateCard(message: PostedMessage, view: TriageCardView): Promise<void>;
  /** A plain message to a channel (invoice queries routed to finance). */
  postText(platform: ChatPlatform, channel: string, text: string): Promise<PostedMessage>;
  sendEphemeral(channel: string, user: ChatUserRef, text: string): Promise<void>;
  profile(user: ChatUserRef): Promise<ChatProfile | null>;
  findByEmail(email: string): Promise<ChatUserRef | null>;
}

/** One recorded event of a proposal's life: the record of every proposal and its answer. */
export type TriageEvent =
  | { event: 'proposed'; proposalId: string; kind: TriageProposal['kind']; category: string; provider: string; fallbackReason: string | null; injection: boolean }
  | { event: 'confirmed'; proposalId: string; kind: TriageProposal['kind']; proposed: string; confirmed: string; provider: string; by: string }
  | { event: 'dismissed'; proposalId: string; kind: TriageProposal['kind']; proposed: string; provider: string; by: string };

/** Where proposals and answers are recorded and counted (Redis; /metrics reads the counts). */
export interface TriageRecorder {
  record(event: TriageEvent, at: Date): Promise<void>;
}
