import type { App } from '@slack/bolt';
import type { ApprovalListenerDeps } from '../listener-deps.ts';
import * as approveClicked from './approve-clicked.ts';
import * as detailsClicked from './details-clicked.ts';
import * as openInOdooClicked from './open-in-odoo-clicked.ts';
import * as rejectClicked from './reject-clicked.ts';
import * as retryClicked from './retry-clicked.ts';

/** The approval card's buttons. */
export function register(app: App, deps: ApprovalListenerDeps): void {
  approveClicked.register(app, deps);
  rejectClicked.register(app, deps);
  detailsClicked.register(app, deps);
  retryClicked.register(app, deps);
  openInOdooClicked.register(app);
}
