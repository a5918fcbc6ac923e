import type { App, BlockAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { exceptionClickSchema, type ExceptionClick, type ExceptionClickSink } from '../../../../src/alerts/lifecycle/exception-click.ts';
import { EXCEPTION_ACTION_PATTERN, decodeExceptionValue, exceptionActionOf } from '../../blocks/exception-actions.ts';
import { answerPrivately } from '../answer-privately.ts';
import { CLICK_NOT_RECORDED, UNRECOGNISED_BUTTON } from '../forward-card-click.ts';
import type { ButtonClickArgs } from '../listener-deps.ts';
import { blockActionsBodySchema, buttonActionSchema, cardLocation, displayNameOf } from '../slack-payloads.ts';

export interface ExceptionListenerDeps {
  onExceptionClick: ExceptionClickSink;
  logger: Logger;
  now: () => Date;
}

/** Reads a click on an exception button into the core's ExceptionClick, or says what is wrong with it. */
export function readExceptionClick(rawBody: unknown, rawAction: unknown, now: () => Date): { ok: true; click: ExceptionClick } | { ok: false; problem: string; userId?: string; channel?: string } {
  const body = blockActionsBodySchema.safeParse(rawBody);
  if (!body.success) return { ok: false, problem: 'not a block_actions payload' };
  const where = cardLocation(body.data);
  const fail = (problem: string) => ({ ok: false as const, problem, userId: body.data.user.id, ...(where.channel ? { channel: where.channel } : {}) });
  const button = buttonActionSchema.safeParse(rawAction);
  if (!button.success) return fail('the clicked element is not a button');
  const action = exceptionActionOf(button.data.action_id);
  const key = decodeExceptionValue(button.data.value);
  if (!action || !key) return fail('the button is not one the bot wrote');
  if (!where.channel) return fail('the click carries no channel');
  const displayName = displayNameOf(body.data.user);
  const click = exceptionClickSchema.safeParse({
    key, action,
    actor: { platform: 'slack', userId: body.data.user.id, ...(displayName ? { displayName } : {}) },
    source: { platform: 'slack', channel: where.channel, ...(where.messageTs ? { messageId: where.messageTs } : {}) },
    clickId: `${button.data.action_ts}-${body.data.user.id}`,
    clickedAt: now().toISOString(),
  });
  if (!click.success) return fail(`the click is incomplete (${click.error.issues[0]?.path.join('.') ?? 'unknown field'})`);
  return { ok: true, click: click.data as ExceptionClick };
}

/**
 * Every exception button (Acknowledge, Snooze, Take ownership, Ask buyer, Open from a digest): ack
 * at once, then one durable queue add; the worker does the rest. Problems go to the clicker alone.
 */
export function exceptionClicked(deps: ExceptionListenerDeps) {
  return async (args: ButtonClickArgs): Promise<void> => {
    await args.ack();
    const hasResponseUrl = typeof (args.body as { response_url?: unknown }).response_url === 'string';
    const reading = readExceptionClick(args.body, args.action, deps.now);
    if (!reading.ok) {
      deps.logger.warn({ problem: reading.problem }, 'slack exception click refused');
      if (reading.userId) await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: reading.channel, userId: reading.userId }, UNRECOGNISED_BUTTON, deps.logger);
      return;
    }
    try {
      await deps.onExceptionClick(reading.click);
    } catch (err) {
      deps.logger.error({ err, key: reading.click.key, action: reading.click.action }, 'could not hand the exception click to the core');
      await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: reading.click.source.channel, userId: reading.click.actor.userId }, CLICK_NOT_RECORDED, deps.logger);
    }
  };
}

export function register(app: App, deps: ExceptionListenerDeps): void {
  app.action<BlockAction>(EXCEPTION_ACTION_PATTERN, exceptionClicked(deps));
}
