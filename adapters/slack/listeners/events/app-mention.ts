import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderStatusAnswer } from '../../blocks/status-answer.ts';
import { typedText } from '../../mrkdwn.ts';
import { errorMessage, failureText, type StatusListenerDeps } from '../commands/status-listener-deps.ts';

export type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/** "@procurebot where is P00042?" in a channel: answered in the message's thread. */
export function appMention(deps: StatusListenerDeps) {
  return async ({ event, client }: MentionArgs): Promise<void> => {
    if (!event.user || event.bot_id) return;
    const threadTs = event.thread_ts ?? event.ts;
    // Every mention is dropped (the bot's own, and any other: questions are about POs, not people).
    const question = typedText((event.text ?? '').replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' '));
    let message;
    try {
      message = renderStatusAnswer(await deps.ask({ platform: 'slack', userId: event.user }, question || 'help'), { command: deps.command });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err), user: event.user }, 'status mention failed');
      message = { text: failureText(err) };
    }
    try {
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err), channel: event.channel }, 'could not answer the mention');
    }
  };
}

export function register(app: App, deps: StatusListenerDeps): void {
  app.event('app_mention', appMention(deps));
}
