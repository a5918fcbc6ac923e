import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isDelegateCommand } from '../../../../src/delegation/parse-delegate-command.ts';
import { renderStatusAnswer } from '../../blocks/status-answer.ts';
import { escapeMrkdwn, typedText } from '../../mrkdwn.ts';
import { errorMessage, failureText, type StatusListenerDeps } from '../commands/status-listener-deps.ts';

export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * A message to the bot in its DM: answered in the DM (in the thread when the question was in
 * one). Edits, joins, bot messages (our own answers included) and other channels are ignored.
 */
export function directMessage(deps: StatusListenerDeps) {
  return async ({ event, client, context }: MessageArgs): Promise<void> => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if ('bot_id' in event && event.bot_id) return;
    const user = 'user' in event ? event.user : undefined;
    if (!user) return;
    const question = typedText('text' in event ? (event.text ?? '') : '', context.botUserId);
    let message;
    try {
      // `delegate @name until ...` in the DM works as `/po delegate ...` does; the rest are questions.
      const delegation = deps.answerDelegation && isDelegateCommand(question) ? await deps.answerDelegation({ platform: 'slack', userId: user }, question) : null;
      // "we need 40 cases of gloves for ATL by Friday": the prefilled request form, one click away.
      const request = !delegation && deps.requests ? deps.requests.answerWords(question) : null;
      message = request ? (request as { text: string }) : delegation ? { text: escapeMrkdwn(delegation.text) } : renderStatusAnswer(await deps.ask({ platform: 'slack', userId: user }, question || 'help'), { command: deps.command });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err), user }, 'status DM failed');
      message = { text: failureText(err) };
    }
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    try {
      await client.chat.postMessage({ channel: event.channel, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false, ...message });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err), channel: event.channel }, 'could not answer the DM');
    }
  };
}

export function register(app: App, deps: StatusListenerDeps): void {
  app.event('message', directMessage(deps));
}
