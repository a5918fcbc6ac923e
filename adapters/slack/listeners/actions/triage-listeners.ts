import type { App, BlockAction } from '@slack/bolt';
import { TRIAGE_ACTIONS } from '../../blocks/triage-button-value.ts';
import * as categorySelected from './triage-category-selected.ts';
import * as confirmClicked from './triage-confirm-clicked.ts';
import * as dismissClicked from './triage-dismiss-clicked.ts';
import * as retryClicked from './triage-retry-clicked.ts';
import type { TriageListenerDeps } from './triage-click-reading.ts';

/** The triage card's controls, registered on the bot's Bolt app. */
export function registerTriageListeners(app: App, deps: TriageListenerDeps): void {
  confirmClicked.register(app, deps);
  dismissClicked.register(app, deps);
  retryClicked.register(app, deps);
  categorySelected.register(app, deps);
  // Open in Odoo is a link: Slack still posts the click and warns unless it is acknowledged.
  app.action<BlockAction>(TRIAGE_ACTIONS.openInOdoo, async ({ ack }) => ack());
}
