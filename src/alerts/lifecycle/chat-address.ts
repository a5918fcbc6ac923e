import type { ChatPlatform } from '../../ports/chat.ts';

/** Where a channel the policy names lives, and its name on that platform. */
export interface ChatAddress {
  platform: ChatPlatform;
  /** The channel without the platform prefix (`#receiving`, `C0123`, `Purchasing/Approvals`, `19:...`). */
  channel: string;
}

const PREFIX = /^(slack|teams):\s*/i;

/**
 * The policy file names channels as plain strings (alerts `routing:`, triage's `unmatched_channel`
 * and `finance_channel`): `teams:<conversation id or Team/Channel name>` is a Microsoft Teams
 * channel, `slack:<name or id>` or no prefix at all is `otherwise` (Slack, the platform the file
 * always meant before Teams existed).
 */
export function chatAddress(channel: string, otherwise: ChatPlatform = 'slack'): ChatAddress {
  const match = PREFIX.exec(channel);
  if (!match) return { platform: otherwise, channel: channel.trim() };
  return { platform: match[1]!.toLowerCase() as ChatPlatform, channel: channel.slice(match[0].length).trim() };
}
