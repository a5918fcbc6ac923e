import { chatAddress } from '../../src/alerts/lifecycle/chat-address.ts';
import type { ChatPlatform } from '../../src/ports/chat.ts';

/**
 * The channels the policy file routes to on a platform the bot is not connected to (a Teams-only
 * bot whose alert routing still names `#receiving`): posts there would fail one by one at run
 * time, so start-up names them once.
 */
export function unreachableChannels(channels: readonly string[], connected: readonly ChatPlatform[]): string[] {
  return [...new Set(channels)].filter((c) => !connected.includes(chatAddress(c).platform));
}
