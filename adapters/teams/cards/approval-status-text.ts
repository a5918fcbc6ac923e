import type { ApprovalCardStatus, ApprovalChainStep, ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import type { TextColor } from './adaptive-card.ts';
import { cardDateTime, cardTime } from './card-values.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';

const verbs = {
  approve: { doing: 'Approving', done: 'Approved', noun: 'approval' },
  reject: { doing: 'Rejecting', done: 'Rejected', noun: 'rejection' },
} as const;

const elsewhere = {
  approved: 'Approved in Odoo',
  cancelled: 'Cancelled in Odoo',
  changed: 'Changed in Odoo',
  reset_to_draft: 'Set back to draft in Odoo',
} as const;

const who = (name: string) => cardTextWithin(name, 120, { singleLine: true });
const behalf = (name: string | undefined) => (name ? ` on behalf of ${who(name)}` : '');

/** A person by name: Teams mentions need entities the renderer does not add, so names are text. */
export function personName(user: ChatUserRef): string {
  return who(user.displayName ?? user.userId);
}

/** The card's state line in Teams markdown and its colour (null while pending: the buttons say it all). */
export function approvalStatusLine(status: ApprovalCardStatus): { text: string; color: TextColor } | null {
  switch (status.kind) {
    case 'pending':
      return null;
    case 'queued':
      return { text: `⏳ **${verbs[status.decision].doing}… (queued)** by ${who(status.by)}${behalf(status.onBehalfOf)}`, color: 'default' };
    case 'retrying':
      return {
        text: `🔄 **Retrying write to Odoo (attempt ${status.attempt})**: ${cardTextWithin(status.reason, 500, { singleLine: true })}\n\n${verbs[status.decision].done} by ${who(status.by)}`,
        color: 'warning',
      };
    case 'written': {
      const line = `${status.decision === 'approve' ? '✅' : '⛔'} **${verbs[status.decision].done} by ${who(status.by)}${behalf(status.onBehalfOf)} at ${cardTime(status.at)}**, written to Odoo`;
      return { text: status.reason ? `${line}\n\n**Reason:** ${cardTextWithin(status.reason, 2_000)}` : line, color: status.decision === 'approve' ? 'good' : 'attention' };
    }
    case 'failed':
      return {
        text: `⚠️ **The ${verbs[status.decision].noun} by ${who(status.by)} could not be written to Odoo**: ${cardTextWithin(status.reason, 500, { singleLine: true })}\n\nOnly ${personName(status.retryableBy)} can retry it.`,
        color: 'attention',
      };
    case 'decided_elsewhere': {
      const by = status.by ? ` by ${who(status.by)}` : '';
      const at = status.at ? ` at ${cardTime(status.at)}` : '';
      const tail = status.outcome === 'changed' ? '. This card is closed; a new one follows if it still needs approval.' : '';
      return { text: `ℹ️ **${elsewhere[status.outcome]}${by}${at}**${tail}`, color: 'default' };
    }
  }
}

/** The same state in plain words (notification preview, Details heading). */
export function approvalStatusPlain(status: ApprovalCardStatus): string {
  switch (status.kind) {
    case 'pending':
      return 'waiting for approval';
    case 'queued':
      return `${verbs[status.decision].doing.toLowerCase()} (queued) by ${status.by}`;
    case 'retrying':
      return `retrying write to Odoo (attempt ${status.attempt})`;
    case 'written':
      return `${verbs[status.decision].done.toLowerCase()} by ${status.by}, written to Odoo`;
    case 'failed':
      return `the ${verbs[status.decision].noun} could not be written to Odoo`;
    case 'decided_elsewhere':
      return `${elsewhere[status.outcome].toLowerCase()}${status.by ? ` by ${status.by}` : ''}`;
  }
}

/** Short label for the card's footer. */
export function approvalStatusLabel(status: ApprovalCardStatus): string {
  const labels: Record<ApprovalCardStatus['kind'], string> = {
    pending: 'Waiting for approval',
    queued: 'Queued',
    retrying: 'Retrying',
    written: 'Done',
    failed: 'Write failed',
    decided_elsewhere: 'Closed',
  };
  return labels[status.kind];
}

const STEP_MARK: Record<ApprovalChainStep['state'], string> = { approved: '✅', waiting: '⏳', upcoming: '○', rejected: '⛔', skipped: '↷' };

/** One level of a chain as a fact: "Level 2 · CFO" -> "⏳ Waiting, 6 business hours". */
export function chainStepFact(step: ApprovalChainStep): { title: string; value: string } {
  const title = `Level ${step.level} · ${cardTextWithin(step.label, 60, { singleLine: true })}`;
  const by = step.by ? ` by ${who(step.by)}${behalf(step.onBehalfOf)}` : '';
  const at = step.at ? ` at ${cardDateTime(step.at)}` : '';
  const value = (() => {
    switch (step.state) {
      case 'approved':
        return `Approved${by}${at}`;
      case 'rejected':
        return `Rejected${by}${at}`;
      case 'waiting':
        return `Waiting${step.waitingText ? `, ${escapeCardText(step.waitingText, { singleLine: true })}` : ''}`;
      case 'upcoming':
        return 'Not yet';
      case 'skipped':
        return 'Skipped';
    }
  })();
  return { title, value: `${STEP_MARK[step.state]} ${value}` };
}
