import type { JobQueue } from '../ports/job-queue.ts';
import { jobId } from '../queue/job-id.ts';
import type { ApprovalClick } from './approval-click.ts';
import { APPROVAL_JOBS } from './approval-jobs.ts';

/**
 * The chat adapter's hand-off after its ack: one durable queue add, so a click is never lost
 * when a web process dies, and a retried delivery of the same click (same clickId) is one job.
 */
export async function receiveApprovalClick(click: ApprovalClick, queue: JobQueue): Promise<void> {
  await queue.enqueue('writeback', APPROVAL_JOBS.decide, click, { jobId: jobId('decide', click.clickId) });
}
