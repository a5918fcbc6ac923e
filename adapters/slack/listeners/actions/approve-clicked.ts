import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import { forwardCardClick } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from '../listener-deps.ts';

/** Approve: ack at once (Slack waits 3 s at most), then hand the click to the core's queue. */
export function approveClicked(deps: ApprovalListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await args.ack();
    await forwardCardClick('approve', args, deps);
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction>(CARD_ACTIONS.approve, approveClicked(deps));
}
