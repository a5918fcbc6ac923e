import type { types } from '@slack/bolt';
import { categoryWords, type TriageCardStatus, type TriageCardView } from '../../../src/triage/flow/triage-card-view.ts';
import { SLACK_LIMITS, cutWithoutSplittingEntities, escapeMrkdwn, mrkdwnText, mrkdwnTextWithin } from '../mrkdwn.ts';
import { bk, type Block, type Button, type SlackMessage } from './block-kit.ts';
import { mentionOrName } from './card-status-text.ts';
import { slackTime } from './format-values.ts';
import { TRIAGE_ACTIONS, categoryBlockId, encodeTriageButtonValue } from './triage-button-value.ts';

const EVIDENCE_MAX = 600;
const SUMMARY_MAX = 1_000;

/**
 * The triage card: what the email (or bill) says, the proposed category with its confidence and
 * provider, the facts and the quoted evidence, a warning when the email talks to the bot, and the
 * controls its state allows. All email and Odoo text is escaped: an email cannot ping, link or
 * restyle the card.
 */
export function renderTriageCard(view: TriageCardView): SlackMessage {
  const blocks: Block[] = [bk.header(view.title)];
  blocks.push(bk.section(mrkdwnTextWithin(view.summary, SUMMARY_MAX, { fullTextAt: view.odooUrl }), 'summary'));
  if (view.injectionSuspected) {
    blocks.push(
      bk.section(
        ':warning: *This email contains instructions aimed at the bot* (for example to approve, change or pay something). They were ignored: *nothing is done automatically*. Only what you confirm on this card is written, and a supplier email never approves an order.',
        'injection',
      ),
    );
  }
  const changed = view.category !== view.proposed ? ` (proposed: ${escapeMrkdwn(categoryWords(view.proposed))}${view.changedBy ? `, changed by ${mrkdwnTextWithin(view.changedBy, 100, { singleLine: true })}` : ''})` : '';
  const provider = view.fallbackReason
    ? `${escapeMrkdwn(view.provider)} — *fallback*: ${mrkdwnTextWithin(view.fallbackReason, 300, { singleLine: true })}`
    : escapeMrkdwn(view.provider);
  const categoryField = view.needsPick ? `*Category*\n_not sure: pick one below_` : `*Category*\n${escapeMrkdwn(categoryWords(view.category))}${changed}`;
  const fields = [
    categoryField,
    view.confidence !== null ? `*Confidence*\n${Math.round(view.confidence * 100)}%` : null,
    `*Read by*\n${provider}`,
    ...view.facts.map((f) => `*${mrkdwnTextWithin(f.label, 60, { singleLine: true })}*\n${mrkdwnTextWithin(f.value, 400, { singleLine: true })}`),
  ].filter((f): f is string => f !== null);
  blocks.push(bk.fields(fields));
  if (view.evidence.trim()) {
    const quoted = mrkdwnTextWithin(view.evidence.trim(), EVIDENCE_MAX).split('\n').map((l) => `>${l}`).join('\n');
    blocks.push(bk.section(cutWithoutSplittingEntities(`*Evidence*\n${quoted}`, SLACK_LIMITS.sectionText), 'evidence'));
  }
  blocks.push(bk.context([mrkdwnTextWithin(view.origin, 1_500, { singleLine: true })]));

  const state = statusLine(view.status);
  if (state) blocks.push(bk.section(state, 'status'));
  if (view.status.kind === 'open') {
    blocks.push(categorySelect(view));
    blocks.push(bk.context([mrkdwnTextWithin(view.onConfirm, 1_000)]));
  }
  const buttons = buttonsFor(view);
  if (buttons.length) blocks.push(bk.actions('triage_actions', buttons));
  const fallback = `${view.title}: ${view.summary}`;
  return { text: mrkdwnTextWithin(fallback, SLACK_LIMITS.notificationText, { singleLine: true }), blocks };
}

function categorySelect(view: TriageCardView): types.SectionBlock {
  const option = (c: string): types.PlainTextOption => ({ text: bk.plain(categoryWords(c), 75), value: c });
  return {
    type: 'section',
    block_id: categoryBlockId(view.proposalId, view.revision),
    text: bk.mrkdwn(view.needsPick ? ':grey_question: *Pick the category*: the reader is not sure what this email means' : '*Change category* (then Confirm)'),
    accessory: {
      type: 'static_select',
      action_id: TRIAGE_ACTIONS.category,
      placeholder: bk.plain('Category', 150),
      options: view.categories.map(option),
      // An unsure reading pre-selects nothing: a guess shown as the answer is what people stop checking.
      ...(!view.needsPick && view.categories.includes(view.category) ? { initial_option: option(view.category) } : {}),
    },
  };
}

function buttonsFor(view: TriageCardView): Button[] {
  const open = view.odooUrl && /^https?:\/\/[^\s<>|]+$/i.test(view.odooUrl) ? [bk.button({ actionId: TRIAGE_ACTIONS.openInOdoo, text: 'Open in Odoo', url: view.odooUrl })] : [];
  const value = encodeTriageButtonValue({ p: view.proposalId, c: view.category, r: view.revision });
  switch (view.status.kind) {
    case 'open':
      return [
        // Confirm appears once a category is picked; the select is the only way forward until then.
        ...(view.needsPick ? [] : [bk.button({ actionId: TRIAGE_ACTIONS.confirm, text: `Confirm: ${categoryWords(view.category)}`, value, style: 'primary' })]),
        bk.button({ actionId: TRIAGE_ACTIONS.dismiss, text: 'Dismiss', value: encodeTriageButtonValue({ p: view.proposalId, r: view.revision }) }),
        ...open,
      ];
    case 'failed':
      return [bk.button({ actionId: TRIAGE_ACTIONS.retry, text: 'Retry', value: encodeTriageButtonValue({ p: view.proposalId, r: view.revision }), style: 'primary' }), ...open];
    default:
      return open;
  }
}

function statusLine(status: TriageCardStatus): string | null {
  const who = (name: string) => mrkdwnText(name, { singleLine: true });
  switch (status.kind) {
    case 'open':
      return null;
    case 'queued':
      return `:hourglass_flowing_sand: *Confirmed as ${escapeMrkdwn(categoryWords(status.category))}* by ${who(status.by)}: writing to Odoo (queued)`;
    case 'retrying':
      return `:arrows_counterclockwise: *Retrying the write to Odoo (attempt ${status.attempt})*: ${mrkdwnTextWithin(status.reason, 500)}\nConfirmed as ${escapeMrkdwn(categoryWords(status.category))} by ${who(status.by)}`;
    case 'written':
      return `:white_check_mark: *Confirmed as ${escapeMrkdwn(categoryWords(status.category))} by ${who(status.by)} at ${slackTime(status.at)}*: ${mrkdwnTextWithin(status.summary, 1_000)}`;
    case 'failed':
      return `:warning: *Confirmed as ${escapeMrkdwn(categoryWords(status.category))} by ${who(status.by)}, but it could not be written to Odoo*: ${mrkdwnTextWithin(status.reason, 500)}\nOnly ${mentionOrName(status.retryableBy)} can retry it.`;
    case 'dismissed':
      return `:heavy_multiplication_x: *Dismissed by ${who(status.by)} at ${slackTime(status.at)}*: nothing was written.`;
  }
}
