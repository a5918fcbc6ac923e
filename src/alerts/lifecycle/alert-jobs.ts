import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import type { PostedMessage } from '../../ports/chat.ts';
import { jobId } from '../../queue/job-id.ts';
import type { ExceptionClick } from './exception-click.ts';

/** Job names of the exception lifecycle, per queue. Operators see these in the queues. */
export const ALERT_JOBS = {
  // notify
  post: 'alert-post',
  update: 'alert-update',
  burstDigest: 'alert-burst-digest',
  digestPost: 'alert-digest-post',
  askBuyer: 'alert-ask-buyer',
  ephemeral: 'alert-ephemeral',
  // writeback
  click: 'alert-click',
  writeBack: 'alert-write-back',
  // scan (job schedulers)
  scanReceipts: 'alerts-scan-receipts',
  scanOrders: 'alerts-scan-orders',
  scanBills: 'alerts-scan-bills',
  tick: 'alerts-tick',
  digest: 'alerts-digest',
} as const;

export interface AlertPostJob {
  key: string;
  /** The routed channel (name or id). */
  channel: string;
  /** The post number it was queued for: an older one is skipped once a re-alert superseded it. */
  post: number;
  /** Post in this message's thread (Open from a digest). */
  threadOf?: PostedMessage;
}
export interface AlertUpdateJob {
  key: string;
  revision: number;
}
export interface BurstDigestJob {
  channel: string;
}
export interface DigestPostJob {
  channel: string;
  keys: string[];
}
export interface AskBuyerJob {
  key: string;
  actor: ChatUserRef;
  source: { channel: string; messageId?: string | undefined };
}
export interface AlertEphemeralJob {
  channel: string;
  user: ChatUserRef;
  text: string;
}
export interface AlertWriteBackJob {
  key: string;
  action: 'acknowledge' | 'own';
  /** Found in the chatter note and the activity note: a retry finds them instead of writing twice. */
  marker: string;
  actor: { chat: ChatUserRef; odooUserId: number | null; odooLogin: string | null };
  /** The Odoo user the activity goes to (null: note only). */
  assigneeId: number | null;
  at: string;
}

export async function enqueueAlertPost(queue: JobQueue, job: AlertPostJob, suffix = ''): Promise<void> {
  await queue.enqueue('notify', ALERT_JOBS.post, job, { jobId: jobId('alert-post', job.key, job.channel, `p${job.post}${suffix}`) });
}

/** One job per revision: a later job renders the newest state anyway. */
export async function enqueueAlertUpdate(queue: JobQueue, t: { key: string; revision: number }): Promise<void> {
  const data: AlertUpdateJob = { key: t.key, revision: t.revision };
  await queue.enqueue('notify', ALERT_JOBS.update, data, { jobId: jobId('alert-update', t.key, `r${t.revision}`) });
}

export async function enqueueAlertEphemeral(queue: JobQueue, job: AlertEphemeralJob, key: string): Promise<void> {
  await queue.enqueue('notify', ALERT_JOBS.ephemeral, job, { jobId: jobId('alert-ephemeral', key) });
}

/** The click itself goes through the writeback queue, like approval decisions: durable, deduplicated by click. */
export async function receiveExceptionClick(click: ExceptionClick, queue: JobQueue): Promise<void> {
  await queue.enqueue('writeback', ALERT_JOBS.click, click, { jobId: jobId('alert-click', click.clickId) });
}
