import type { App } from '@slack/bolt';
import type { StatusListenerDeps } from '../commands/status-listener-deps.ts';
import * as appHomeOpened from './app-home-opened.ts';
import * as appMention from './app-mention.ts';
import * as directMessage from './direct-message.ts';

/** Events the status feature answers: mentions in channels, DMs to the bot, the Home tab. */
export function register(app: App, deps: StatusListenerDeps): void {
  appMention.register(app, deps);
  directMessage.register(app, deps);
  appHomeOpened.register(app, deps);
}
