import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { appHomeOpenedPayload } from '../interactions/event-payloads.ts';
import { findElement } from '../interactions/find-element.ts';
import { actionOf, actionTs, blockSuggestionPayload, viewBlockActionsPayload } from '../interactions/interaction-payloads.ts';
import { interactivityBody, postSignedToBot } from '../interactions/post-signed.ts';
import { userById } from '../workspace-directory.ts';
import type { WorkspaceStore } from '../workspace-store.ts';
import type { BotLink } from './ui-interaction-routes.ts';

const optionsSchema = z.object({ user: z.string(), viewId: z.string(), blockId: z.string(), actionId: z.string(), value: z.string().max(500) });
const homeSchema = z.object({ user: z.string() });
const homeActionSchema = z.object({ user: z.string(), blockId: z.string(), actionId: z.string() });
const optionSchema = z.looseObject({ text: z.unknown(), value: z.string() });
const optionsAnswerSchema = z.looseObject({ options: z.array(optionSchema).optional(), option_groups: z.array(z.looseObject({ options: z.array(optionSchema) })).optional() });

/**
 * What views need beyond messages: an external_select's options (block_suggestion, signed like
 * every payload; the answer is kept on the view so a submission can only pick what the app
 * offered), opening the App Home tab (app_home_opened) and clicking a button on it (block_actions
 * from a view).
 */
export function uiViewRoutes(deps: { store: WorkspaceStore; link: BotLink; logger: Logger }): Router {
  const { store, link } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  const post = (body: string, contentType = 'application/x-www-form-urlencoded') => postSignedToBot({ eventsUrl: link.eventsUrl, signingSecret: link.signingSecret, body, contentType, now: link.now });
  const handle = <S extends z.ZodType>(schema: S, run: (input: z.infer<S>, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'bad_request', message: parsed.error.issues[0]?.message ?? 'invalid' });
    void run(parsed.data, res).catch((err: unknown) => {
      deps.logger.error({ err }, 'workspace view interaction failed');
      res.status(500).json({ error: 'internal_error' });
    });
  };

  router.post('/options', handle(optionsSchema, async (input, res) => {
    const user = userById(input.user);
    const view = await store.view(input.viewId);
    if (!user || !view || view.user !== user.id) return void res.status(404).json({ error: 'not_found' });
    const found = findElement(view.view.blocks, input.blockId, input.actionId);
    if (found?.element.type !== 'external_select') return void res.status(404).json({ error: 'element_not_found' });
    const min = typeof found.element.min_query_length === 'number' ? found.element.min_query_length : 3;
    if (input.value.length < min) return void res.json({ ok: true, options: [] });
    const answer = await post(interactivityBody(blockSuggestionPayload({ user, view, blockId: input.blockId, actionId: input.actionId, value: input.value })));
    if (answer.status !== 200) return void res.json({ ok: false, options: [], message: `The app answered HTTP ${answer.status}.` });
    const parsed = optionsAnswerSchema.safeParse(safeJson(answer.text));
    const options = parsed.success ? [...(parsed.data.options ?? []), ...(parsed.data.option_groups ?? []).flatMap((g) => g.options)].slice(0, 100) : [];
    const current = (await store.view(view.id)) ?? view;
    await store.saveView({ ...current, loaded: { ...(current.loaded ?? {}), [input.blockId]: options.map((o) => ({ text: o.text, value: o.value })) } });
    res.json({ ok: true, options });
  }));

  router.post('/home-opened', handle(homeSchema, async (input, res) => {
    const user = userById(input.user);
    if (!user || user.isBot) return void res.status(404).json({ error: 'not_found' });
    const home = await store.homeOf(user.id);
    const answer = await post(JSON.stringify(appHomeOpenedPayload(user, home?.id ?? null, Math.floor(link.now().getTime() / 1000))), 'application/json');
    res.json({ ok: answer.status === 200 });
  }));

  router.post('/home-action', handle(homeActionSchema, async (input, res) => {
    const user = userById(input.user);
    const home = user ? await store.homeOf(user.id) : null;
    if (!user || !home) return void res.status(404).json({ error: 'not_found' });
    const found = findElement(home.view.blocks, input.blockId, input.actionId);
    if (!found) return void res.status(404).json({ error: 'element_not_found', message: 'that button is no longer on the Home tab' });
    const payload = viewBlockActionsPayload({ user, view: home, action: actionOf(found.element, found.blockId, actionTs(link.now())), triggerId: await store.issueTrigger(user.id) });
    const answer = await post(interactivityBody(payload));
    res.json(answer.status === 200 ? { ok: true } : { ok: false, message: `The app answered HTTP ${answer.status}.` });
  }));
  return router;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
