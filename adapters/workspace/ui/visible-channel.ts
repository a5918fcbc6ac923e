import { directChannelOf, userById, type WorkspaceChannel } from '../workspace-directory.ts';

/** The conversation if `userId` may see it: every channel, and their own DM with the bot. */
export function visibleChannel(channels: readonly WorkspaceChannel[], userId: string, channelId: string): WorkspaceChannel | null {
  const user = userById(userId);
  if (!user || user.isBot) return null;
  const channel = channels.find((c) => c.id === channelId);
  if (channel) return channel;
  return channelId === directChannelOf(user.id) ? { id: channelId, name: user.handle } : null;
}
