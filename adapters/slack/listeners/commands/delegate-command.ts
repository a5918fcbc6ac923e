import type { Logger } from 'pino';
import type { ChatUserRef } from '../../../../src/approvals/approval-card-view.ts';
import type { DelegationAnswer } from '../../../../src/delegation/delegation-answer.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import type { CommandArgs } from './po-command.ts';
import { errorMessage, failureText } from './status-listener-deps.ts';

/** Handles a `/po delegate ...` command end to end (po-command hands such texts over). */
export type DelegateCommandListener = (args: CommandArgs) => Promise<void>;

/**
 * `/po delegate ...`: ack at once, then answer privately through respond(), like every /po
 * answer (a delegation is about the person, never for the channel). The texts hold names from
 * Odoo, so `&<>` are escaped; the answer's own formatting (`*`, backticks) is mrkdwn on purpose.
 */
export function delegateCommand(answer: (chat: ChatUserRef, text: string) => Promise<DelegationAnswer | null>, logger: Logger): DelegateCommandListener {
  return async ({ ack, command, respond }) => {
    await ack();
    const chat: ChatUserRef = { platform: 'slack', userId: command.user_id, displayName: command.user_name };
    try {
      const result = await answer(chat, command.text ?? '');
      if (!result) return;
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(result.text) });
    } catch (err) {
      logger.warn({ err: errorMessage(err), user: command.user_id }, 'delegate command failed');
      await respond({ response_type: 'ephemeral', text: failureText(err) }).catch(() => undefined);
    }
  };
}
