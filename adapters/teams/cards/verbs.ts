import { cardId } from './card-ids.ts';

/**
 * The Universal Action verbs (Action.Execute `verb`) of every card the bot sends to Teams, and
 * the `data` each carries. The invoke handler (`adaptiveCard/action`) dispatches on these; the
 * card renderers emit them. One list, so a renamed verb breaks the build, not a button.
 */
export const TEAMS_VERBS = {
  /** refresh: each viewer gets the card with the buttons they may use. */
  approvalRefresh: 'approval.refresh',
  approvalApprove: 'approval.approve',
  /** Carries the Input.Text TEAMS_INPUTS.rejectReason (required, isRequired on the input). */
  approvalReject: 'approval.reject',
  approvalRetry: 'approval.retry',
  approvalDetails: 'approval.details',
  /** Exception actions: `exception.acknowledge`, `exception.snooze-1h`, ... (EXCEPTION_ACTIONS). */
  exceptionPrefix: 'exception.',
  exceptionRefresh: 'exception.refresh',
  triageConfirm: 'triage.confirm',
  /** Carries the Input.ChoiceSet TEAMS_INPUTS.triageCategory. */
  triageSetCategory: 'triage.set_category',
  triageDismiss: 'triage.dismiss',
  triageRetry: 'triage.retry',
  triageRefresh: 'triage.refresh',
} as const;

/** `data` of approval actions (besides Teams' own fields and the inputs' values). */
export interface ApprovalActionData {
  requestId: string;
  version: string;
}

/** `data` of exception actions. */
export interface ExceptionActionData {
  /** `type:model:id`, the exception's key. */
  key: string;
}

/** `data` of triage actions. */
export interface TriageActionData {
  proposalId: string;
  /** Confirm: the category the card showed. */
  category?: string;
  revision?: number;
}

/**
 * Ids of the inputs whose values come back in `action.data` (named by cardId, so they never
 * collide with a block's id: the reject reason is `input.reject-reason`, not the `reason` block).
 */
export const TEAMS_INPUTS = { rejectReason: cardId.input('reject-reason'), triageCategory: cardId.input('triage-category') } as const;

/** An Adaptive Card as JSON (schema 1.5); kept loose: the renderers' tests check the shape. */
export type AdaptiveCard = { type: 'AdaptiveCard'; version: '1.5'; body: unknown[]; actions?: unknown[]; refresh?: unknown; msteams?: unknown; $schema?: string };
