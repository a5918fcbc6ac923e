import type { App } from '@slack/bolt';
import type { ApprovalListenerDeps } from '../listener-deps.ts';
import * as rejectModalSubmitted from './reject-modal-submitted.ts';

/** Modal submissions. */
export function register(app: App, deps: ApprovalListenerDeps): void {
  rejectModalSubmitted.register(app, deps);
}
