import type { App, ViewSubmitAction } from '@slack/bolt';
import { approvalClickSchema, type ApprovalClick } from '../../../../src/approvals/approval-click.ts';
import { REJECT_MODAL, readRejectModalMetadata } from '../../blocks/reject-modal.ts';
import { answerPrivately } from '../answer-privately.ts';
import { CLICK_NOT_RECORDED } from '../forward-card-click.ts';
import type { ApprovalListenerDeps, ViewSubmitArgs } from '../listener-deps.ts';
import { displayNameOf, viewSubmissionBodySchema } from '../slack-payloads.ts';

export const REASON_TOO_SHORT = `Please say why, in at least ${REJECT_MODAL.reasonMinLength} characters: the buyer and the order's chatter will show it.`;
const MODAL_OUTDATED = 'This form no longer matches a card. Close it and click Reject on the card again.';

/**
 * The reject modal's submission: a missing or too short reason keeps the modal open with the error
 * under the field (response_action errors); a valid one closes it and reaches the core as a
 * reject click carrying the reason.
 */
export function rejectModalSubmitted(deps: ApprovalListenerDeps) {
  return async (args: ViewSubmitArgs): Promise<void> => {
    const body = viewSubmissionBodySchema.safeParse(args.body);
    const metadata = body.success ? readRejectModalMetadata(body.data.view.private_metadata) : null;
    if (!body.success || !metadata) {
      deps.logger.warn({ problem: body.success ? 'bad private_metadata' : 'not a view_submission' }, 'slack reject modal refused');
      await args.ack({ response_action: 'errors', errors: { [REJECT_MODAL.reasonBlockId]: MODAL_OUTDATED } });
      return;
    }
    const reason = (body.data.view.state.values[REJECT_MODAL.reasonBlockId]?.[REJECT_MODAL.reasonActionId]?.value ?? '').trim();
    if (reason.length < REJECT_MODAL.reasonMinLength || reason.length > REJECT_MODAL.reasonMaxLength) {
      await args.ack({ response_action: 'errors', errors: { [REJECT_MODAL.reasonBlockId]: reason.length > REJECT_MODAL.reasonMaxLength ? `Please keep it under ${REJECT_MODAL.reasonMaxLength} characters.` : REASON_TOO_SHORT } });
      return;
    }
    const { user, view } = body.data;
    const displayName = displayNameOf(user);
    const click = approvalClickSchema.safeParse({
      requestId: metadata.r,
      version: metadata.v,
      action: 'reject',
      reason,
      actor: { platform: 'slack', userId: user.id, ...(displayName ? { displayName } : {}) },
      source: { platform: 'slack', channel: metadata.c, ...(metadata.m ? { messageId: metadata.m } : {}) },
      // One modal is submitted once: its view id plus the user names this decision attempt.
      clickId: `${view.id}-${user.id}`,
      clickedAt: deps.now().toISOString(),
    });
    if (!click.success) {
      await args.ack({ response_action: 'errors', errors: { [REJECT_MODAL.reasonBlockId]: MODAL_OUTDATED } });
      return;
    }
    await args.ack();
    try {
      await deps.onApprovalClick(click.data as ApprovalClick);
    } catch (err) {
      deps.logger.error({ err, requestId: metadata.r, clickId: click.data.clickId }, 'could not hand the reject to the core');
      await answerPrivately({ hasResponseUrl: false, client: args.client, channel: metadata.c, userId: user.id }, CLICK_NOT_RECORDED, deps.logger);
    }
  };
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.view<ViewSubmitAction>(REJECT_MODAL.callbackId, rejectModalSubmitted(deps));
}
