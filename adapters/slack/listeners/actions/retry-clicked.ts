import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import { forwardCardClick } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from '../listener-deps.ts';

/** Retry (a failed write-back): hand the click to the core, which checks who may retry, then ack. */
export function retryClicked(deps: ApprovalListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await forwardCardClick('retry', args, deps);
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction>(CARD_ACTIONS.retry, retryClicked(deps));
}
