import { z } from 'zod';
import { approvalClickSchema } from '../../../src/approvals/approval-click.ts';
import { SLACK_LIMITS } from '../mrkdwn.ts';

/** The action ids of the card's buttons; listeners register on exactly these. */
export const CARD_ACTIONS = {
  approve: 'approval_approve',
  reject: 'approval_reject',
  details: 'approval_details',
  retry: 'approval_retry',
  openInOdoo: 'approval_open_odoo',
} as const;

/**
 * What a card button carries back: compact keys, because Slack caps a value at 2,000 characters.
 * r = request id, v = card version, n = PO name (reject: the modal's heading), u = the Slack user
 * the card names as allowed to retry (retry button; the core still decides).
 */
export const cardButtonValueSchema = z.object({
  r: approvalClickSchema.shape.requestId,
  v: approvalClickSchema.shape.version,
  n: z.string().max(64).optional(),
  u: z.string().max(64).optional(),
});

export type CardButtonValue = z.infer<typeof cardButtonValueSchema>;

export function encodeCardButtonValue(value: CardButtonValue): string {
  const json = JSON.stringify(value);
  if (json.length > SLACK_LIMITS.buttonValue) throw new Error(`button value is ${json.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}`);
  return json;
}

/** The value of a clicked button, or null when it is not one the bot wrote. */
export function decodeCardButtonValue(raw: string | undefined): CardButtonValue | null {
  if (!raw || raw.length > SLACK_LIMITS.buttonValue) return null;
  try {
    const parsed = cardButtonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
