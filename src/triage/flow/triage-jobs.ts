import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { ChatPlatform } from '../../ports/chat.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import { jobId } from '../../queue/job-id.ts';
import type { TriageProposal } from './triage-proposal.ts';

/** Job names of the triage flow, by queue. */
export const TRIAGE_JOBS = {
  /** triage: a bill-mismatch exception to suggest a category for and post to finance. */
  billMismatch: 'triage-bill-mismatch',
  /** notify */
  postCard: 'triage-post-card',
  updateCards: 'triage-update-cards',
  ephemeral: 'triage-ephemeral',
  channelMessage: 'triage-channel-message',
  /** writeback: a click to process (identity, authorization, claim). */
  decide: 'triage-decide',
  /** writeback: a confirmed proposal to write to Odoo. */
  writeBack: 'triage-write-back',
  /** scan: new supplier emails in PO chatter. */
  chatterScan: 'triage-chatter-scan',
} as const;

export interface TriagePostCardJob {
  proposalId: string;
}
export interface TriageUpdateCardsJob {
  proposalId: string;
  revision: number;
}
export interface TriageEphemeralJob {
  platform: ChatPlatform;
  channel: string;
  user: ChatUserRef;
  text: string;
}
export interface TriageChannelMessageJob {
  platform: ChatPlatform;
  channel: string;
  text: string;
}
export interface TriageWriteBackJob {
  proposalId: string;
  decisionId: string;
}

export async function enqueuePostCard(queue: JobQueue, proposalId: string): Promise<void> {
  const data: TriagePostCardJob = { proposalId };
  await queue.enqueue('notify', TRIAGE_JOBS.postCard, data, { jobId: jobId('triage-post', proposalId) });
}

/** One job per revision: a later job renders the newest state anyway, so none is ever stale. */
export async function enqueueCardUpdates(queue: JobQueue, proposal: TriageProposal): Promise<void> {
  if (proposal.cards.length === 0) return;
  const data: TriageUpdateCardsJob = { proposalId: proposal.id, revision: proposal.revision };
  await queue.enqueue('notify', TRIAGE_JOBS.updateCards, data, { jobId: jobId('triage-update', proposal.id, `r${proposal.revision}`) });
}

export async function enqueueEphemeral(queue: JobQueue, job: TriageEphemeralJob, key: string): Promise<void> {
  await queue.enqueue('notify', TRIAGE_JOBS.ephemeral, job, { jobId: jobId('triage-ephemeral', key) });
}

export async function enqueueChannelMessage(queue: JobQueue, job: TriageChannelMessageJob, key: string): Promise<void> {
  await queue.enqueue('notify', TRIAGE_JOBS.channelMessage, job, { jobId: jobId('triage-message', key) });
}
