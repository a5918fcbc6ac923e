import type { PoStatusView, StatusAnswer, StatusList } from '../../../src/status/index.ts';
import { NEXT_OWNER_WORDS } from '../../../src/status/index.ts';
import { SLACK_LIMITS, chunkLinesUpTo, mrkdwnText, mrkdwnTextWithin } from '../mrkdwn.ts';
import { scorecardBlocks } from './insights-blocks.ts';
import { bk, type Block, type SlackMessage } from './block-kit.ts';
import { itemLine, link, money } from './status-format.ts';

/** Sections a list may use: 50 blocks less the header, the footer, the More button and the "not shown" note. */
const LIST_SECTIONS_MAX = SLACK_LIMITS.blocksPerMessage - 4;

/** The action id of a list's "More" button; its value is the next page's query (JSON). */
export const STATUS_MORE_ACTION = 'status_more';

/** Any status answer as a Slack message (Block Kit, with a plain-text fallback). */
export function renderStatusAnswer(answer: StatusAnswer, options: { command?: string } = {}): SlackMessage {
  const command = options.command ?? '/po';
  switch (answer.kind) {
    case 'po_status':
      return renderPoStatus(answer.po);
    case 'list':
      return renderList(answer.list, command);
    case 'not_found': {
      const text = `I can't find ${answer.ref} in Odoo. Check the number (P00042, PO42 and "po 42" all work), or try the vendor's reference.`;
      return { text, blocks: [bk.section(mrkdwnText(text))] };
    }
    case 'forbidden': {
      const text = `${answer.ref} belongs to ${answer.company ?? 'another company'}, and your Odoo user does not work for that company, so I can't show it.`;
      return { text, blocks: [bk.section(mrkdwnText(text))] };
    }
    case 'unmapped':
      return { text: answer.message, blocks: [bk.section(mrkdwnText(answer.message))] };
    case 'help': {
      const lines = answer.examples.map((e) => {
        const [ask, what] = e.split(/:\s(.*)/s);
        return `• \`${command} ${mrkdwnText(ask ?? e, { singleLine: true })}\`${what ? `: ${mrkdwnText(what, { singleLine: true })}` : ''}`;
      });
      const intro = answer.reason ? `${mrkdwnText(answer.reason)} Here is what I can answer:` : 'Ask me where an order stands, or for a list:';
      const outro = `Add \`share\` to show the answer to the channel (\`${command} P00042 share\`). You can also mention me in a channel or write to me directly.`;
      return { text: answer.reason ?? 'How to ask me about purchase orders', blocks: [bk.section(intro), bk.section(lines.join('\n')), bk.context([outro])] };
    }
  }
}

function renderPoStatus(po: PoStatusView): SlackMessage {
  const title = `${po.orderName} · ${po.stateWords}`;
  const next = po.next;
  const owner = NEXT_OWNER_WORDS[next.owner];
  const nextText = `*Next: ${owner}${next.who && next.owner !== 'finance' ? ` (${mrkdwnTextWithin(next.who, 300, { singleLine: true })})` : ''}*\n${mrkdwnTextWithin(next.what, 2_000, { fullTextAt: po.odooUrl })}${next.waited && !next.what.includes(next.waited) ? `\n_for ${mrkdwnText(next.waited)}_` : ''}`;
  const fields = [
    `*Vendor*\n${po.vendor ? mrkdwnText(po.vendor, { singleLine: true }) : '—'}${po.partnerRef ? ` (ref ${mrkdwnText(po.partnerRef, { singleLine: true })})` : ''}`,
    `*Amount*\n${money(po.amountTotal, po.currency)}`,
    `*Buyer*\n${po.buyer ? mrkdwnText(po.buyer, { singleLine: true }) : '—'}`,
    `*Company*\n${po.company ? mrkdwnText(po.company, { singleLine: true }) : '—'}${po.warehouse ? `, ${mrkdwnText(po.warehouse, { singleLine: true })}` : ''}`,
  ];
  const blocks: Block[] = [bk.header(title), bk.section(nextText, 'status_next'), bk.fields(fields)];
  if (po.exceptions.length) {
    blocks.push(bk.section(`*Open exceptions*\n${po.exceptions.map((e) => `• ${mrkdwnText(e, { singleLine: true })}`).join('\n')}`, 'status_exceptions'));
  }
  if (po.timeline.length) {
    const lines = po.timeline.map((t) => `• ${t.dated ? `${t.day ?? t.at.toISOString().slice(0, 10)} ` : ''}${mrkdwnText(t.label, { singleLine: true })}`);
    blocks.push(bk.section(`*Timeline*\n${lines.join('\n')}`, 'status_timeline'));
  }
  const context = [link(po.odooUrl, `Open ${po.orderName} in Odoo`)];
  if (po.alsoMatched.length) context.push(`Also matches: ${mrkdwnText(po.alsoMatched.join(', '), { singleLine: true })}`);
  blocks.push(bk.context(context));
  return { text: `${po.orderName} (${po.vendor ?? 'no vendor'}, ${money(po.amountTotal, po.currency)}): ${next.what}`.slice(0, SLACK_LIMITS.notificationText), blocks };
}

function renderList(list: StatusList, command: string): SlackMessage {
  const blocks: Block[] = [bk.header(list.title), ...(list.scorecard ? scorecardBlocks(list.scorecard) : [])];
  if (list.items.length === 0) {
    blocks.push(bk.section(mrkdwnText(list.emptyText)));
    return { text: `${list.title}: ${list.emptyText}`, blocks };
  }
  // The scorecard's blocks (vendor lists) come out of the rows' share.
  const { chunks, used } = chunkLinesUpTo(list.items.map(itemLine), SLACK_LIMITS.sectionText, LIST_SECTIONS_MAX - (blocks.length - 1));
  for (const chunk of chunks) blocks.push(bk.section(chunk));
  // A page of very long rows would pass Slack's 50 blocks: the rows that do not fit are counted, never dropped silently.
  if (used < list.items.length) blocks.push(bk.context([`${list.items.length - used} more on this page did not fit in one message: narrow the question, or open them in Odoo.`]));
  const to = list.from + used - 1;
  const context = [`${list.from}–${to} of ${list.total}, most urgent first`];
  if (list.nextCommand) context.push(`next page: \`${command} ${mrkdwnTextWithin(list.nextCommand, 200, { singleLine: true })}\``);
  blocks.push(bk.context(context));
  if (list.next) blocks.push(bk.actions('status_list_actions', [bk.button({ actionId: STATUS_MORE_ACTION, text: 'More', value: JSON.stringify(list.next).slice(0, SLACK_LIMITS.buttonValue) })]));
  return { text: `${list.title}: ${list.total} found`, blocks };
}
