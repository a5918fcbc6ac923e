import { createHash } from 'node:crypto';
import { BOT_ID, WORKSPACE_APP_ID, WORKSPACE_TEAM, userById } from '../workspace-directory.ts';
import type { WorkspaceView } from '../workspace-store.ts';
import { fail, str, viewArg, type ApiMethod, type ApiResult } from './api-context.ts';

/** The checks Slack makes on a view before showing it; its error for all of them is invalid_arguments. */
function viewProblem(view: Record<string, unknown>, type: 'modal' | 'home'): string | null {
  if (view.type !== type) return 'invalid_arguments';
  const blocks = view.blocks;
  if (!Array.isArray(blocks) || blocks.length > 100) return 'invalid_arguments';
  if (type === 'modal') {
    const title = (view.title as { text?: unknown } | undefined)?.text;
    if (typeof title !== 'string' || title.length === 0 || title.length > 24) return 'invalid_arguments';
    const hasInput = blocks.some((b) => (b as { type?: unknown }).type === 'input');
    if (hasInput && !(view.submit as { text?: unknown } | undefined)?.text) return 'invalid_arguments';
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3_000) return 'invalid_arguments';
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) return 'invalid_arguments';
  return null;
}

const hashOf = (view: Record<string, unknown>) => `${Math.floor(Date.now() / 1000)}.${createHash('sha256').update(JSON.stringify(view)).digest('hex').slice(0, 8)}`;

/** The view object Slack answers with: what the bot sent, plus ids, hash and an empty state. */
function viewObject(v: WorkspaceView): ApiResult {
  return {
    ok: true,
    view: { ...v.view, id: v.id, team_id: WORKSPACE_TEAM.id, app_id: WORKSPACE_APP_ID, bot_id: BOT_ID, hash: v.hash, state: { values: {} }, root_view_id: v.id, previous_view_id: null },
  };
}

/** views.open: a modal on the screen of whoever made the interaction that gave the trigger_id. */
export const viewsOpen: ApiMethod = async (args, ctx) => {
  const triggerId = str(args.trigger_id);
  if (!triggerId) return fail('invalid_arguments');
  const view = viewArg(args.view);
  if (!view) return fail('invalid_arguments');
  const problem = viewProblem(view, 'modal');
  if (problem) return fail(problem);
  const trigger = await ctx.store.consumeTrigger(triggerId);
  if (!trigger) return fail('expired_trigger_id');
  const stored: WorkspaceView = { id: await ctx.store.newViewId(), user: trigger.user, view, hash: hashOf(view), ...(trigger.channel ? { channel: trigger.channel } : {}) };
  await ctx.store.saveView(stored, trigger.user);
  return viewObject(stored);
};

/** views.update: replaces an open view, refusing a stale `hash` as Slack does. */
export const viewsUpdate: ApiMethod = async (args, ctx) => {
  const id = str(args.view_id);
  if (!id) return fail('invalid_arguments');
  const view = viewArg(args.view);
  if (!view) return fail('invalid_arguments');
  const current = await ctx.store.view(id);
  if (!current) return fail('not_found');
  const problem = viewProblem(view, current.view.type === 'home' ? 'home' : 'modal');
  if (problem) return fail(problem);
  const hash = str(args.hash);
  if (hash && hash !== current.hash) return fail('hash_conflict');
  const stored: WorkspaceView = { ...current, view, hash: hashOf(view) };
  await ctx.store.saveView(stored);
  return viewObject(stored);
};

/** views.publish: a user's App Home tab. */
export const viewsPublish: ApiMethod = async (args, ctx) => {
  const user = userById(str(args.user_id) ?? '');
  if (!user || user.isBot) return fail('user_not_found');
  const view = viewArg(args.view);
  if (!view) return fail('invalid_arguments');
  const problem = viewProblem(view, 'home');
  if (problem) return fail(problem);
  const current = await ctx.store.homeOf(user.id);
  const hash = str(args.hash);
  if (hash && current && hash !== current.hash) return fail('hash_conflict');
  const stored: WorkspaceView = { id: current?.id ?? (await ctx.store.newViewId()), user: user.id, view, hash: hashOf(view) };
  await ctx.store.publishHome(user.id, stored);
  return viewObject(stored);
};
