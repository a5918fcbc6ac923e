import { z } from 'zod';
import { approvalClickSchema } from '../../../src/approvals/approval-click.ts';
import { SLACK_LIMITS, mrkdwnTextWithin } from '../mrkdwn.ts';
import { bk, type ModalView } from './block-kit.ts';

export const REJECT_MODAL = {
  callbackId: 'approval_reject_modal',
  reasonBlockId: 'reason_block',
  reasonActionId: 'reason_input',
  reasonMinLength: 3,
  reasonMaxLength: 2_000,
} as const;

/**
 * What the modal carries from the click to the submission (Slack hands private_metadata back
 * untouched): r = request id, v = card version, c = the card's channel, m = the card's message ts.
 */
export const rejectModalMetadataSchema = z.object({
  r: approvalClickSchema.shape.requestId,
  v: approvalClickSchema.shape.version,
  c: z.string().min(1).max(128),
  m: z.string().max(128).optional(),
});

export type RejectModalMetadata = z.infer<typeof rejectModalMetadataSchema>;

export interface RejectModalInput {
  requestId: string;
  version: string;
  channel: string;
  messageTs?: string;
  /** Raw PO name for the prompt, when the button carried it. */
  orderName?: string;
}

/** The Reject modal: one required, multiline reason; Slack enforces the length before submit. */
export function buildRejectModal(input: RejectModalInput): ModalView {
  const metadata: RejectModalMetadata = { r: input.requestId, v: input.version, c: input.channel, ...(input.messageTs ? { m: input.messageTs } : {}) };
  const privateMetadata = JSON.stringify(metadata);
  if (privateMetadata.length > SLACK_LIMITS.modalPrivateMetadata) throw new Error('reject modal metadata is longer than Slack allows');
  const what = input.orderName ? `*${mrkdwnTextWithin(input.orderName, 64, { singleLine: true })}*` : 'this purchase order';
  return {
    type: 'modal',
    callback_id: REJECT_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: bk.plain('Reject order', SLACK_LIMITS.modalTitle),
    submit: bk.plain('Reject', SLACK_LIMITS.modalButton),
    close: bk.plain('Cancel', SLACK_LIMITS.modalButton),
    notify_on_close: false,
    blocks: [
      bk.section(`You are rejecting ${what}. The buyer sees your reason, and it is written to the order's chatter in Odoo.`),
      {
        type: 'input',
        block_id: REJECT_MODAL.reasonBlockId,
        label: bk.plain('Reason', SLACK_LIMITS.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: REJECT_MODAL.reasonActionId,
          multiline: true,
          min_length: REJECT_MODAL.reasonMinLength,
          max_length: REJECT_MODAL.reasonMaxLength,
          placeholder: bk.plain('e.g. price is above the framework agreement', SLACK_LIMITS.inputPlaceholder),
        },
      },
    ],
  };
}

/** The metadata of a submitted modal, or null when it is not what buildRejectModal wrote. */
export function readRejectModalMetadata(raw: string | undefined): RejectModalMetadata | null {
  if (!raw || raw.length > SLACK_LIMITS.modalPrivateMetadata) return null;
  try {
    const parsed = rejectModalMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
