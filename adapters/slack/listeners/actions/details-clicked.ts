import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import { forwardCardClick } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ButtonClickArgs } from '../listener-deps.ts';

/** Details: hand the click to the core (it posts the PO lines in the card's thread), then ack. */
export function detailsClicked(deps: ApprovalListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await forwardCardClick('details', args, deps);
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction>(CARD_ACTIONS.details, detailsClicked(deps));
}
