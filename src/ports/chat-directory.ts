import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { ChatPlatform } from './chat.ts';

/** Finds a person's chat account from their email (Slack users.lookupByEmail, Teams member lookup). */
export interface ChatDirectory {
  findByEmail(platform: ChatPlatform, email: string): Promise<ChatUserRef | null>;
}
