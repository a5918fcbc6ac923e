import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { chatAddress } from '../../src/alerts/lifecycle/chat-address.ts';
import type { DigestPoster } from '../../src/insights/digest/post-weekly-digest.ts';
import { BusinessRefusal } from '../../src/errors/coded-error.ts';
import { renderWeeklyDigest } from '../slack/blocks/weekly-digest-message.ts';
import { callSlack } from '../slack/slack-call.ts';
import { weeklyDigestCard } from '../teams/cards/weekly-digest-card.ts';
import { cardMessage, postedOf } from '../teams/teams-messages.ts';
import type { TeamsSender } from '../teams/teams-sender.ts';

const postedSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/**
 * The digest goes where the policy's channel says: `teams:<Team/Channel>` to Teams, anything else
 * to Slack (the local workspace in demo mode). A platform the bot is not connected to is a
 * BusinessRefusal: the job fails at once, visible on the ops page, instead of retrying for ever.
 */
export function digestPoster(options: { slack: webApi.WebClient | null; teams: Pick<TeamsSender, 'sendToConversation'> | null; pageUrl: string | null }): DigestPoster {
  return {
    async post(channel, view) {
      const address = chatAddress(channel);
      if (address.platform === 'teams') {
        if (!options.teams) throw new BusinessRefusal('platform_not_configured', `teams is not configured; the weekly digest for ${channel} was not posted`);
        return postedOf(await options.teams.sendToConversation(address.channel, cardMessage(weeklyDigestCard(view), view.title)));
      }
      const slack = options.slack;
      if (!slack) throw new BusinessRefusal('platform_not_configured', `slack is not configured; the weekly digest for ${channel} was not posted`);
      const message = renderWeeklyDigest(view, options.pageUrl);
      const posted = await callSlack('chat.postMessage', () => slack.chat.postMessage({ channel: address.channel, ...message, unfurl_links: false, unfurl_media: false }), postedSchema);
      return { platform: 'slack', channel: posted.channel, messageId: posted.ts };
    },
  };
}
