import type { App } from '@slack/bolt';
import * as actions from './actions/index.ts';
import type { ApprovalListenerDeps } from './listener-deps.ts';
import * as views from './views/index.ts';

/** Every approval listener; each kind registers its own (listeners/<kind>/index.ts). */
export function registerListeners(app: App, deps: ApprovalListenerDeps): void {
  actions.register(app, deps);
  views.register(app, deps);
}
