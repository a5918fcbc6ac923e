import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { mrkdwnTextWithin } from '../mrkdwn.ts';
import type { RespondFn } from './listener-deps.ts';

/**
 * Tells only the clicker that something went wrong: through the click's response_url when Slack
 * gave one (works in any conversation), else chat.postEphemeral. Never throws: a failed apology
 * is logged, not turned into a crash of the listener.
 */
export async function answerPrivately(
  to: { respond?: RespondFn | undefined; hasResponseUrl: boolean; client: webApi.WebClient; channel: string | undefined; userId: string },
  rawText: string,
  logger: Logger,
): Promise<void> {
  const text = mrkdwnTextWithin(rawText, 3_000);
  try {
    if (to.respond && to.hasResponseUrl) {
      await to.respond({ response_type: 'ephemeral', replace_original: false, text });
    } else if (to.channel) {
      await to.client.chat.postEphemeral({ channel: to.channel, user: to.userId, text });
    } else {
      logger.warn({ userId: to.userId }, 'no way to answer the user privately');
    }
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err), userId: to.userId }, 'could not send the private answer');
  }
}
