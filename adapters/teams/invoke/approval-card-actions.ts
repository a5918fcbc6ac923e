import type { ApprovalCardView, ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import { approvalClickSchema, type ApprovalClick, type ApprovalClickSink } from '../../../src/approvals/approval-click.ts';
import type { ApprovalRequest } from '../../../src/approvals/approval-request.ts';
import type { ApprovalStore } from '../../../src/ports/approval-store.ts';
import type { PostedMessage } from '../../../src/ports/chat.ts';
import type { Logger } from 'pino';
import { approvalAdaptiveCard, type TeamsCardViewer } from '../cards/approval-card.ts';
import { TEAMS_INPUTS, TEAMS_VERBS } from '../cards/verbs.ts';
import { baseConversationId, shortConversationId } from '../store/redis-conversation-store.ts';
import { teamsUserRef } from '../teams-approval-chat.ts';
import type { CardAction } from './card-action.ts';
import { invokeAnswer, type InvokeAnswer } from './invoke-response.ts';

export interface ApprovalCardActionDeps {
  onApprovalClick: ApprovalClickSink;
  store: Pick<ApprovalStore, 'get'>;
  /**
   * The view of one posted card of a request in its current state (cardViewFor): a delegate's
   * copy says whom it acts for, an absent approver's copy who has it now.
   */
  cardView: (request: ApprovalRequest, card: Pick<PostedMessage, 'platform' | 'channel'>) => ApprovalCardView;
  /** What this person may do on this request (the same rules the decision applies). */
  viewer: (request: ApprovalRequest, actor: ChatUserRef) => Promise<TeamsCardViewer>;
  logger: Logger;
  now: () => Date;
}

const ACTIONS: Record<string, ApprovalClick['action']> = {
  [TEAMS_VERBS.approvalApprove]: 'approve',
  [TEAMS_VERBS.approvalReject]: 'reject',
  [TEAMS_VERBS.approvalRetry]: 'retry',
  [TEAMS_VERBS.approvalDetails]: 'details',
};

const ACKS: Record<ApprovalClick['action'], (name: string) => string> = {
  approve: (name) => `Recording your approval of ${name}…`,
  reject: (name) => `Recording your rejection of ${name}…`,
  retry: (name) => `Writing the decision on ${name} to Odoo again…`,
  details: (name) => `Posting every line of ${name} in the card's thread…`,
};

export const REASON_REQUIRED = 'A rejection needs a reason: say why in the Reason box, then press Reject.';

/**
 * The `approval.*` verbs of Teams approval cards: a click becomes the same ApprovalClick a Slack
 * button makes and goes to the same queue (the core authorizes, checks staleness and claims the
 * decision); `approval.refresh` answers the card as this viewer may use it.
 */
export function approvalCardActions(deps: ApprovalCardActionDeps): (action: CardAction) => Promise<InvokeAnswer> {
  return async (action) => {
    const a = action.context.activity;
    const actor: ChatUserRef = { platform: 'teams', userId: teamsUserRef({ id: a.from?.id ?? '', aadObjectId: a.from?.aadObjectId }), ...(a.from?.name ? { displayName: a.from.name.slice(0, 200) } : {}) };
    const requestId = typeof action.data.requestId === 'string' ? action.data.requestId : '';
    // The card is where the invoke came from: a channel post's thread is read as its channel, the
    // id the card was posted to (PostedMessage.channel), so the view is that copy's own.
    const card = { platform: 'teams' as const, channel: baseConversationId(a.conversation?.id ?? '') };

    if (action.verb === TEAMS_VERBS.approvalRefresh) {
      const request = requestId ? await deps.store.get(requestId) : null;
      if (!request) return invokeAnswer.badRequest('unknown_request', 'This approval request is no longer known to the bot. Open the PO in Odoo to see where it stands.');
      return invokeAnswer.card(approvalAdaptiveCard(deps.cardView(request, card), await deps.viewer(request, actor)));
    }

    const kind = ACTIONS[action.verb];
    if (!kind) return invokeAnswer.badRequest('unknown_verb', `the bot does not know the card action "${action.verb}"`);
    const reasonRaw = action.data[TEAMS_INPUTS.rejectReason];
    const reason = typeof reasonRaw === 'string' && reasonRaw.trim() ? reasonRaw.trim() : undefined;
    const candidate = {
      requestId,
      version: action.data.version,
      action: kind,
      ...(kind === 'reject' && reason !== undefined ? { reason } : {}),
      actor,
      source: { platform: 'teams', channel: shortConversationId(baseConversationId(a.conversation?.id ?? '')), ...(a.replyToId ? { messageId: a.replyToId } : {}) },
      clickId: `teams-${a.id ?? ''}`,
      clickedAt: deps.now().toISOString(),
    };
    const parsed = approvalClickSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invokeAnswer.badRequest('invalid_action', `the card action is malformed (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}); nothing was recorded`);
    }
    const click = parsed.data as ApprovalClick;

    if (kind === 'reject' && !click.reason) {
      // Teams enforces isRequired on the input, but a client that does not (or a hand-made request) gets the card back with the error.
      const request = await deps.store.get(click.requestId);
      if (!request) return invokeAnswer.badRequest('reason_required', REASON_REQUIRED);
      const viewer = await deps.viewer(request, actor);
      return invokeAnswer.card(approvalAdaptiveCard(deps.cardView(request, card), { ...viewer, note: REASON_REQUIRED }));
    }

    try {
      await deps.onApprovalClick(click);
    } catch (err) {
      deps.logger.error({ err, requestId: click.requestId, clickId: click.clickId }, 'could not hand the Teams click to the core');
      return invokeAnswer.failed('not_recorded', 'Your click could not be recorded. Nothing was changed: please try again in a moment.');
    }
    const request = await deps.store.get(click.requestId).catch(() => null);
    return invokeAnswer.message(ACKS[kind](request?.snapshot.orderName ?? 'this order'));
  };
}
