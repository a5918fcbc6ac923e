import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { ChatPlatform, ChatProfile, PostedMessage } from '../../ports/chat.ts';
import type { DigestView, ExceptionView } from './exception-view.ts';

/**
 * What the exception lifecycle needs from a chat platform. Called from the notify queue's worker
 * (paced per channel); a rate-limit answer is thrown as a retryable error with `retryAfterMs`.
 */
export interface ExceptionChat {
  /** Posts the exception's message in a channel (or in a thread under `threadOf`). */
  postException(channel: string, view: ExceptionView, threadOf?: PostedMessage): Promise<PostedMessage>;
  updateException(message: PostedMessage, view: ExceptionView): Promise<void>;
  postDigest(channel: string, view: DigestView): Promise<PostedMessage>;
  /** A plain message in a message's thread (Ask buyer). Raw text; `mention` is a chat user to ping. */
  postInThread(message: PostedMessage, text: string, mention: ChatUserRef | null): Promise<void>;
  sendEphemeral(channel: string, user: ChatUserRef, text: string): Promise<void>;
  profile(user: ChatUserRef): Promise<ChatProfile | null>;
  /** The chat account with this email, on `platform` when given (a mention in that platform's thread). */
  findByEmail(email: string, platform?: ChatPlatform): Promise<ChatUserRef | null>;
}
