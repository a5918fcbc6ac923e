import { BOT_ID, BOT_USER, WORKSPACE_TEAM } from '../workspace-directory.ts';
import type { ApiMethod } from './api-context.ts';

/** auth.test: who the token belongs to (Bolt asks once, to ignore the bot's own messages). */
export const authTest: ApiMethod = async (_args, ctx) => ({
  ok: true,
  url: `${ctx.ownUrl}/workspace/`,
  team: WORKSPACE_TEAM.name,
  user: BOT_USER.handle,
  team_id: WORKSPACE_TEAM.id,
  user_id: BOT_USER.id,
  bot_id: BOT_ID,
  is_enterprise_install: false,
});
