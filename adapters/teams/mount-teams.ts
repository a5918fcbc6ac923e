import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { CloudAdapter } from 'botbuilder';
import { handleTeamsTurn, type TeamsTurnDeps } from './teams-turn.ts';

/** The Bot Framework messaging endpoint: the Azure bot's messaging URL points here. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface MountTeamsDeps extends TeamsTurnDeps {
  adapter: CloudAdapter;
  /** With an app id, a request without a bearer token is refused before botbuilder reads it. */
  requireToken: boolean;
  logger: Logger;
  /** @defaultValue 1_000_000 */
  bodyLimitBytes?: number;
}

/**
 * Mounts POST /api/messages on the bot's express app: JSON body, then botbuilder's CloudAdapter
 * (which verifies the Bot Framework token when an app id is configured) and the turn handler.
 * Every refusal is a JSON 4xx and nothing is stored: the turn (which stores) runs only after
 * botbuilder has authenticated the request.
 */
export function mountTeams(app: Express, deps: MountTeamsDeps): void {
  const router = express.Router();
  router.post(
    TEAMS_MESSAGES_PATH,
    (req: Request, res: Response, next: NextFunction) => {
      // Cheap refusal of the obvious case, before parsing a body nobody vouched for.
      if (deps.requireToken && !/^Bearer \S+$/.test(req.get('authorization') ?? '')) {
        res.status(401).json({ error: 'unauthorized', message: 'a Bot Framework bearer token is required' });
        return;
      }
      next();
    },
    express.json({ limit: deps.bodyLimitBytes ?? 1_000_000 }),
    async (req: Request, res: Response) => {
      if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body) || typeof (req.body as { type?: unknown }).type !== 'string') {
        res.status(400).json({ error: 'invalid_activity', message: 'the body must be a Bot Framework activity (a JSON object with a type)' });
        return;
      }
      try {
        await deps.adapter.process(req, res, (context) => handleTeamsTurn(context, deps));
      } catch (err) {
        // botbuilder throws (instead of answering) when the body does not fit its activity schema.
        deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'teams activity refused');
        if (!res.headersSent) res.status(400).json({ error: 'invalid_activity', message: 'the body is not a valid Bot Framework activity' });
      }
    },
  );
  app.use(router);
}
