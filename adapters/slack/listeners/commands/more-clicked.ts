import type { App, BlockAction } from '@slack/bolt';
import { toStatusQuery } from '../../../../src/status/index.ts';
import { STATUS_MORE_ACTION, renderStatusAnswer } from '../../blocks/status-answer.ts';
import type { ButtonClickArgs } from '../listener-deps.ts';
import { blockActionsBodySchema, buttonActionSchema } from '../slack-payloads.ts';
import { errorMessage, failureText, type StatusListenerDeps } from './status-listener-deps.ts';

/**
 * "More" under a list answer: the next page of the same query, privately to the clicker. It
 * lives with the command because it continues the command's answer; the query comes back from
 * the button's value and is validated like any outside input.
 */
export function moreClicked(deps: StatusListenerDeps) {
  return async ({ ack, body, action, respond }: ButtonClickArgs): Promise<void> => {
    await ack();
    const parsedBody = blockActionsBodySchema.safeParse(body);
    const parsedAction = buttonActionSchema.safeParse(action);
    if (!parsedBody.success || !parsedAction.success) return;
    let query = null;
    try {
      query = toStatusQuery(JSON.parse(parsedAction.data.value ?? 'null'));
    } catch {
      query = null;
    }
    const chat = { platform: 'slack' as const, userId: parsedBody.data.user.id };
    try {
      const answer = await deps.ask(chat, query ?? 'help');
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderStatusAnswer(answer, { command: deps.command }) });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err) }, 'status more failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: failureText(err) }).catch(() => undefined);
    }
  };
}

export function register(app: App, deps: StatusListenerDeps): void {
  app.action<BlockAction>(STATUS_MORE_ACTION, moreClicked(deps));
}
