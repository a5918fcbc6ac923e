import type { ApprovalCardView } from '../../../src/approvals/approval-card-view.ts';
import { ac, type AdaptiveCard, type CardElement } from './adaptive-card.ts';
import { lineText } from './approval-line-text.ts';
import { formatAmount } from './card-values.ts';
import { cardTextWithin } from './escape-card-text.ts';
import { cardId } from './card-ids.ts';

const DETAIL_DESCRIPTION_MAX = 1_000;
/**
 * Teams refuses a message over about 28 KB; a card stays well under it so the activity envelope
 * fits too. A long PO becomes several replies instead of one the service rejects.
 */
export const DETAILS_CARD_MAX_BYTES = 20_000;

/**
 * Every line of the PO for the Details reply (in the card's thread), as one card or, for a long
 * PO, several ("part 2 of 3"). Pass a view with every line.
 */
export function approvalDetailsCards(view: ApprovalCardView): AdaptiveCard[] {
  const total = view.lines.length + view.moreLines;
  const heading = `**${cardTextWithin(view.orderName, 64, { singleLine: true })}**: ${total} line${total === 1 ? '' : 's'}, total ${formatAmount(view.amountTotal, view.currency)}`;
  const parts: CardElement[][] = [[]];
  let size = 0;
  for (const line of view.lines) {
    const element = ac.text(lineText(line, view.currency, DETAIL_DESCRIPTION_MAX), { spacing: 'none' });
    const bytes = Buffer.byteLength(JSON.stringify(element));
    if (size + bytes > DETAILS_CARD_MAX_BYTES && parts[parts.length - 1]!.length > 0) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1]!.push(element);
    size += bytes;
  }
  const last = parts[parts.length - 1]!;
  if (view.moreLines > 0) last.push(ac.subtle(`${view.moreLines} more line${view.moreLines === 1 ? '' : 's'} in Odoo`));
  if (view.lines.length === 0) last.push(ac.subtle('This order has no lines.'));
  return parts.map((items, i) => {
    const part = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : '';
    return ac.card([ac.text(`${heading}${part}`), ac.container(items, { id: cardId.block('lines') })], []);
  });
}
