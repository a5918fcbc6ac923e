import type { ApprovalClick } from '../../../src/approvals/approval-click.ts';
import { handOffClick } from '../hand-off-click.ts';
import { answerPrivately } from './answer-privately.ts';
import { cardClickToApprovalClick } from './card-click-to-approval-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from './listener-deps.ts';

export const UNRECOGNISED_BUTTON = 'This button is not one I can act on (the card may be from an older version of the bot). Open the order in Odoo, or ask for a new card.';
export const CLICK_NOT_RECORDED = 'I could not record your click just now. Nothing was changed; please click again in a moment.';

/**
 * The whole job of the Approve, Retry and Details listeners: translate the click, hand it to the
 * core (one queue add), and only then ack, so an acked click is a recorded one. Failures are acked
 * too (Slack shows nothing for a missing ack but an error icon) and answered to the clicker alone,
 * never thrown: a throw would only end up as a log line.
 */
export async function forwardCardClick(action: ApprovalClick['action'], args: ButtonClickArgs, deps: ApprovalListenerDeps): Promise<void> {
  const reading = cardClickToApprovalClick(args.body, args.action, action, deps.now);
  const hasResponseUrl = typeof (args.body as { response_url?: unknown }).response_url === 'string';
  if (!reading.ok) {
    await args.ack();
    deps.logger.warn({ problem: reading.problem, action }, 'slack card click refused');
    if (reading.userId) await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: reading.channel, userId: reading.userId }, UNRECOGNISED_BUTTON, deps.logger);
    return;
  }
  const { click } = reading;
  const recorded = await handOffClick(deps.onApprovalClick, click, deps.logger);
  await args.ack();
  if (!recorded) {
    await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: click.source.channel, userId: click.actor.userId }, CLICK_NOT_RECORDED, deps.logger);
  }
}
