import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ChatDirectory } from '../ports/chat-directory.ts';
import type { ChatPlatform, ChatTarget, PostedMessage } from '../ports/chat.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { RequestStore } from '../ports/request-store.ts';
import type { ViewerResolution } from '../status/viewer.ts';
import type { BusinessCalendar } from '../time/business-calendar.ts';
import type { RequestCardView } from './request-card-view.ts';
import type { RequestsSettings } from './requests-section.ts';

/** Where request cards and messages go: Slack and Teams implement it. */
export interface RequestChat {
  postRequestCard(target: ChatTarget, view: RequestCardView): Promise<PostedMessage>;
  updateRequestCard(message: PostedMessage, view: RequestCardView): Promise<void>;
  sendDirect(user: ChatUserRef, text: string): Promise<void>;
}

/** What the purchase-request use cases need; the same for Slack and Teams. */
export interface RequestDeps {
  odoo: OdooGateway;
  store: RequestStore;
  queue: JobQueue;
  audit: AuditLog;
  settings: RequestsSettings;
  calendar: BusinessCalendar;
  /** Chat user -> Odoo user (policy identities, else the profile's email), as approvals do. */
  identify: (chat: ChatUserRef) => Promise<ViewerResolution>;
  /** Odoo's web address (links to the RFQ). */
  odooUrl: string;
  now: () => Date;
}

export interface RequestNotifyDeps extends RequestDeps {
  chat: (platform: ChatPlatform) => RequestChat | null;
  directory: ChatDirectory;
}

export const REQUEST_JOBS = {
  write: 'request-write',
  decide: 'request-decide',
  postCard: 'request-post-card',
  updateCards: 'request-update-cards',
  tell: 'request-tell',
  overdue: 'requests-overdue',
} as const;
