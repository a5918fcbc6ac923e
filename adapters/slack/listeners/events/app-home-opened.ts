import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderAppHome } from '../../blocks/app-home.ts';
import { errorMessage, type StatusListenerDeps } from '../commands/status-listener-deps.ts';

export type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The Home tab opened: rebuild it for that user (pending approvals, exceptions, decisions) and publish it. */
export function appHomeOpened(deps: StatusListenerDeps) {
  return async ({ event, client }: HomeOpenedArgs): Promise<void> => {
    // The Messages tab fires the same event; only the Home tab has a view to publish.
    if (event.tab !== undefined && event.tab !== 'home') return;
    try {
      const chat = { platform: 'slack' as const, userId: event.user };
      const view = await deps.home(chat);
      const home = renderAppHome(view, { command: deps.command });
      // Purchase requests (when wired) go under the header: the button and the person's requests.
      const extra = deps.requests && view.kind === 'home' ? ((await deps.requests.homeBlocks(chat).catch(() => [])) as typeof home.blocks) : [];
      if (extra.length) home.blocks = [...home.blocks.slice(0, 2), ...extra, ...home.blocks.slice(2)].slice(0, 100);
      await client.views.publish({ user_id: event.user, view: home });
    } catch (err) {
      deps.logger.warn({ err: errorMessage(err), user: event.user }, 'could not publish the home tab');
    }
  };
}

export function register(app: App, deps: StatusListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
}
