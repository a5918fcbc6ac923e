import type { App, BlockAction } from '@slack/bolt';
import { CARD_ACTIONS } from '../../blocks/card-button-value.ts';
import type { ButtonClickArgs } from '../listener-deps.ts';

/**
 * Open in Odoo is a link button: the browser opens the URL, but Slack still posts the click to
 * the app and shows a warning unless it is acknowledged. Nothing else to do.
 */
export async function openInOdooClicked(args: ButtonClickArgs): Promise<void> {
  await args.ack();
}

export function register(app: App): void {
  app.action<BlockAction>(CARD_ACTIONS.openInOdoo, openInOdooClicked);
}
