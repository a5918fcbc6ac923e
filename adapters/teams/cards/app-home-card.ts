import type { AppHomeView, ListItem } from '../../../src/status/index.ts';
import { personalNumbersElements } from './insights-card-parts.ts';
import { ac, cardLink, type AdaptiveCard, type CardElement } from './adaptive-card.ts';
import { rowsWithinBytes } from './card-budget.ts';
import { cardDate, cardDateTime } from './card-values.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';
import { TEAMS_COMMAND, listItemRows } from './status-answer.ts';
import { cardId, type CardBlockId } from './card-ids.ts';
import { REQUEST_VERBS } from '../requests/request-cards.ts';

/** Each of the three parts of the card, in bytes of JSON: together they stay well under Teams' 28 KB. */
const SECTION_MAX_BYTES = 6_500;

/**
 * The Slack App Home, for Teams: Teams bots have no home tab, so the same view (pending approvals,
 * POs with open exceptions, recent decisions) is a card in the personal chat, sent on install and
 * when the user asks for it, with a Request purchase button.
 */
export function appHomeCard(view: AppHomeView, options: { command?: string } = {}): AdaptiveCard {
  const command = options.command ?? TEAMS_COMMAND;
  if (view.kind === 'unmapped') return ac.card([ac.heading('Procurement'), ac.text(cardTextWithin(view.message, 1_000))], []);
  const body: CardElement[] = [
    ac.heading(cardTextWithin(`Procurement for ${view.name}`, 150, { singleLine: true })),
    ac.subtle(`Refreshed ${cardDateTime(view.refreshedAt)}. Ask ${escapeCardText(`${command} P00042`)}, ${escapeCardText(`${command} late`)} or ${escapeCardText(`${command} help`)}.`),
  ];
  if (view.numbers !== undefined) body.push(ac.container(personalNumbersElements(view.numbers), { separator: true }));
  section(body, 'Waiting for your approval', view.approvals, view.approvalsTotal, 'Nothing waits for your approval.', `${command} approvals`, cardId.block('approvals'));
  section(body, 'Your POs with open exceptions', view.exceptions, view.exceptionsTotal, 'None of your POs has an open exception.', `${command} mine`, cardId.block('exceptions'));
  const decisions: CardElement[] = [ac.text('**Recent decisions**', { spacing: 'none' })];
  if (view.decisions.length === 0) decisions.push(ac.subtle('No recent approval decisions by you or on your POs.'));
  const decided = rowsWithinBytes(view.decisions, (d) => {
    const verb = d.action === 'approve' ? 'approved' : 'rejected';
    const state = d.outcome === 'written' ? '' : d.outcome === 'failed' ? ' (writing to Odoo failed)' : ' (being written to Odoo)';
    const by = d.byViewer ? 'you' : cardTextWithin(d.by, 120, { singleLine: true });
    return [ac.text(`**${cardLink(d.odooUrl, cardTextWithin(d.orderName, 64, { singleLine: true }))}** ${verb} by ${by} ${cardDate(d.at)}${state}`, { spacing: 'none' })];
  }, SECTION_MAX_BYTES);
  decisions.push(...decided.elements);
  if (decided.used < view.decisions.length) decisions.push(ac.subtle(`${view.decisions.length - decided.used} older decisions are in Odoo's chatter of each order.`));
  body.push(ac.container(decisions, { id: cardId.block('decisions'), separator: true }));
  // As the Slack App Home's button: a purchase request's form (the same use case as `po request`).
  return ac.card(body, [ac.execute('Request purchase', REQUEST_VERBS.open, {})]);
}

function section(body: CardElement[], title: string, items: ListItem[], total: number, empty: string, more: string, id: CardBlockId): void {
  const rows: CardElement[] = [ac.text(`**${title}**${total ? ` (${total})` : ''}`, { spacing: 'none' })];
  if (items.length === 0) rows.push(ac.subtle(empty));
  const shown = rowsWithinBytes(items, listItemRows, SECTION_MAX_BYTES);
  rows.push(...shown.elements);
  if (total > shown.used) rows.push(ac.subtle(`${total - shown.used} more: ${escapeCardText(more)}`));
  body.push(ac.container(rows, { id, separator: true }));
}
