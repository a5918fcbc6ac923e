import type { ExceptionAction } from '../../../src/alerts/lifecycle/exception-click.ts';
import type { DigestView, ExceptionView } from '../../../src/alerts/lifecycle/exception-view.ts';
import { ac, isWebUrl, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';
import { TEAMS_VERBS, type ExceptionActionData } from './verbs.ts';
import { cardId } from './card-ids.ts';

const SEVERITY_MARK = { info: 'ℹ️', warning: '⚠️', critical: '🚨' } as const;
const SEVERITY_COLOR = { info: 'default', warning: 'warning', critical: 'attention' } as const;

/** `exception.acknowledge`, `exception.snooze-1h`, ...: one verb per EXCEPTION_ACTIONS entry. */
export function exceptionVerb(action: ExceptionAction): string {
  return `${TEAMS_VERBS.exceptionPrefix}${action}`;
}

/**
 * One exception as a Teams card: what it is, the facts to act on, where it stands, and while it is
 * not resolved Acknowledge, Snooze (1 h / 4 h / until tomorrow, inline so the card keeps few
 * buttons on a phone), Take ownership, Ask buyer and Open in Odoo. `refresh` re-renders it with its
 * newest state whenever someone opens it (conversations of up to 60 members; see approval-card.ts).
 */
export function exceptionAdaptiveCard(view: ExceptionView): AdaptiveCard {
  const data: ExceptionActionData = { key: view.key };
  const body: CardElement[] = [ac.heading(cardTextWithin(`${view.typeLabel}: ${view.title}`, 150, { singleLine: true }))];
  if (view.facts.length) body.push(ac.facts(view.facts.map((f) => ({ title: escapeCardText(f.label, { singleLine: true }), value: cardTextWithin(f.value, 300, { singleLine: true, fullTextAt: view.odooUrl }) })), cardId.block('facts')));
  body.push(ac.text(`${SEVERITY_MARK[view.severity]} **${view.severity}** · ${cardTextWithin(view.severityRule, 500, { singleLine: true })}`, { id: cardId.block('severity'), color: SEVERITY_COLOR[view.severity] }));
  const stateMark = view.state === 'cleared' ? '✅' : view.escalated ? '⏫' : view.state === 'snoozed' ? '💤' : '👀';
  body.push(ac.text(`${stateMark} ${cardTextWithin(view.stateText, 1_000, { singleLine: true, fullTextAt: view.odooUrl })}`, { id: cardId.block('state'), separator: true }));
  body.push(ac.subtle(`First seen ${escapeCardText(view.firstSeenAt.slice(0, 16).replace('T', ' '))} UTC (${escapeCardText(view.ageText)} ago) · ${escapeCardText(view.key)}`));
  return ac.card(body, actionsFor(view, data), { verb: TEAMS_VERBS.exceptionRefresh, data: { ...data } });
}

function actionsFor(view: ExceptionView, data: ExceptionActionData): CardAction[] {
  const open = isWebUrl(view.odooUrl) ? [ac.openUrl('Open in Odoo', view.odooUrl)] : [];
  if (!view.actionable) return open;
  const run = (action: ExceptionAction, title: string, style?: 'positive') => ac.execute(title, exceptionVerb(action), { ...data }, { associatedInputs: 'none', ...(style ? { style } : {}) });
  const snooze = ac.showCard('Snooze…', [ac.text('Snooze this alert; it comes back by itself, or sooner if it gets worse.')], [run('snooze-1h', '1 hour'), run('snooze-4h', '4 hours'), run('snooze-tomorrow', 'Until tomorrow')]);
  return [
    ...(view.state === 'open' ? [run('acknowledge', 'Acknowledge', 'positive')] : []),
    snooze,
    ...(view.state !== 'owned' ? [run('own', 'Take ownership')] : []),
    ...(view.canAskBuyer ? [run('ask-buyer', 'Ask buyer')] : []),
    ...open,
  ];
}

/**
 * A digest as a Teams card: the summary per type and age, then one row per exception with an
 * Open button that posts the exception's own card (all its buttons) as a reply.
 */
export function digestAdaptiveCard(view: DigestView): AdaptiveCard {
  const body: CardElement[] = [ac.heading(cardTextWithin(view.heading, 150, { singleLine: true }))];
  if (view.summary.length) {
    const lines = view.summary.map((s) => `• **${escapeCardText(s.typeLabel)}**: ${s.total} (${s.byAge.map((a) => `${escapeCardText(a.bucket)}: ${a.count}`).join(', ')})`);
    body.push(ac.container(lines.map((l) => ac.text(l, { spacing: 'none' })), { id: cardId.block('summary') }));
  }
  for (const row of view.rows) {
    const state = row.state === 'open' ? '' : ` · _${escapeCardText(row.state)}_`;
    body.push(
      ac.container(
        [
          ac.text(`**${escapeCardText(row.severity)}** · ${escapeCardText(row.typeLabel)}: ${cardTextWithin(row.title, 400, { singleLine: true })} · ${escapeCardText(row.ageText)}${state}`),
          ac.actionSet([ac.execute('Open', exceptionVerb('open'), { key: row.key } satisfies ExceptionActionData, { associatedInputs: 'none' })]),
        ],
        { separator: true },
      ),
    );
  }
  if (view.more > 0) body.push(ac.subtle(`…and ${view.more} more (each is tracked: the next digest lists them)`));
  return ac.card(body, []);
}
