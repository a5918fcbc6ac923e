import { z } from 'zod';
import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import { jobId } from '../../queue/job-id.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import { TRIAGE_JOBS } from './triage-jobs.ts';

/**
 * A person's click on a triage card, as every chat adapter hands it to the core after its ack:
 * Confirm (with the category on the card), a new category from the select, Dismiss, or Retry.
 */
export const triageClickSchema = z.object({
  proposalId: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/),
  action: z.enum(['confirm', 'set_category', 'dismiss', 'retry']),
  /** Confirm: the category the card showed; set_category: the one picked. */
  category: z.string().regex(/^[a-z_]{2,40}$/).optional(),
  /** The card revision clicked on (for the record; the core judges by the proposal's state). */
  revision: z.number().int().nonnegative().optional(),
  actor: z.object({ platform: z.enum(['slack', 'teams', 'workspace']), userId: z.string().min(1).max(64), displayName: z.string().max(200).optional() }),
  source: z.object({ platform: z.enum(['slack', 'teams']), channel: z.string().min(1).max(128), messageId: z.string().max(128).optional() }),
  /** Unique per click delivery: a retried delivery has the same id. */
  clickId: z.string().min(1).max(200),
  clickedAt: z.string().datetime(),
});

export type TriageClick = z.infer<typeof triageClickSchema> & { actor: ChatUserRef };

/** The port the chat adapters call after their ack: one durable queue add. */
export type TriageClickSink = (click: TriageClick) => Promise<void>;

/** The adapters' hand-off: a retried delivery of the same click (same clickId) is one job. */
export async function receiveTriageClick(click: TriageClick, queue: JobQueue): Promise<void> {
  await queue.enqueue('writeback', TRIAGE_JOBS.decide, click, { jobId: jobId('triage-decide', click.clickId) });
}
