import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import { triageClickSchema, type TriageClick, type TriageClickSink } from '../../../../src/triage/flow/triage-click.ts';
import { decodeTriageButtonValue, proposalOfCategoryBlock, TRIAGE_ACTIONS, TRIAGE_CATEGORY_BLOCK } from '../../blocks/triage-button-value.ts';
import { answerPrivately } from '../answer-privately.ts';
import { blockActionsBodySchema, cardLocation, displayNameOf } from '../slack-payloads.ts';

export interface TriageListenerDeps {
  onTriageClick: TriageClickSink;
  logger: Logger;
  now: () => Date;
}

export type TriageActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const actionSchema = z.looseObject({
  type: z.enum(['button', 'static_select']),
  action_id: z.string(),
  block_id: z.string().max(255).optional(),
  action_ts: z.string().regex(/^\d{1,12}(\.\d{1,9})?$/),
  value: z.string().max(2_000).optional(),
  selected_option: z.looseObject({ value: z.string().max(150) }).optional(),
});
const stateSchema = z.looseObject({
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({ selected_option: z.looseObject({ value: z.string() }).nullish() }))) }).optional(),
});

export type TriageClickReading = { ok: true; click: TriageClick } | { ok: false; problem: string; userId: string | undefined; channel: string | undefined };

/**
 * Reads a click on a triage card (a button, or the category select) into the core's TriageClick.
 * Confirm takes the category the select shows now when the payload carries it (a person may pick
 * and confirm before the card is re-rendered), else the one the button was rendered with.
 */
export function readTriageClick(rawBody: unknown, rawAction: unknown, action: TriageClick['action'], now: () => Date): TriageClickReading {
  const body = blockActionsBodySchema.safeParse(rawBody);
  if (!body.success) return { ok: false, problem: 'the click payload is not a block_actions payload', userId: undefined, channel: undefined };
  const where = cardLocation(body.data);
  const fail = (problem: string): TriageClickReading => ({ ok: false, problem, userId: body.data.user.id, channel: where.channel });
  const parsed = actionSchema.safeParse(rawAction);
  if (!parsed.success) return fail('the clicked element is not a triage control');
  const a = parsed.data;
  let proposalId: string | null;
  let category: string | undefined;
  let revision: number | undefined;
  if (a.type === 'static_select') {
    proposalId = proposalOfCategoryBlock(a.block_id);
    category = a.selected_option?.value;
  } else {
    const value = decodeTriageButtonValue(a.value);
    proposalId = value?.p ?? null;
    revision = value?.r;
    category = action === 'confirm' ? (selectedCategory(rawBody, proposalId) ?? value?.c) : undefined;
  }
  if (!proposalId) return fail('the control is not one the bot wrote');
  if (!where.channel) return fail('the click carries no channel');
  const displayName = displayNameOf(body.data.user);
  const click = triageClickSchema.safeParse({
    proposalId,
    action,
    ...(category ? { category } : {}),
    ...(revision !== undefined ? { revision } : {}),
    actor: { platform: 'slack', userId: body.data.user.id, ...(displayName ? { displayName } : {}) },
    source: { platform: 'slack', channel: where.channel, ...(where.messageTs ? { messageId: where.messageTs } : {}) },
    clickId: `${a.action_ts}-${body.data.user.id}`,
    clickedAt: now().toISOString(),
  });
  if (!click.success) return fail(`the click is incomplete (${click.error.issues[0]?.path.join('.') ?? 'unknown field'})`);
  return { ok: true, click: click.data as TriageClick };
}

/** The category the card's select shows in the payload's state, if any. */
function selectedCategory(rawBody: unknown, proposalId: string | null): string | undefined {
  const state = stateSchema.safeParse(rawBody);
  if (!state.success || !state.data.state || !proposalId) return undefined;
  for (const [blockId, byAction] of Object.entries(state.data.state.values)) {
    if (!blockId.startsWith(TRIAGE_CATEGORY_BLOCK) || proposalOfCategoryBlock(blockId) !== proposalId) continue;
    const value = byAction[TRIAGE_ACTIONS.category]?.selected_option?.value;
    if (value) return value;
  }
  return undefined;
}

export const TRIAGE_UNRECOGNISED = 'This control is not one I can act on (the card may be from an older version of the bot). Nothing was changed.';
export const TRIAGE_NOT_RECORDED = 'I could not record your click just now. Nothing was changed; please try again in a moment.';

/** After the ack: translate and hand to the core; failures are told to the clicker alone, never thrown. */
export async function forwardTriageClick(action: TriageClick['action'], args: TriageActionArgs, deps: TriageListenerDeps): Promise<void> {
  const reading = readTriageClick(args.body, args.action, action, deps.now);
  const hasResponseUrl = typeof (args.body as { response_url?: unknown }).response_url === 'string';
  if (!reading.ok) {
    deps.logger.warn({ problem: reading.problem, action }, 'slack triage click refused');
    if (reading.userId) await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: reading.channel, userId: reading.userId }, TRIAGE_UNRECOGNISED, deps.logger);
    return;
  }
  try {
    await deps.onTriageClick(reading.click);
  } catch (err) {
    deps.logger.error({ err, proposalId: reading.click.proposalId, action, clickId: reading.click.clickId }, 'could not hand the triage click to the core');
    await answerPrivately({ respond: args.respond, hasResponseUrl, client: args.client, channel: reading.click.source.channel, userId: reading.click.actor.userId }, TRIAGE_NOT_RECORDED, deps.logger);
  }
}
