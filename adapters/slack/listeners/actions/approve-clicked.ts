import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import { forwardCardClick } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from '../listener-deps.ts';

/** Approve: hand the click to the core's queue (one Redis round trip), then ack; Slack waits 3 s at most. */
export function approveClicked(deps: ApprovalListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await forwardCardClick('approve', args, deps);
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction>(CARD_ACTIONS.approve, approveClicked(deps));
}
