import type { WeeklyDigestView } from '../../../src/insights/digest/weekly-digest.ts';
import { ac, type AdaptiveCard } from './adaptive-card.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';

/** The weekly control-tower digest as a card: headline numbers, what changed, one chart. */
export function weeklyDigestCard(view: WeeklyDigestView): AdaptiveCard {
  return ac.card(
    [
      ac.heading(cardTextWithin(view.title, 150, { singleLine: true })),
      ac.facts(view.numbers.map((n) => ({ title: escapeCardText(n.label, { singleLine: true }), value: escapeCardText(n.value, { singleLine: true }) }))),
      ac.text('**Since the week before**', { spacing: 'medium' }),
      ...view.changes.map((c) => ac.text(`- ${cardTextWithin(c, 300, { singleLine: true })}`, { spacing: 'none' })),
      ac.image(view.chart.url, view.chart.alt.slice(0, 250)),
    ],
    [],
  );
}
