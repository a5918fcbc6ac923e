import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isDelegateCommand } from '../../../../src/delegation/parse-delegate-command.ts';
import { parseCommand } from '../../../../src/status/index.ts';
import { renderStatusAnswer } from '../../blocks/status-answer.ts';
import { errorMessage, failureText, type StatusListenerDeps } from './status-listener-deps.ts';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/po ...`: ack at once (Slack waits 3 s at most), then answer through respond(): privately
 * unless the user added `share`, in which case the answer is posted to the channel.
 */
export function poCommand(deps: StatusListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    // `/po delegate ...` is the delegation feature's (when wired); every other text is a question.
    if (deps.delegate && isDelegateCommand(args.command.text ?? '')) return deps.delegate(args);
    // `/po request ...` is the purchase-request form's (when wired).
    if (deps.requests && /^\s*request\b/i.test(args.command.text ?? '')) return deps.requests.command(args);
    const { ack, command, respond } = args;
    await ack();
    const { text, share } = parseCommand(command.text ?? '');
    const chat = { platform: 'slack' as const, userId: command.user_id, displayName: command.user_name };
    try {
      const answer = await deps.ask(chat, text || 'help');
      // Refusals and help stay private even with `share`: they are about the asker, not the PO.
      const inChannel = share && (answer.kind === 'po_status' || answer.kind === 'list');
      await respond({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...renderStatusAnswer(answer, { command: deps.command ?? command.command }) });
      // `/po mine` also lists the person's purchase requests and where each one is.
      const requests = deps.requests && /^mine$/i.test(text) ? await deps.requests.mineText(chat) : null;
      if (requests) await respond({ response_type: 'ephemeral', text: requests });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err), user: command.user_id }, 'status command failed');
      await respond({ response_type: 'ephemeral', text: failureText(err) }).catch(() => undefined);
    }
  };
}

export function register(app: App, deps: StatusListenerDeps): void {
  app.command(deps.command ?? '/po', poCommand(deps));
}
