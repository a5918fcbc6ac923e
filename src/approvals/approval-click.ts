import { z } from 'zod';
import type { ChatUserRef } from './approval-card-view.ts';

/**
 * A person's click on an approval card, as every chat adapter hands it to the core. The adapter
 * verifies the platform's signature and acks; the core does the rest from a queue job.
 */
export const approvalClickSchema = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/),
  version: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
  action: z.enum(['approve', 'reject', 'retry', 'details']),
  /** Required for reject (the modal / Input.Text makes it so); trimmed, at most 2,000 chars. */
  reason: z.string().trim().min(1).max(2000).optional(),
  actor: z.object({ platform: z.enum(['slack', 'teams', 'workspace']), userId: z.string().min(1).max(64), displayName: z.string().max(200).optional() }),
  /** Where the click happened: the card's channel and message, to answer there. */
  source: z.object({ platform: z.enum(['slack', 'teams']), channel: z.string().min(1).max(128), messageId: z.string().max(128).optional() }),
  /** Unique per click delivery (Slack: action_ts + user): a retried delivery has the same id. */
  clickId: z.string().min(1).max(200),
  clickedAt: z.string().datetime(),
});

export type ApprovalClick = z.infer<typeof approvalClickSchema> & { actor: ChatUserRef };

/** The port the chat adapters call after their ack: it must be fast and durable (a queue add). */
export type ApprovalClickSink = (click: ApprovalClick) => Promise<void>;
