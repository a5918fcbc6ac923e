import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import { buildRejectModal } from '../../blocks/reject-modal.ts';
import { answerPrivately } from '../answer-privately.ts';
import { cardClickToApprovalClick } from '../card-click-to-approval-click.ts';
import { UNRECOGNISED_BUTTON } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from '../listener-deps.ts';

const MODAL_NOT_OPENED = 'I could not open the rejection form (Slack allows 3 seconds after a click). Please click Reject again.';

/**
 * Reject: ack, then open the reason modal right away, because Slack's trigger_id expires 3 s after
 * the click. Nothing reaches the core until the modal is submitted with a reason.
 */
export function rejectClicked(deps: ApprovalListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await args.ack();
    const reading = cardClickToApprovalClick(args.body, args.action, 'reject', deps.now);
    const hasResponseUrl = typeof (args.body as { response_url?: unknown }).response_url === 'string';
    if (!reading.ok || !reading.body.trigger_id) {
      deps.logger.warn({ problem: reading.ok ? 'no trigger_id' : reading.problem }, 'slack reject click refused');
      const userId = reading.ok ? reading.click.actor.userId : reading.userId;
      const channel = reading.ok ? reading.click.source.channel : reading.channel;
      if (userId) await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel, userId }, UNRECOGNISED_BUTTON, deps.logger);
      return;
    }
    const { click, value } = reading;
    try {
      await args.client.views.open({
        trigger_id: reading.body.trigger_id,
        view: buildRejectModal({ requestId: click.requestId, version: click.version, channel: click.source.channel, messageTs: click.source.messageId, orderName: value.n }),
      });
    } catch (err) {
      deps.logger.warn({ err: err instanceof Error ? err.message : String(err), requestId: click.requestId }, 'views.open failed for the reject modal');
      await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: click.source.channel, userId: click.actor.userId }, MODAL_NOT_OPENED, deps.logger);
    }
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction>(CARD_ACTIONS.reject, rejectClicked(deps));
}
