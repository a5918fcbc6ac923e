import type { App, BlockAction } from '@slack/bolt';
import { TRIAGE_ACTIONS } from '../../blocks/triage-button-value.ts';
import { forwardTriageClick, type TriageActionArgs, type TriageListenerDeps } from './triage-click-reading.ts';

/** Dismiss on a triage card: ack at once (Slack waits 3 s at most), then hand the click to the core's queue. */
export function triageDismissClicked(deps: TriageListenerDeps) {
  return async (args: TriageActionArgs): Promise<void> => {
    await args.ack();
    await forwardTriageClick('dismiss', args, deps);
  };
}

export function register(app: App, deps: TriageListenerDeps): void {
  app.action<BlockAction>(TRIAGE_ACTIONS.dismiss, triageDismissClicked(deps));
}
