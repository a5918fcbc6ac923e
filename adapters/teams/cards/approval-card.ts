import type { ApprovalCardView } from '../../../src/approvals/approval-card-view.ts';
import { ac, isWebUrl, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.ts';
import { approvalStatusLabel, approvalStatusLine, chainStepFact, delegationLine } from './approval-status-text.ts';
import { lineText } from './approval-line-text.ts';
import { cardDate, formatAmount } from './card-values.ts';
import { cardTextWithin, escapeCardText, plainCardText } from './escape-card-text.ts';
import { TEAMS_INPUTS, TEAMS_VERBS, type ApprovalActionData } from './verbs.ts';
import { cardId } from './card-ids.ts';

export { approvalDetailsCards } from './approval-details-card.ts';

/** What the viewer may do, from the refresh invoke (null: the card as posted to everyone). */
export interface TeamsCardViewer {
  mayDecide: boolean;
  mayRetry: boolean;
  /** Shown small, in the attention colour: "You are not an approver of this PO". */
  note?: string;
}

/** A line description on the card stays short; Details shows it whole. */
const CARD_DESCRIPTION_MAX = 120;
export const CARD_LINES_MAX = 5;
/** The same bounds as Slack's reject modal; the core refuses a blank reason itself too. */
export const REJECT_REASON_MAX = 2_000;

/**
 * The approval card for a PO in Teams (Adaptive Card 1.5, Universal Actions): what it is, why it
 * needs approval, the chain of levels, where the decision stands, and the buttons this viewer may
 * use. Every Odoo string is escaped for card markdown.
 *
 * `refresh`: Teams calls `approval.refresh` (an `adaptiveCard/action` invoke) whenever someone
 * opens the conversation with the card, and shows each person the card the bot answers for them
 * (with `viewer` set): approvers see Approve / Reject, others see the note. Without `userIds`
 * Teams does this automatically for conversations of up to 60 members; in larger channels a
 * viewer refreshes from the card's menu, and until then sees this card as posted (viewer null),
 * whose buttons the core still authorizes on click.
 */
export function approvalAdaptiveCard(view: ApprovalCardView, viewer: TeamsCardViewer | null): AdaptiveCard {
  const data: ApprovalActionData = { requestId: view.requestId, version: view.version };
  const amount = formatAmount(view.amountTotal, view.currency);
  const body: CardElement[] = [ac.heading(cardTextWithin(`${view.orderName} · ${view.vendorName}`, 150, { singleLine: true }))];
  // Personal to this copy of the card: whom a delegate acts for, or who has an absent approver's card.
  const delegation = delegationLine(view);
  if (delegation) body.push(ac.text(delegation, { id: cardId.block('delegation') }));

  const facts = [
    { title: 'Amount', value: escapeCardText(amount) },
    { title: 'Vendor', value: cardTextWithin(view.vendorName, 300, { singleLine: true, fullTextAt: view.odooUrl }) },
    { title: 'Buyer', value: view.buyerName ? cardTextWithin(view.buyerName, 300, { singleLine: true, fullTextAt: view.odooUrl }) : '_none_' },
    ...(view.companyName ? [{ title: 'Company', value: cardTextWithin(view.companyName, 300, { singleLine: true, fullTextAt: view.odooUrl }) }] : []),
    ...(view.datePlanned ? [{ title: 'Planned', value: cardDate(view.datePlanned) }] : []),
    { title: 'Waiting', value: cardTextWithin(view.ageText, 200, { singleLine: true }) },
  ];
  body.push(ac.facts(facts, cardId.block('facts')));

  const shown = view.lines.slice(0, CARD_LINES_MAX);
  const more = moreLinesOf(view);
  if (shown.length > 0) body.push(ac.container(shown.map((l) => ac.text(lineText(l, view.currency, CARD_DESCRIPTION_MAX), { spacing: 'none' })), { id: cardId.block('lines'), separator: true }));
  if (more > 0) body.push(ac.subtle(`…and ${more} more line${more === 1 ? '' : 's'} (Details shows them all)`));

  body.push(ac.text(`**Needs approval because** ${cardTextWithin(view.reason, 2_000, { fullTextAt: view.odooUrl })}`, { id: cardId.block('reason') }));

  if (view.chain && view.chain.length > 0) {
    body.push(ac.container([ac.text('**Approval chain**', { spacing: 'none' }), ac.facts(view.chain.map(chainStepFact))], { id: cardId.block('chain'), separator: true }));
  }

  if (view.changes && view.changes.length > 0) {
    const list = view.changes.slice(0, 20).map((c) => ac.text(`• ${cardTextWithin(c, 300, { singleLine: true })}`, { spacing: 'none' }));
    body.push(ac.container([ac.text('**Changed since you looked:**', { spacing: 'none' }), ...list], { id: cardId.block('changes'), style: 'warning' }));
  }

  const state = approvalStatusLine(view.status, view.odooUrl);
  if (state) body.push(ac.text(state.text, { id: cardId.block('status'), color: state.color, separator: true }));
  if (viewer?.note) body.push(ac.text(cardTextWithin(viewer.note, 300), { size: 'small', color: 'attention', id: cardId.block('viewer-note') }));

  body.push(ac.subtle(`${approvalStatusLabel(view.status)} · rule ${cardTextWithin(view.ruleName, 200, { singleLine: true })} · card version ${escapeCardText(view.version.slice(0, 12))}`));

  return ac.card(body, actionsFor(view, viewer, data, amount), { verb: TEAMS_VERBS.approvalRefresh, data: { ...data } });
}

/** Lines the card leaves out: those the view did not carry, and those beyond the card's five. */
export function moreLinesOf(view: ApprovalCardView): number {
  return view.moreLines + Math.max(0, view.lines.length - CARD_LINES_MAX);
}

function actionsFor(view: ApprovalCardView, viewer: TeamsCardViewer | null, data: ApprovalActionData, amount: string): CardAction[] {
  const actions: CardAction[] = [];
  const mayDecide = viewer === null || viewer.mayDecide;
  if (view.status.kind === 'pending' && mayDecide) actions.push(approveAction(view, data, amount), rejectAction(view, data));
  if (view.status.kind === 'failed' && viewer?.mayRetry) actions.push(ac.execute('Retry', TEAMS_VERBS.approvalRetry, { ...data }, { style: 'positive' }));
  if (moreLinesOf(view) > 0 && view.status.kind !== 'decided_elsewhere') actions.push(ac.execute('Details', TEAMS_VERBS.approvalDetails, { ...data }));
  if (isWebUrl(view.odooUrl)) actions.push(ac.openUrl('Open in Odoo', view.odooUrl));
  return actions;
}

// Adaptive Cards have no confirm dialog: above the policy's threshold Approve opens an inline
// card that asks, and only its button sends the decision.
function approveAction(view: ApprovalCardView, data: ApprovalActionData, amount: string): CardAction {
  const approve = ac.execute('Approve', TEAMS_VERBS.approvalApprove, { ...data }, { style: 'positive', associatedInputs: 'none' });
  if (!view.confirmApprove) return approve;
  const question = `Approve ${cardTextWithin(view.orderName, 64, { singleLine: true })} from ${cardTextWithin(view.vendorName, 80, { singleLine: true })} for ${escapeCardText(amount)}? This confirms the order in Odoo.`;
  return ac.showCard('Approve…', [ac.text(question)], [{ ...approve, title: 'Yes, approve' }], 'positive');
}

// The reason is required: Teams (mobile included) will not send the action while the input is
// empty, and the core refuses a blank reason anyway.
function rejectAction(view: ApprovalCardView, data: ApprovalActionData): CardAction {
  const prompt = `You are rejecting **${cardTextWithin(view.orderName, 64, { singleLine: true })}**. The buyer sees your reason, and it is written to the order's chatter in Odoo.`;
  return ac.showCard(
    'Reject…',
    [
      ac.text(prompt),
      {
        type: 'Input.Text',
        id: TEAMS_INPUTS.rejectReason,
        label: 'Reason',
        isRequired: true,
        errorMessage: 'Say why you reject this order.',
        isMultiline: true,
        maxLength: REJECT_REASON_MAX,
        placeholder: plainCardText('e.g. price is above the framework agreement', 100),
      },
    ],
    [ac.execute('Reject', TEAMS_VERBS.approvalReject, { ...data }, { style: 'destructive', associatedInputs: 'auto' })],
    'destructive',
  );
}
