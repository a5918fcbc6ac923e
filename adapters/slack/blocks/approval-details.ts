import type { ApprovalCardView } from '../../../src/approvals/approval-card-view.ts';
import { SLACK_LIMITS, chunkLines, mrkdwnTextWithin } from '../mrkdwn.ts';
import { lineText } from './approval-card.ts';
import { bk, type Block, type SlackMessage } from './block-kit.ts';
import { formatAmount } from './format-values.ts';

// Leave room under the 50-block cap for the heading and the footer.
const SECTIONS_PER_MESSAGE = 45;
const DETAIL_DESCRIPTION_MAX = 1_000;

/**
 * The PO lines for the card's thread (Details). Lines are packed into sections of at most 3,000
 * characters and sections into messages of at most 50 blocks, so a 500-line PO becomes a few
 * thread replies instead of an `invalid_blocks` error. Pass a view with every line.
 */
export function renderApprovalDetails(view: ApprovalCardView): SlackMessage[] {
  const lines = view.lines.map((l) => lineText(l, view.currency, DETAIL_DESCRIPTION_MAX));
  const sections = chunkLines(lines, SLACK_LIMITS.sectionText);
  const total = formatAmount(view.amountTotal, view.currency);
  const heading = `*${mrkdwnTextWithin(view.orderName, 64, { singleLine: true })}*: ${view.lines.length + view.moreLines} line${view.lines.length + view.moreLines === 1 ? '' : 's'}, total ${total}`;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < Math.max(1, sections.length); i += SECTIONS_PER_MESSAGE) {
    const part = sections.slice(i, i + SECTIONS_PER_MESSAGE);
    const blocks: Block[] = [];
    if (i === 0) blocks.push(bk.section(heading, 'details_heading'));
    for (const text of part) blocks.push(bk.section(text));
    messages.push({ text: '', blocks });
  }
  messages.forEach((m, i) => {
    const part = messages.length > 1 ? ` (part ${i + 1} of ${messages.length})` : '';
    m.text = mrkdwnTextWithin(`Lines of ${view.orderName}${part}`, 200, { singleLine: true });
  });
  const last = messages[messages.length - 1]!;
  if (view.moreLines > 0) last.blocks.push(bk.context([`${view.moreLines} more line${view.moreLines === 1 ? '' : 's'} in Odoo`]));
  if (view.lines.length === 0) last.blocks.push(bk.context(['This order has no lines.']));
  return messages;
}
