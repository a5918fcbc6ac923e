import type { App } from '@slack/bolt';
import * as moreClicked from './more-clicked.ts';
import * as poCommand from './po-command.ts';
import type { StatusListenerDeps } from './status-listener-deps.ts';

/** The /po slash command and the "More" of its list answers. */
export function register(app: App, deps: StatusListenerDeps): void {
  poCommand.register(app, deps);
  moreClicked.register(app, deps);
}
