import type { ApprovalCardView, ChatUserRef } from '../approvals/approval-card-view.ts';

export type ChatPlatform = 'slack' | 'teams';

/** Where a card or message goes: a channel, or a person (their DM, opened by the adapter). */
export type ChatTarget = { kind: 'channel'; platform: ChatPlatform; channel: string } | { kind: 'user'; platform: ChatPlatform; userId: string };

/** A message the bot posted, so it can be updated in place later. */
export interface PostedMessage {
  platform: ChatPlatform;
  channel: string;
  /** Slack `ts`; Teams activity id. */
  messageId: string;
}

/** A chat user's profile as the platform knows it; the email maps them to an Odoo user. */
export interface ChatProfile {
  userId: string;
  displayName: string;
  email: string | null;
  isBot: boolean;
  deleted: boolean;
}

/**
 * What the approval use cases need from a chat platform. Called from the notify queue's
 * worker, which paces calls per channel; a rate-limit answer is thrown as a retryable
 * CodedError carrying `retryAfterMs`.
 */
export interface ApprovalChat {
  postApprovalCard(target: ChatTarget, view: ApprovalCardView): Promise<PostedMessage>;
  updateApprovalCard(message: PostedMessage, view: ApprovalCardView): Promise<void>;
  /** The PO lines in the card's thread (the Details button). */
  postDetails(message: PostedMessage, view: ApprovalCardView): Promise<void>;
  /** A plain text to a person (the buyer learns the decision). */
  sendDirect(user: ChatUserRef, text: string): Promise<void>;
  /** Visible only to user, in channel (refusals, "already approved by Jane"). */
  sendEphemeral(channel: string, user: ChatUserRef, text: string): Promise<void>;
  /**
   * Only `user` sees it (Slack: ephemeral in `channel`; Teams: their personal chat with the bot):
   * `text` and, while the view's decision has failed, a Retry button that works like the card's.
   */
  offerRetry(channel: string, user: ChatUserRef, view: ApprovalCardView, text: string): Promise<void>;
  profile(user: ChatUserRef): Promise<ChatProfile | null>;
}
