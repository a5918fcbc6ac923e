import { categoryWords, type TriageCardStatus, type TriageCardView } from '../../../src/triage/flow/triage-card-view.ts';
import { ac, isWebUrl, type AdaptiveCard, type CardAction, type CardElement, type TextColor } from './adaptive-card.ts';
import { personName } from './approval-status-text.ts';
import { cardTime } from './card-values.ts';
import { cardTextWithin, escapeCardText, plainCardText } from './escape-card-text.ts';
import { TEAMS_INPUTS, TEAMS_VERBS, type TriageActionData } from './verbs.ts';
import { cardId } from './card-ids.ts';

const EVIDENCE_MAX = 600;
const SUMMARY_MAX = 1_000;

/**
 * The triage card in Teams: what the email (or bill) says, the proposed category with confidence
 * and provider, the facts and quoted evidence, a warning when the email talks to the bot, and the
 * controls its state allows (Confirm, Change category with a compact choice set, Dismiss, Retry).
 * All email and Odoo text is escaped: an email cannot style, link or date-format the card.
 */
export function triageAdaptiveCard(view: TriageCardView): AdaptiveCard {
  const body: CardElement[] = [ac.heading(cardTextWithin(view.title, 150, { singleLine: true })), ac.text(cardTextWithin(view.summary, SUMMARY_MAX, { fullTextAt: view.odooUrl }), { id: cardId.block('summary') })];
  if (view.injectionSuspected) {
    body.push(
      ac.container(
        [
          ac.text(
            '⚠️ **This email contains instructions aimed at the bot** (for example to approve, change or pay something). They were ignored: **nothing is done automatically**. Only what you confirm on this card is written, and a supplier email never approves an order.',
            { color: 'attention' },
          ),
        ],
        { id: cardId.block('injection'), style: 'attention' },
      ),
    );
  }
  const changed = view.category !== view.proposed ? ` (proposed: ${escapeCardText(categoryWords(view.proposed))}${view.changedBy ? `, changed by ${cardTextWithin(view.changedBy, 100, { singleLine: true })}` : ''})` : '';
  const provider = view.fallbackReason ? `${escapeCardText(view.provider)} — **fallback**: ${cardTextWithin(view.fallbackReason, 300, { singleLine: true })}` : escapeCardText(view.provider);
  body.push(
    ac.facts(
      [
        { title: 'Category', value: view.needsPick ? 'not sure: pick one below' : `${escapeCardText(categoryWords(view.category))}${changed}` },
        ...(view.confidence !== null ? [{ title: 'Confidence', value: `${Math.round(view.confidence * 100)}%` }] : []),
        { title: 'Read by', value: provider },
        ...view.facts.map((f) => ({ title: cardTextWithin(f.label, 60, { singleLine: true }), value: cardTextWithin(f.value, 400, { singleLine: true }) })),
      ],
      cardId.block('facts'),
    ),
  );
  if (view.evidence.trim()) {
    body.push(ac.container([ac.text('**Evidence**', { spacing: 'none' }), ac.text(cardTextWithin(view.evidence.trim(), EVIDENCE_MAX, { fullTextAt: view.odooUrl }), { isSubtle: true })], { id: cardId.block('evidence'), style: 'emphasis' }));
  }
  body.push(ac.subtle(cardTextWithin(view.origin, 1_500, { singleLine: true })));
  const state = statusLine(view.status);
  if (state) body.push(ac.text(state.text, { id: cardId.block('status'), color: state.color, separator: true }));
  if (view.status.kind === 'open') {
    body.push({
      type: 'Input.ChoiceSet',
      id: TEAMS_INPUTS.triageCategory,
      label: view.needsPick ? 'Pick the category (the reader is not sure what this email means), then Set category' : 'Change category (then Set category)',
      style: 'compact',
      isMultiSelect: false,
      isRequired: true,
      errorMessage: 'Pick a category.',
      // An unsure reading pre-selects nothing.
      ...(view.needsPick ? {} : { value: view.categories.includes(view.category) ? view.category : (view.categories[0] ?? view.category) }),
      choices: view.categories.map((c) => ({ title: plainCardText(categoryWords(c), 75), value: c })),
    });
    body.push(ac.subtle(cardTextWithin(view.onConfirm, 1_000)));
  }
  return ac.card(body, actionsFor(view), { verb: TEAMS_VERBS.triageRefresh, data: { proposalId: view.proposalId, revision: view.revision } satisfies TriageActionData });
}

function actionsFor(view: TriageCardView): CardAction[] {
  const open = isWebUrl(view.odooUrl) ? [ac.openUrl('Open in Odoo', view.odooUrl)] : [];
  const base: TriageActionData = { proposalId: view.proposalId, revision: view.revision };
  switch (view.status.kind) {
    case 'open':
      return [
        // Confirm sends the category the card shows, never the select's unsaved choice; an unsure card has none to send yet.
        ...(view.needsPick ? [] : [ac.execute(plainCardText(`Confirm: ${categoryWords(view.category)}`, 60), TEAMS_VERBS.triageConfirm, { ...base, category: view.category }, { style: 'positive', associatedInputs: 'none' })]),
        ac.execute('Set category', TEAMS_VERBS.triageSetCategory, { ...base }, { associatedInputs: 'auto' }),
        ac.execute('Dismiss', TEAMS_VERBS.triageDismiss, { ...base }, { associatedInputs: 'none' }),
        ...open,
      ];
    case 'failed':
      return [ac.execute('Retry', TEAMS_VERBS.triageRetry, { ...base }, { style: 'positive', associatedInputs: 'none' }), ...open];
    default:
      return open;
  }
}

function statusLine(status: TriageCardStatus): { text: string; color: TextColor } | null {
  const who = (name: string) => cardTextWithin(name, 120, { singleLine: true });
  const category = (c: string) => escapeCardText(categoryWords(c));
  switch (status.kind) {
    case 'open':
      return null;
    case 'queued':
      return { text: `⏳ **Confirmed as ${category(status.category)}** by ${who(status.by)}: writing to Odoo (queued)`, color: 'default' };
    case 'retrying':
      return { text: `🔄 **Retrying the write to Odoo (attempt ${status.attempt})**: ${cardTextWithin(status.reason, 500)}\n\nConfirmed as ${category(status.category)} by ${who(status.by)}`, color: 'warning' };
    case 'written':
      return { text: `✅ **Confirmed as ${category(status.category)} by ${who(status.by)} at ${cardTime(status.at)}**: ${cardTextWithin(status.summary, 1_000)}`, color: 'good' };
    case 'failed':
      return { text: `⚠️ **Confirmed as ${category(status.category)} by ${who(status.by)}, but it could not be written to Odoo**: ${cardTextWithin(status.reason, 500)}\n\nOnly ${personName(status.retryableBy)} can retry it.`, color: 'attention' };
    case 'dismissed':
      return { text: `✖️ **Dismissed by ${who(status.by)} at ${cardTime(status.at)}**: nothing was written.`, color: 'default' };
  }
}
