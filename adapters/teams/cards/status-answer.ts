import type { ListItem, PoStatusView, StatusAnswer, StatusList } from '../../../src/status/index.ts';
import { scorecardElements } from './insights-card-parts.ts';
import { NEXT_OWNER_WORDS } from '../../../src/status/index.ts';
import { ac, cardLink, isWebUrl, type AdaptiveCard, type CardElement } from './adaptive-card.ts';
import { rowsWithinBytes } from './card-budget.ts';
import { formatAmount } from './card-values.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';
import { cardId } from './card-ids.ts';

/** How the bot is addressed in Teams: `po P00042` in a personal chat, `@bot po late` in a channel. */
export const TEAMS_COMMAND = 'po';

/** The rows of a list card, in bytes of JSON: the card stays well under Teams' 28 KB. */
const LIST_ROWS_MAX_BYTES = 18_000;

const one = (raw: string, max = 300) => cardTextWithin(raw, max, { singleLine: true });

/** Any status answer as a Teams card. Lists are text rows; the next page is a command to type. */
export function statusAnswerCard(answer: StatusAnswer, options: { command?: string } = {}): AdaptiveCard {
  const command = options.command ?? TEAMS_COMMAND;
  switch (answer.kind) {
    case 'po_status':
      return poStatusCard(answer.po);
    case 'list':
      return listCard(answer.list, command);
    case 'not_found':
      return ac.card([ac.text(`I can't find ${one(answer.ref, 100)} in Odoo. Check the number (P00042, PO42 and "po 42" all work), or try the vendor's reference.`)], []);
    case 'forbidden':
      return ac.card([ac.text(`${one(answer.ref, 100)} belongs to ${answer.company ? one(answer.company, 200) : 'another company'}, and your Odoo user does not work for that company, so I can't show it.`)], []);
    case 'unmapped':
      return ac.card([ac.text(cardTextWithin(answer.message, 1_000))], []);
    case 'help': {
      const rows = answer.examples.map((e) => {
        const [ask, what] = e.split(/:\s(.*)/s);
        return ac.text(`• **${escapeCardText(`${command} ${ask ?? e}`, { singleLine: true })}**${what ? `: ${one(what)}` : ''}`, { spacing: 'none' });
      });
      const intro = answer.reason ? `${cardTextWithin(answer.reason, 500)} Here is what I can answer:` : 'Ask me where an order stands, or for a list:';
      return ac.card([ac.text(intro), ac.container(rows, { id: cardId.block('examples') }), ac.subtle(`Write to me here, or mention me in a channel (@bot ${command} P00042). Add share to show the answer to everyone (${command} P00042 share).`)], []);
    }
  }
}

function poStatusCard(po: PoStatusView): AdaptiveCard {
  const next = po.next;
  const owner = NEXT_OWNER_WORDS[next.owner];
  const who = next.who && next.owner !== 'finance' ? ` (${one(next.who, 200)})` : '';
  const body: CardElement[] = [
    ac.heading(one(`${po.orderName} · ${po.stateWords}`, 150)),
    ac.text(`**Next: ${owner}${who}**`, { id: cardId.block('next') }),
    ac.text(cardTextWithin(next.what, 1_000, { fullTextAt: po.odooUrl }), { spacing: 'none' }),
  ];
  if (next.waited && !next.what.includes(next.waited)) body.push(ac.text(`_for ${one(next.waited, 100)}_`, { spacing: 'none' }));
  body.push(
    ac.facts(
      [
        { title: 'Vendor', value: `${po.vendor ? one(po.vendor) : '—'}${po.partnerRef ? ` (ref ${one(po.partnerRef, 100)})` : ''}` },
        { title: 'Amount', value: escapeCardText(formatAmount(po.amountTotal, po.currency)) },
        { title: 'Buyer', value: po.buyer ? one(po.buyer) : '—' },
        { title: 'Company', value: `${po.company ? one(po.company) : '—'}${po.warehouse ? `, ${one(po.warehouse)}` : ''}` },
      ],
      cardId.block('facts'),
    ),
  );
  if (po.exceptions.length) body.push(ac.container([ac.text('**Open exceptions**', { spacing: 'none' }), ...po.exceptions.slice(0, 20).map((e) => ac.text(`• ${one(e, 400)}`, { spacing: 'none' }))], { id: cardId.block('exceptions'), style: 'warning' }));
  if (po.timeline.length) {
    const rows = po.timeline.slice(-30).map((t) => ac.text(`• ${t.dated ? `${escapeCardText(t.day ?? t.at.toISOString().slice(0, 10))} ` : ''}${one(t.label, 300)}`, { spacing: 'none' }));
    body.push(ac.container([ac.text('**Timeline**', { spacing: 'none' }), ...rows], { id: cardId.block('timeline'), separator: true }));
  }
  if (po.alsoMatched.length) body.push(ac.subtle(`Also matches: ${one(po.alsoMatched.join(', '), 500)}`));
  return ac.card(body, isWebUrl(po.odooUrl) ? [ac.openUrl(`Open ${po.orderName.slice(0, 40)} in Odoo`, po.odooUrl)] : []);
}

/** One list row: **P00042** · Vendor · $12,000.00, then why it is listed. */
export function listItemRows(item: ListItem): CardElement[] {
  const parts = [`**${cardLink(item.odooUrl, one(item.orderName, 64))}**`, item.vendor ? one(item.vendor, 200) : null, item.amountTotal ? escapeCardText(formatAmount(item.amountTotal, item.currency)) : null];
  return [ac.text(parts.filter(Boolean).join(' · '), { spacing: 'small' }), ac.text(one(item.headline, 400), { spacing: 'none', isSubtle: true })];
}

function listCard(list: StatusList, command: string): AdaptiveCard {
  const body: CardElement[] = [ac.heading(one(list.title, 150)), ...(list.scorecard ? scorecardElements(list.scorecard) : [])];
  if (list.items.length === 0) return ac.card([...body, ac.text(cardTextWithin(list.emptyText, 500))], []);
  const { elements, used } = rowsWithinBytes(list.items, listItemRows, LIST_ROWS_MAX_BYTES);
  body.push(ac.container(elements, { id: cardId.block('items') }));
  if (used < list.items.length) body.push(ac.subtle(`${list.items.length - used} more on this page did not fit in one card: narrow the question, or open them in Odoo.`));
  const to = list.from + used - 1;
  const next = list.nextCommand ? ` · next page: ${escapeCardText(`${command} ${list.nextCommand}`, { singleLine: true })}` : '';
  body.push(ac.subtle(`${list.from}–${to} of ${list.total}, most urgent first${next}`));
  return ac.card(body, []);
}
