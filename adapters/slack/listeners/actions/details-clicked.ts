import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import { forwardCardClick } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from '../listener-deps.ts';

/** Details: ack, then let the core post the PO lines in the card's thread. */
export function detailsClicked(deps: ApprovalListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await args.ack();
    await forwardCardClick('details', args, deps);
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction>(CARD_ACTIONS.details, detailsClicked(deps));
}
