import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { chatAddress } from '../../src/alerts/lifecycle/chat-address.ts';
import type { ExceptionChat } from '../../src/alerts/lifecycle/exception-chat.ts';
import { BusinessRefusal } from '../../src/errors/coded-error.ts';
import type { ChatPlatform } from '../../src/ports/chat.ts';

/** Each configured platform's ExceptionChat (each paced on its own). */
export type AlertChats = Partial<Record<ChatPlatform, ExceptionChat>>;

/**
 * One ExceptionChat over Slack and Teams for the alert lifecycle, which sees channels as the
 * policy's strings: a routed channel picks its platform by prefix (`teams:Purchasing/Receiving`,
 * anything else is Slack; see chatAddress), a posted message by its `platform`, a person by their
 * ChatUserRef's platform. A platform that is not configured is a BusinessRefusal (no retries).
 */
export function crossPlatformAlertChat(chats: AlertChats): ExceptionChat {
  const of = (platform: ChatPlatform | 'workspace', what: string): ExceptionChat => {
    // The local workspace stands in for Slack (demo mode): its people are Slack users to the bot.
    const chat = chats[platform === 'workspace' ? 'slack' : platform];
    if (!chat) throw new BusinessRefusal('platform_not_configured', `${platform} is not configured; ${what} was not delivered`);
    return chat;
  };
  const person = (user: ChatUserRef) => of(user.platform, `the answer to ${user.userId}`);
  return {
    postException(channel, view, threadOf) {
      if (threadOf) return of(threadOf.platform, 'the exception').postException(channel, view, threadOf);
      const address = chatAddress(channel);
      return of(address.platform, `the exception for ${channel}`).postException(address.channel, view);
    },
    updateException: (message, view) => of(message.platform, 'the exception update').updateException(message, view),
    postDigest(channel, view) {
      const address = chatAddress(channel);
      return of(address.platform, `the digest for ${channel}`).postDigest(address.channel, view);
    },
    postInThread: (message, text, mention) => of(message.platform, 'the thread message').postInThread(message, text, mention),
    sendEphemeral: (channel, user, text) => person(user).sendEphemeral(channel, user, text),
    profile: (user) => person(user).profile(user),
    async findByEmail(email, platform) {
      if (platform) return chats[platform]?.findByEmail(email) ?? null;
      for (const chat of Object.values(chats)) {
        const found = await chat.findByEmail(email);
        if (found) return found;
      }
      return null;
    },
  };
}
