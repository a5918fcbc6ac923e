import type { App, BlockAction } from '@slack/bolt';
import { TRIAGE_ACTIONS } from '../../blocks/triage-button-value.ts';
import { forwardTriageClick, type TriageActionArgs, type TriageListenerDeps } from './triage-click-reading.ts';

/** A new category picked in the card's select: ack, then the core re-renders the card with it. */
export function triageCategorySelected(deps: TriageListenerDeps) {
  return async (args: TriageActionArgs): Promise<void> => {
    await args.ack();
    await forwardTriageClick('set_category', args, deps);
  };
}

export function register(app: App, deps: TriageListenerDeps): void {
  app.action<BlockAction>(TRIAGE_ACTIONS.category, triageCategorySelected(deps));
}
