import { z } from 'zod';
import type { ChatUserRef } from '../../approvals/approval-card-view.ts';

export const EXCEPTION_ACTIONS = ['acknowledge', 'snooze-1h', 'snooze-4h', 'snooze-tomorrow', 'own', 'ask-buyer', 'open'] as const;
export type ExceptionAction = (typeof EXCEPTION_ACTIONS)[number];

/**
 * A click on an exception message or digest, as every chat adapter hands it to the core after
 * verifying the platform's signature and acking.
 */
export const exceptionClickSchema = z.object({
  /** `type:model:id`; checked against the store by the job (an unknown key gets a friendly answer). */
  key: z.string().regex(/^[a-z-]{3,40}:[a-z._]{3,40}:\d{1,12}$/),
  action: z.enum(EXCEPTION_ACTIONS),
  actor: z.object({ platform: z.enum(['slack', 'teams', 'workspace']), userId: z.string().min(1).max(64), displayName: z.string().max(200).optional() }),
  source: z.object({ platform: z.enum(['slack', 'teams']), channel: z.string().min(1).max(128), messageId: z.string().max(128).optional() }),
  /** Unique per click delivery: a redelivered click is one job. */
  clickId: z.string().min(1).max(200),
  clickedAt: z.string().datetime(),
});

export type ExceptionClick = z.infer<typeof exceptionClickSchema> & { actor: ChatUserRef };

/** The port the chat adapters call after their ack: fast and durable (a queue add). */
export type ExceptionClickSink = (click: ExceptionClick) => Promise<void>;
