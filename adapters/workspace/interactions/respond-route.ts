import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { blocksArg, str } from '../api/api-context.ts';
import { BOT_ID, BOT_USER } from '../workspace-directory.ts';
import type { WorkspaceStore } from '../workspace-store.ts';

/**
 * POST /workspace/respond/:token: the response_url of a click or command, where Bolt's
 * `respond()` posts. As on Slack: delete_original deletes the message, replace_original replaces
 * it, response_type in_channel posts for everyone, anything else is ephemeral to the clicker.
 * The token is random, single-purpose, five uses within 30 minutes.
 */
export function respondRouter(deps: { store: WorkspaceStore; logger: Logger }): Router {
  const router = express.Router();
  router.post('/:token', express.json({ limit: '1mb', type: () => true }), (req, res) => {
    void (async () => {
      const target = await deps.store.useResponseToken(String(req.params.token));
      if (!target) {
        res.status(404).json({ ok: false, error: 'expired_url' });
        return;
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = str(body.text) ?? '';
      const { blocks, error } = blocksArg(body.blocks);
      if (error) {
        res.status(400).json({ ok: false, error });
        return;
      }
      const truthy = (v: unknown) => v === true || v === 'true';
      if (truthy(body.delete_original) && target.messageTs) {
        await deps.store.remove(target.channel, target.messageTs);
      } else if (truthy(body.replace_original) && target.messageTs) {
        await deps.store.update(target.channel, target.messageTs, blocks ? { text, blocks } : { text });
      } else if (text || blocks) {
        const threadTs = str(body.thread_ts);
        await deps.store.post({
          channel: target.channel, user: BOT_USER.id, botId: BOT_ID, text, ...(blocks ? { blocks } : {}), ...(threadTs ? { threadTs } : {}),
          // An ephemeral answer to a click is shown under the clicked message (see WorkspaceMessage.nearTs).
          ...(body.response_type === 'in_channel' ? {} : { ephemeralTo: target.user, ...(target.messageTs && !threadTs ? { nearTs: target.messageTs } : {}) }),
        });
      }
      res.status(200).json({ ok: true });
    })().catch((err: unknown) => {
      deps.logger.error({ err }, 'workspace response_url failed');
      res.status(500).json({ ok: false, error: 'internal_error' });
    });
  });
  return router;
}
