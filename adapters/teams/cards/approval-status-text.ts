import type { ApprovalCardStatus, ApprovalCardView, ApprovalChainStep, ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import { DECISION_WORDS, delegationWords, ELSEWHERE_WORDS, recordingWords, statusLabel, WAITING_FOR_ODOO, waitingForOdooWords } from '../../../src/approvals/card-words.ts';
import type { TextColor } from './adaptive-card.ts';
import { cardDateTime, cardTime } from './card-values.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';

const verbs = DECISION_WORDS;
const elsewhere = ELSEWHERE_WORDS;

const who = (name: string) => cardTextWithin(name, 120, { singleLine: true });
const behalf = (name: string | undefined) => (name ? ` on behalf of ${who(name)}` : '');

/** A person by name: Teams mentions need entities the renderer does not add, so names are text. */
export function personName(user: ChatUserRef): string {
  return who(user.displayName ?? user.userId);
}

/**
 * The card's state line in Teams markdown and its colour (null while pending: the buttons say it
 * all). The words are the Slack card's: a delegate's decision names both people in every state.
 */
export function approvalStatusLine(status: ApprovalCardStatus, odooUrl?: string): { text: string; color: TextColor } | null {
  const full = { fullTextAt: odooUrl ?? null };
  const by = (name: string) => `${who(name)}${'onBehalfOf' in status ? behalf(status.onBehalfOf) : ''}`;
  switch (status.kind) {
    case 'pending':
      return null;
    case 'queued':
      return { text: `⏳ **${recordingWords(status.decision)}** by ${by(status.by)} (queued)`, color: 'default' };
    case 'retrying':
      if (status.waitingForOdoo) return { text: `⏳ **${WAITING_FOR_ODOO}**: ${waitingForOdooWords(status.decision)}\n\n${verbs[status.decision].done} by ${by(status.by)}`, color: 'warning' };
      return {
        text: `🔄 **Retrying write to Odoo (attempt ${status.attempt})**: ${cardTextWithin(status.reason, 500, { singleLine: true, ...full })}\n\n${verbs[status.decision].done} by ${by(status.by)}`,
        color: 'warning',
      };
    case 'written': {
      const line = `${status.decision === 'approve' ? '✅' : '⛔'} **${verbs[status.decision].done} by ${by(status.by)} at ${cardTime(status.at)}**, written to Odoo`;
      return { text: status.reason ? `${line}\n\n**Reason:** ${cardTextWithin(status.reason, 2_000, full)}` : line, color: status.decision === 'approve' ? 'good' : 'attention' };
    }
    case 'failed':
      return {
        text: `⚠️ **The ${verbs[status.decision].noun} by ${by(status.by)} could not be written to Odoo**: ${cardTextWithin(status.reason, 500, { singleLine: true, ...full })}\n\nOnly ${personName(status.retryableBy)} can retry it.`,
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

/** What is personal to this copy of the card (null: nothing), with Adaptive Card markdown. */
export function delegationLine(view: Pick<ApprovalCardView, 'onBehalfOf' | 'onBehalfEnded' | 'delegatedTo'>): string | null {
  const words = delegationWords(view);
  if (!words) return null;
  const icon = words.icon === 'person' ? '👤' : '➡️';
  return `${icon} **${escapeCardText(words.strong, { singleLine: true })}**${escapeCardText(words.rest, { singleLine: true })}`;
}

/** Short label for the card's footer. */
export const approvalStatusLabel = statusLabel;

const STEP_MARK: Record<ApprovalChainStep['state'], string> = { approved: '✅', waiting: '⏳', upcoming: '⚪', rejected: '⛔', skipped: '⏩' };

/**
 * One level of a chain as a fact, in the Slack card's words: "Level 2 · CFO" -> "⏳ waiting 6
 * business hours", "✅ approved by Dana Okafor on behalf of Avery Quinn at …".
 */
export function chainStepFact(step: ApprovalChainStep): { title: string; value: string } {
  const title = `Level ${step.level} · ${cardTextWithin(step.label, 60, { singleLine: true })}`;
  const at = step.at ? ` at ${cardDateTime(step.at)}` : '';
  const value = (() => {
    switch (step.state) {
      case 'approved':
      case 'rejected':
        return `${step.state} by ${who(step.by ?? 'an approver')}${behalf(step.onBehalfOf)}${at}`;
      case 'waiting':
        return `waiting${step.waitingText ? ` ${escapeCardText(step.waitingText, { singleLine: true })}` : ''}`;
      case 'upcoming':
        return 'next, once the level before approves';
      case 'skipped':
        return 'skipped (not required for this amount)';
    }
  })();
  return { title, value: `${STEP_MARK[step.state]} ${value}` };
}
