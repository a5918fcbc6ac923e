import type { Router } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import { BOT_USER, WORKSPACE_TEAM, WORKSPACE_USERS, directChannelOf, type WorkspaceChannel } from '../workspace-directory.ts';
import type { WorkspaceStore } from '../workspace-store.ts';
import { visibleChannel } from './visible-channel.ts';

/**
 * What the browser reads: who is in the workspace (bootstrap) and, polled, the selected
 * conversation and the modal of the chosen user. The revision lets a poll answer "unchanged"
 * with one Redis GET.
 */
export function uiStateRoutes(deps: { store: WorkspaceStore; channels: readonly WorkspaceChannel[]; logger: Logger }): Router {
  const router = express.Router();
  router.get('/bootstrap', (_req, res) => {
    res.json({
      team: WORKSPACE_TEAM,
      bot: { id: BOT_USER.id, name: BOT_USER.realName, handle: BOT_USER.handle },
      users: WORKSPACE_USERS.map((u) => ({ id: u.id, name: u.realName, handle: u.handle, title: u.title, role: u.role, demo: u.demo, email: u.email, dm: directChannelOf(u.id) })),
      channels: deps.channels,
    });
  });
  router.get('/state', (req, res) => {
    void (async () => {
      const user = String(req.query.user ?? '');
      const channel = visibleChannel(deps.channels, user, String(req.query.channel ?? ''));
      if (!channel) {
        res.status(404).json({ error: 'not_found', message: 'no such user, or that conversation is not theirs' });
        return;
      }
      const rev = await deps.store.revision();
      if (String(rev) === String(req.query.since ?? '')) {
        res.json({ rev, unchanged: true });
        return;
      }
      const [messages, modal, home] = await Promise.all([deps.store.messages(channel.id, user), deps.store.modalOf(user), deps.store.homeOf(user)]);
      res.set('cache-control', 'no-store').json({ rev, channel, messages, modal, home: home ? home.view : null });
    })().catch((err: unknown) => {
      deps.logger.error({ err }, 'workspace state failed');
      res.status(500).json({ error: 'internal_error' });
    });
  });
  return router;
}
