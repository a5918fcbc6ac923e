import type { ApprovalCardStatus, ApprovalCardView, ApprovalChainStep, ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import { DECISION_WORDS, delegationWords, ELSEWHERE_WORDS, recordingWords, statusLabel, WAITING_FOR_ODOO, waitingForOdooWords } from '../../../src/approvals/card-words.ts';
import { mrkdwnText, mrkdwnTextWithin } from '../mrkdwn.ts';
import { slackTime, utcTime } from './format-values.ts';

// Slack user and DM ids are upper-case letters and digits; anything else is not pinged.
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,40}$/;

/** `<@U123>` for a Slack user the bot may mention, else their name as inert text. */
export function mentionOrName(user: ChatUserRef): string {
  if (user.platform === 'slack' && SLACK_USER_ID.test(user.userId)) return `<@${user.userId}>`;
  return mrkdwnText(user.displayName ?? user.userId, { singleLine: true });
}

const verbs = DECISION_WORDS;
const elsewhere = ELSEWHERE_WORDS;

/** The card's state line in mrkdwn (null while pending: the buttons say it all). */
export function statusLine(status: ApprovalCardStatus, odooUrl?: string): string | null {
  // A reason of any length leaves room in the 3,000-character section for the words around it.
  const reason = (raw: string) => mrkdwnTextWithin(raw, 2_000, { fullTextAt: odooUrl ?? null });
  const name = (raw: string) => mrkdwnText(raw, { singleLine: true });
  // A delegate's decision names both: "Dana Okafor on behalf of Avery Quinn".
  const who = (raw: string) => ('onBehalfOf' in status && status.onBehalfOf ? `${name(raw)} on behalf of ${name(status.onBehalfOf)}` : name(raw));
  switch (status.kind) {
    case 'pending':
      return null;
    case 'queued':
      return `:hourglass_flowing_sand: *${recordingWords(status.decision)}* by ${who(status.by)} (queued)`;
    case 'retrying':
      if (status.waitingForOdoo) return `:hourglass_flowing_sand: *${WAITING_FOR_ODOO}*: ${waitingForOdooWords(status.decision)}\n${verbs[status.decision].done} by ${who(status.by)}`;
      return `:arrows_counterclockwise: *Retrying write to Odoo (attempt ${status.attempt})*: ${reason(status.reason)}\n${verbs[status.decision].done} by ${who(status.by)}`;
    case 'written': {
      const line = `${status.decision === 'approve' ? ':white_check_mark:' : ':no_entry:'} *${verbs[status.decision].done} by ${who(status.by)} at ${slackTime(status.at)}*, written to Odoo`;
      return status.reason ? `${line}\n*Reason:* ${reason(status.reason)}` : line;
    }
    case 'failed':
      return `:warning: *The ${verbs[status.decision].noun} by ${who(status.by)} could not be written to Odoo*: ${reason(status.reason)}\nOnly ${mentionOrName(status.retryableBy)} can retry it.`;
    case 'decided_elsewhere': {
      const by = status.by ? ` by ${name(status.by)}` : '';
      const at = status.at ? ` at ${slackTime(status.at)}` : '';
      const tail = status.outcome === 'changed' ? '. This card is closed; a new one follows if it still needs approval.' : '';
      return `:information_source: *${elsewhere[status.outcome]}${by}${at}*${tail}`;
    }
  }
}

/** The same state in plain words for the notification fallback (no tokens, no emoji codes). */
export function statusPlain(status: ApprovalCardStatus): string {
  const by = (raw: string) => ('onBehalfOf' in status && status.onBehalfOf ? `${raw} on behalf of ${status.onBehalfOf}` : raw);
  switch (status.kind) {
    case 'pending':
      return 'waiting for approval';
    case 'queued':
      return `${recordingWords(status.decision).toLowerCase()} by ${by(status.by)} (queued)`;
    case 'retrying':
      if (status.waitingForOdoo) return `${WAITING_FOR_ODOO.toLowerCase()}: ${verbs[status.decision].done.toLowerCase()} by ${by(status.by)}`;
      return `retrying write to Odoo (attempt ${status.attempt})`;
    case 'written':
      return `${verbs[status.decision].done.toLowerCase()} by ${by(status.by)} at ${utcTime(status.at)}, written to Odoo`;
    case 'failed':
      return `the ${verbs[status.decision].noun} could not be written to Odoo`;
    case 'decided_elsewhere':
      return `${elsewhere[status.outcome].toLowerCase()}${status.by ? ` by ${status.by}` : ''}`;
  }
}

/** What is personal to this copy of the card (null: nothing), with Slack's markup. */
export function delegationLine(view: Pick<ApprovalCardView, 'onBehalfOf' | 'onBehalfEnded' | 'delegatedTo'>): string | null {
  const words = delegationWords(view);
  if (!words) return null;
  const icon = words.icon === 'person' ? ':bust_in_silhouette:' : ':arrow_right:';
  return `${icon} *${mrkdwnText(words.strong, { singleLine: true })}*${mrkdwnText(words.rest, { singleLine: true })}`;
}

export { statusLabel };

const stepIcon: Record<ApprovalChainStep['state'], string> = {
  approved: ':white_check_mark:',
  rejected: ':no_entry:',
  waiting: ':hourglass_flowing_sand:',
  upcoming: ':white_circle:',
  skipped: ':fast_forward:',
};

/**
 * A sequential approval's levels, one line each, for a section block (mrkdwn renders on mobile):
 * "✅ Level 1 · Category manager: approved by Avery Quinn at …", "⏳ Level 2 · CFO: waiting 6 business hours".
 */
export function chainLines(chain: readonly ApprovalChainStep[]): string {
  const text = (raw: string) => mrkdwnText(raw, { singleLine: true });
  const lines = chain.map((step) => {
    const head = `${stepIcon[step.state]} Level ${step.level} · *${text(step.label)}*`;
    const behalf = step.onBehalfOf ? ` on behalf of ${text(step.onBehalfOf)}` : '';
    const at = step.at ? ` at ${slackTime(step.at)}` : '';
    switch (step.state) {
      case 'approved':
      case 'rejected':
        return `${head}: ${step.state} by ${text(step.by ?? 'an approver')}${behalf}${at}`;
      case 'waiting':
        return `${head}: waiting${step.waitingText ? ` ${text(step.waitingText)}` : ''}`;
      case 'upcoming':
        return `${head}: next, once the level before approves`;
      case 'skipped':
        return `${head}: skipped (not required for this amount)`;
    }
  });
  return `*Approval chain*\n${lines.join('\n')}`;
}
