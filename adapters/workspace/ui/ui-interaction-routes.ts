import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { blockActionsPayload, actionOf, actionTs, slashCommandBody, viewClosedPayload, viewSubmissionPayload } from '../interactions/interaction-payloads.ts';
import { blockIdOf, findElement, selectedOption } from '../interactions/find-element.ts';
import { eventCallbackPayload, eventKindOf } from '../interactions/event-payloads.ts';
import { interactivityBody, postSignedToBot, type SignedPostResult } from '../interactions/post-signed.ts';
import { BOT_ID, BOT_USER, directChannelOf, userById, type WorkspaceChannel, type WorkspaceUser } from '../workspace-directory.ts';
import type { WorkspaceStore, WorkspaceView } from '../workspace-store.ts';
import { withTypedMentions } from './typed-mentions.ts';
import { visibleChannel } from './visible-channel.ts';

export interface BotLink {
  /** The bot's /slack/events, where the workspace sends what people do. */
  eventsUrl: string;
  signingSecret: string;
  /** The bot's own URL: response_urls point back here. */
  ownUrl: string;
  now: () => Date;
}

const actionSchema = z.object({ user: z.string(), channel: z.string(), ts: z.string(), blockId: z.string(), actionId: z.string(), selected: z.string().optional() });
const submitSchema = z.object({ user: z.string(), viewId: z.string(), values: z.record(z.string(), z.string().nullable()) });
const closeSchema = z.object({ user: z.string(), viewId: z.string() });
const messageSchema = z.object({ user: z.string(), channel: z.string(), text: z.string().min(1).max(4_000) });
const botAnswerSchema = z.looseObject({ response_action: z.enum(['errors', 'update', 'push', 'clear']).optional(), errors: z.record(z.string(), z.string()).optional(), view: z.looseObject({}).optional() });

/**
 * What the browser asks the workspace server to do for the chosen user: click, pick, submit a
 * modal, close it, type a message or a slash command. The server builds Slack's payload from its
 * own copy of the message or view, signs it with the signing secret and POSTs it to the bot: the
 * secret never reaches the browser, and the browser cannot make the bot see a value it never wrote.
 */
export function uiInteractionRoutes(deps: { store: WorkspaceStore; channels: readonly WorkspaceChannel[]; link: BotLink; logger: Logger }): Router {
  const { store, link } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '256kb' }));
  const post = (body: string, contentType = 'application/x-www-form-urlencoded') => postSignedToBot({ eventsUrl: link.eventsUrl, signingSecret: link.signingSecret, body, contentType, now: link.now });
  const responseUrl = async (channel: string, user: string, messageTs?: string) => `${link.ownUrl}/workspace/respond/${await store.issueResponseToken({ channel, user, ...(messageTs ? { messageTs } : {}) })}`;

  const handle = (schema: z.ZodType, run: (input: never, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_request', message: parsed.error.issues[0]?.message ?? 'invalid' });
      return;
    }
    void run(parsed.data as never, res).catch((err: unknown) => {
      deps.logger.error({ err }, 'workspace interaction failed');
      res.status(500).json({ error: 'internal_error' });
    });
  };

  router.post('/action', handle(actionSchema, async (input: z.infer<typeof actionSchema>, res) => {
    const user = userById(input.user);
    const channel = visibleChannel(deps.channels, input.user, input.channel);
    const message = channel ? await store.get(channel.id, input.ts) : null;
    if (!user || !channel || !message || (message.ephemeralTo && message.ephemeralTo !== user.id)) return void res.status(404).json({ error: 'not_found' });
    const found = findElement(message.blocks, input.blockId, input.actionId);
    if (!found) return void res.status(404).json({ error: 'element_not_found', message: 'that button is no longer on the message' });
    const selected = input.selected !== undefined ? selectedOption(found.element, input.selected) : undefined;
    if (input.selected !== undefined && !selected) return void res.status(400).json({ error: 'bad_option' });
    await store.noteInteraction(user.id, channel.id, message.ts);
    const payload = blockActionsPayload({
      user, channel, message,
      action: actionOf(found.element, found.blockId, actionTs(link.now()), selected ?? undefined),
      triggerId: await store.issueTrigger(user.id, channel.id),
      responseUrl: await responseUrl(channel.id, user.id, message.ts),
    });
    res.json(outcome(await post(interactivityBody(payload))));
  }));

  router.post('/submit', handle(submitSchema, async (input: z.infer<typeof submitSchema>, res) => {
    const user = userById(input.user);
    const view = await store.view(input.viewId);
    if (!user || !view || view.user !== user.id) return void res.status(404).json({ error: 'not_found' });
    const payload = viewSubmissionPayload({ user, view, values: stateValues(view, input.values), triggerId: await store.issueTrigger(user.id, view.channel) });
    const answer = await post(interactivityBody(payload));
    if (answer.status !== 200) return void res.json(outcome(answer));
    const parsed = botAnswerSchema.safeParse(answer.text.trim() ? safeJson(answer.text) : {});
    const action = parsed.success ? parsed.data : {};
    if (action.response_action === 'errors') return void res.json({ ok: false, errors: action.errors ?? {} });
    if ((action.response_action === 'update' || action.response_action === 'push') && action.view) {
      // One modal at a time here: a pushed view replaces the current one.
      await store.saveView({ ...view, view: action.view, hash: `${view.hash}+` }, user.id);
      return void res.json({ ok: true, updated: true });
    }
    await store.closeModal(user.id, view.id);
    res.json({ ok: true, closed: true });
  }));

  router.post('/close', handle(closeSchema, async (input: z.infer<typeof closeSchema>, res) => {
    const user = userById(input.user);
    const view = await store.view(input.viewId);
    if (!user || !view || view.user !== user.id) return void res.status(404).json({ error: 'not_found' });
    await store.closeModal(user.id, view.id);
    if (view.view.notify_on_close === true) void post(interactivityBody(viewClosedPayload({ user, view })));
    res.json({ ok: true });
  }));

  router.post('/message', handle(messageSchema, async (input: z.infer<typeof messageSchema>, res) => {
    const user = userById(input.user);
    const channel = visibleChannel(deps.channels, input.user, input.channel);
    if (!user || !channel) return void res.status(404).json({ error: 'not_found' });
    const slash = /^(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(input.text.trim());
    await store.noteInteraction(user.id, channel.id, null);
    if (!slash) {
      const message = await store.post({ channel: channel.id, user: user.id, text: withTypedMentions(escapeEntities(input.text)) });
      // The Events API, for the events manifest/slack.yaml subscribes to: message.im in the bot's
      // DM, app_mention in a channel; any other message Slack would not tell the app about.
      const kind = eventKindOf(message, channel.id === directChannelOf(user.id));
      if (!kind) return void res.json({ ok: true });
      const envelope = eventCallbackPayload(kind, user, message, Math.floor(link.now().getTime() / 1000));
      return void res.json({ ...outcome(await post(JSON.stringify(envelope), 'application/json')), event: kind });
    }
    const command = slash[1]!.toLowerCase();
    const body = slashCommandBody({ user, channel, command, text: slash[2] ?? '', triggerId: await store.issueTrigger(user.id, channel.id), responseUrl: await responseUrl(channel.id, user.id) });
    const answer = await post(body);
    await showCommandAnswer(store, channel.id, user, command, answer);
    res.json(outcome(answer));
  }));
  return router;
}

/** The state.values Slack builds from a modal's input blocks, typed by the view, filled by the person. */
function stateValues(view: WorkspaceView, given: Record<string, string | null>): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  const blocks = Array.isArray(view.view.blocks) ? (view.view.blocks as Array<Record<string, unknown>>) : [];
  blocks.forEach((block, i) => {
    if (block.type !== 'input') return;
    const element = block.element as Record<string, unknown> | undefined;
    if (!element || typeof element.action_id !== 'string') return;
    const blockId = blockIdOf(block, i);
    const raw = given[blockId] ?? null;
    if (element.type === 'static_select') {
      values[blockId] = { [element.action_id]: { type: 'static_select', selected_option: raw === null ? null : selectedOption(element, raw) } };
    } else if (element.type === 'external_select') {
      // Only an option the app answered (or its initial_option) can be selected, as in Slack.
      const initial = element.initial_option as { text: unknown; value: string } | undefined;
      const known = [...(view.loaded?.[blockId] ?? []), ...(initial ? [initial] : [])];
      values[blockId] = { [element.action_id]: { type: 'external_select', selected_option: raw === null ? null : (known.find((o) => o.value === raw) ?? null) } };
    } else if (element.type === 'datepicker') {
      values[blockId] = { [element.action_id]: { type: 'datepicker', selected_date: raw !== null && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null } };
    } else {
      values[blockId] = { [element.action_id]: { type: element.type, value: raw === '' ? null : raw } };
    }
  });
  return values;
}

/** Slack's answer to a person after their click: silence when the app acknowledged, else why not. */
function outcome(answer: SignedPostResult): Record<string, unknown> {
  if (answer.status === 200) return { ok: true, ms: Math.round(answer.ms) };
  const why = answer.status === 408 ? 'The app did not respond in time (3 seconds).' : `The app answered HTTP ${answer.status}${answer.text ? `: ${answer.text.slice(0, 200)}` : ''}.`;
  return { ok: false, status: answer.status, message: why };
}

/** What Slack shows after a slash command: the app's immediate answer (ephemeral unless in_channel), or Slackbot's error. */
async function showCommandAnswer(store: WorkspaceStore, channel: string, user: WorkspaceUser, command: string, answer: SignedPostResult): Promise<void> {
  if (answer.status !== 200) {
    const error = answer.status === 408 ? 'operation_timeout' : 'dispatch_failed';
    await store.post({ channel, user: 'USLACKBOT', text: `${command} failed with the error "${error}"`, ephemeralTo: user.id });
    return;
  }
  if (!answer.text.trim()) return;
  const json = safeJson(answer.text) as Record<string, unknown> | null;
  const text = json ? String(json.text ?? '') : escapeEntities(answer.text);
  const blocks = json && Array.isArray(json.blocks) ? json.blocks : undefined;
  if (!text && !blocks) return;
  await store.post({ channel, user: BOT_USER.id, botId: BOT_ID, text, ...(blocks ? { blocks } : {}), ...(json?.response_type === 'in_channel' ? {} : { ephemeralTo: user.id }) });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a person types is text, not markup: Slack's clients escape &, < and > the same way. */
function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
