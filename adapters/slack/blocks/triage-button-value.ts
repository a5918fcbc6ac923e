import { z } from 'zod';
import { SLACK_LIMITS } from '../mrkdwn.ts';

/** The action ids of the triage card; listeners register on exactly these. */
export const TRIAGE_ACTIONS = {
  confirm: 'triage_confirm',
  dismiss: 'triage_dismiss',
  category: 'triage_category',
  retry: 'triage_retry',
  openInOdoo: 'triage_open_odoo',
} as const;

/** The select's block id starts so; the proposal id and revision follow (a new block per revision resets the select). */
export const TRIAGE_CATEGORY_BLOCK = 'triage_cat';

/** What a triage button carries back: p = proposal id, c = the category the card showed, r = card revision. */
export const triageButtonValueSchema = z.object({
  p: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/),
  c: z.string().regex(/^[a-z_]{2,40}$/).optional(),
  r: z.number().int().nonnegative().optional(),
});
export type TriageButtonValue = z.infer<typeof triageButtonValueSchema>;

export function encodeTriageButtonValue(value: TriageButtonValue): string {
  const json = JSON.stringify(value);
  if (json.length > SLACK_LIMITS.buttonValue) throw new Error(`button value is ${json.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}`);
  return json;
}

export function decodeTriageButtonValue(raw: string | undefined): TriageButtonValue | null {
  if (!raw || raw.length > SLACK_LIMITS.buttonValue) return null;
  try {
    const parsed = triageButtonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `triage_cat.<revision>.<proposalId>`: the select's block id. */
export function categoryBlockId(proposalId: string, revision: number): string {
  return `${TRIAGE_CATEGORY_BLOCK}.${revision}.${proposalId}`;
}

/** The proposal id in a select's block id, or null when the block is not one the bot wrote. */
export function proposalOfCategoryBlock(blockId: string | undefined): string | null {
  const m = /^triage_cat\.\d{1,9}\.([A-Za-z0-9._-]{1,120})$/.exec(blockId ?? '');
  return m ? m[1]! : null;
}
