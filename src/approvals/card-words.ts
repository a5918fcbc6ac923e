import type { ApprovalCardStatus, ApprovalCardView } from './approval-card-view.ts';

/**
 * The words of an approval card that are the same on every platform; the Slack and Teams
 * renderers add their markup (and escape: every part here is raw text, names included).
 */

/** How a decision is said while it is written, once it is, and as a noun. */
export const DECISION_WORDS = {
  approve: { doing: 'Approving', done: 'Approved', noun: 'approval' },
  reject: { doing: 'Rejecting', done: 'Rejected', noun: 'rejection' },
} as const;

/** What the card says the moment a click is recorded, before Odoo is written: "Recording the approval…". */
export const recordingWords = (decision: 'approve' | 'reject') => `Recording the ${DECISION_WORDS[decision].noun}…`;

/** What the card says while Odoo cannot be reached: the decision is kept and written when Odoo answers. */
export const WAITING_FOR_ODOO = 'Waiting for Odoo (retrying)';
export const waitingForOdooWords = (decision: 'approve' | 'reject') =>
  `Odoo cannot be reached. The ${DECISION_WORDS[decision].noun} is recorded and is written as soon as Odoo answers.`;

/** The private message to the person whose decision could not be written, above its Retry button. */
export const retryOfferWords = (orderName: string, decision: 'approve' | 'reject', reason: string) =>
  `Your ${DECISION_WORDS[decision].noun} of ${orderName} could not be written to Odoo: ${reason}. Nothing was changed in Odoo. Press Retry to write it again.`;

/** How a PO that left `to approve` in Odoo (not through the card) is said. */
export const ELSEWHERE_WORDS = {
  approved: 'Approved in Odoo',
  cancelled: 'Cancelled in Odoo',
  changed: 'Changed in Odoo',
  reset_to_draft: 'Set back to draft in Odoo',
} as const;

/** A line in two parts: `strong` is shown bold, `rest` follows it. */
export interface EmphasizedLine {
  icon: 'person' | 'arrow';
  strong: string;
  rest: string;
}

/**
 * What is personal to this copy of the card (null: nothing): a delegate's card says whom it acts
 * for; an absent approver's own card says who has it now, and that its buttons still work.
 */
export function delegationWords(view: Pick<ApprovalCardView, 'onBehalfOf' | 'onBehalfEnded' | 'delegatedTo'>): EmphasizedLine | null {
  if (view.onBehalfOf) {
    const from = view.onBehalfOf;
    return view.onBehalfEnded
      ? { icon: 'person', strong: `On behalf of ${from}`, rest: `: that delegation has ended, so ${from} decides again. This card stays; it works for you only within your own authority.` }
      : { icon: 'person', strong: `On behalf of ${from}`, rest: ', who is away and delegated their approvals to you. Your own approval limit applies.' };
  }
  if (view.delegatedTo) {
    const to = view.delegatedTo.name;
    return view.delegatedTo.ended
      ? { icon: 'arrow', strong: `Was delegated to ${to}`, rest: `: the delegation has ended, so it is yours again. ${to}'s card stays.` }
      : { icon: 'arrow', strong: `Delegated to ${to}`, rest: ' while you are away. You can still decide here.' };
  }
  return null;
}

/** The short state of the card (Slack's context line, Teams' footer). */
export function statusLabel(status: ApprovalCardStatus): string {
  const labels: Record<ApprovalCardStatus['kind'], string> = {
    pending: 'Waiting for approval',
    queued: 'Queued',
    retrying: status.kind === 'retrying' && status.waitingForOdoo ? 'Waiting for Odoo' : 'Retrying',
    written: 'Done',
    failed: 'Write failed',
    decided_elsewhere: 'Closed',
  };
  return labels[status.kind];
}
