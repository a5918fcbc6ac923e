import type { ChatUserRef } from './approval-card-view.ts';
import type { ApprovalRequest } from './approval-request.ts';
import type { ApprovalTarget } from './approval-rules.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { PostedMessage } from '../ports/chat.ts';
import { jobId } from '../queue/job-id.ts';

/** Jobs of the notify queue for approvals; the worker renders the request's newest state. */
export const NOTIFY_JOBS = {
  postCard: 'approval-post-card',
  updateCards: 'approval-update-cards',
  postDetails: 'approval-post-details',
  ephemeral: 'send-ephemeral',
  direct: 'send-direct',
  /** The decider of a write-back that failed for good: a private message with a Retry button. */
  retryOffer: 'approval-offer-retry',
} as const;

export interface PostCardJob {
  requestId: string;
  target: ApprovalTarget;
}
export interface UpdateCardsJob {
  requestId: string;
  revision: number;
}
export interface PostDetailsJob {
  requestId: string;
  card: PostedMessage;
}
export interface EphemeralJob {
  platform: PostedMessage['platform'];
  channel: string;
  user: ChatUserRef;
  text: string;
}
export interface DirectJob {
  /** A chat user, or an Odoo user whose chat account is found by email. */
  to: { chatUser: ChatUserRef } | { odooUserId: number; platform: PostedMessage['platform'] } | { odooLogin: string; platform: PostedMessage['platform'] };
  text: string;
}

const targetKey = (t: ApprovalTarget) => {
  switch (t.kind) {
    case 'channel':
      return `${t.platform}-ch-${t.channel}`;
    case 'user':
      return `${t.platform}-u-${t.userId}`;
    case 'odoo-user':
      return `${t.platform}-odoo-${t.login}`;
    case 'odoo-group':
      return `${t.platform}-group-${t.xmlid}`;
  }
};

/** Whether two targets are the same place (a level that shares a channel with another posts no second card). */
export function sameTarget(a: ApprovalTarget, b: ApprovalTarget): boolean {
  return targetKey(a) === targetKey(b);
}

export async function enqueuePostCards(queue: JobQueue, request: Pick<ApprovalRequest, 'id' | 'targets'>): Promise<void> {
  for (const target of request.targets) {
    const data: PostCardJob = { requestId: request.id, target };
    await queue.enqueue('notify', NOTIFY_JOBS.postCard, data, { jobId: jobId('post-card', request.id, targetKey(target)) });
  }
}

/**
 * One job per revision: a later job renders the newest state anyway, so none is ever stale. A step
 * that may run twice (a write-back re-run after a crash) names itself instead, so it updates once.
 */
export async function enqueueCardUpdates(queue: JobQueue, request: ApprovalRequest, step?: string): Promise<void> {
  const data: UpdateCardsJob = { requestId: request.id, revision: request.revision };
  await queue.enqueue('notify', NOTIFY_JOBS.updateCards, data, { jobId: jobId('update-cards', request.id, step ?? `r${request.revision}`) });
}

export async function enqueueEphemeral(queue: JobQueue, job: EphemeralJob, key: string): Promise<void> {
  await queue.enqueue('notify', NOTIFY_JOBS.ephemeral, job, { jobId: jobId('ephemeral', key) });
}

export async function enqueueDirect(queue: JobQueue, job: DirectJob, key: string): Promise<void> {
  await queue.enqueue('notify', NOTIFY_JOBS.direct, job, { jobId: jobId('direct', key) });
}

/** A decision that could not be written: its decider is offered a Retry, privately. */
export interface RetryOfferJob {
  requestId: string;
  decisionId: string;
}

export async function enqueueRetryOffer(queue: JobQueue, job: RetryOfferJob, key: string): Promise<void> {
  await queue.enqueue('notify', NOTIFY_JOBS.retryOffer, job, { jobId: jobId('retry-offer', key) });
}
