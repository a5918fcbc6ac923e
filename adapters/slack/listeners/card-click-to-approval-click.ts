import { approvalClickSchema, type ApprovalClick } from '../../../src/approvals/approval-click.ts';
import { decodeCardButtonValue, type CardButtonValue } from '../blocks/card-button-value.ts';
import { blockActionsBodySchema, buttonActionSchema, cardLocation, displayNameOf, type BlockActionsBody } from './slack-payloads.ts';

export type CardClickReading =
  | { ok: true; body: BlockActionsBody; value: CardButtonValue; click: ApprovalClick }
  | { ok: false; problem: string; userId: string | undefined; channel: string | undefined };

/**
 * Reads a card button click into the core's ApprovalClick: the button value (request and version
 * it was pinned to), who clicked, where, and a click id that is the same when Slack redelivers.
 */
export function cardClickToApprovalClick(rawBody: unknown, rawAction: unknown, action: ApprovalClick['action'], now: () => Date): CardClickReading {
  const body = blockActionsBodySchema.safeParse(rawBody);
  if (!body.success) return { ok: false, problem: 'the click payload is not a block_actions payload', userId: undefined, channel: undefined };
  const where = cardLocation(body.data);
  const fail = (problem: string): CardClickReading => ({ ok: false, problem, userId: body.data.user.id, channel: where.channel });
  const button = buttonActionSchema.safeParse(rawAction);
  if (!button.success) return fail('the clicked element is not a button');
  const value = decodeCardButtonValue(button.data.value);
  if (!value) return fail('the button value is not one the bot wrote');
  if (!where.channel) return fail('the click carries no channel');
  const displayName = displayNameOf(body.data.user);
  const click = approvalClickSchema.safeParse({
    requestId: value.r,
    version: value.v,
    action,
    actor: { platform: 'slack', userId: body.data.user.id, ...(displayName ? { displayName } : {}) },
    source: { platform: 'slack', channel: where.channel, ...(where.messageTs ? { messageId: where.messageTs } : {}) },
    clickId: `${button.data.action_ts}-${body.data.user.id}`,
    clickedAt: now().toISOString(),
  });
  if (!click.success) return fail(`the click is incomplete (${click.error.issues[0]?.path.join('.') ?? 'unknown field'})`);
  return { ok: true, body: body.data, value, click: click.data as ApprovalClick };
}
