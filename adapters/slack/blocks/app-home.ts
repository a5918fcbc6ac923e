import type { types } from '@slack/bolt';
import type { AppHomeView, ListItem } from '../../../src/status/index.ts';
import { SLACK_LIMITS, chunkLinesUpTo, mrkdwnText } from '../mrkdwn.ts';
import { bk, type Block } from './block-kit.ts';
import { slackTime, slackDate } from './format-values.ts';
import { itemLine, link } from './status-format.ts';
import { personalNumbersBlocks } from './insights-blocks.ts';

/**
 * Sections per list, so the three parts of the tab always fit Slack's 100 blocks of a view
 * together (header, context, dividers, titles and "more" lines take the rest).
 */
const HOME_SECTIONS_PER_LIST = 25;

/** The App Home tab: pending approvals, open exceptions, recent decisions; rebuilt on every open. */
export function renderAppHome(view: AppHomeView, options: { command?: string } = {}): types.HomeView {
  const command = options.command ?? '/po';
  if (view.kind === 'unmapped') {
    return { type: 'home', blocks: [bk.header('Procurement'), bk.section(mrkdwnText(view.message))] };
  }
  const blocks: Block[] = [
    bk.header(`Procurement for ${view.name}`),
    bk.context([`Refreshed ${slackDate(view.refreshedAt.toISOString())} ${slackTime(view.refreshedAt.toISOString())}. Ask \`${command} P00042\`, \`${command} late\` or \`${command} help\`.`]),
    bk.divider(),
  ];
  if (view.numbers !== undefined) blocks.push(...personalNumbersBlocks(view.numbers), bk.divider());
  section(blocks, 'Waiting for your approval', view.approvals, view.approvalsTotal, 'Nothing waits for your approval.', `${command} approvals`);
  blocks.push(bk.divider());
  section(blocks, 'Your POs with open exceptions', view.exceptions, view.exceptionsTotal, 'None of your POs has an open exception.', `${command} mine`);
  blocks.push(bk.divider(), bk.section('*Recent decisions*'));
  if (view.decisions.length === 0) blocks.push(bk.context(['No recent approval decisions by you or on your POs.']));
  else {
    const lines = view.decisions.map((d) => {
      const verb = d.action === 'approve' ? 'approved' : 'rejected';
      const state = d.outcome === 'written' ? '' : d.outcome === 'failed' ? ' (writing to Odoo failed)' : ' (being written to Odoo)';
      return `*${link(d.odooUrl, d.orderName)}* ${verb} by ${d.byViewer ? 'you' : mrkdwnText(d.by, { singleLine: true })} ${slackDate(d.at.toISOString())}${state}`;
    });
    const { chunks, used } = chunkLinesUpTo(lines, SLACK_LIMITS.sectionText, HOME_SECTIONS_PER_LIST);
    for (const chunk of chunks) blocks.push(bk.section(chunk));
    if (used < lines.length) blocks.push(bk.context([`${lines.length - used} older decisions are in Odoo's chatter of each order.`]));
  }
  return { type: 'home', blocks };
}

function section(blocks: Block[], title: string, items: ListItem[], total: number, empty: string, more: string): void {
  blocks.push(bk.section(`*${title}*${total ? ` (${total})` : ''}`));
  if (items.length === 0) {
    blocks.push(bk.context([empty]));
    return;
  }
  const { chunks, used } = chunkLinesUpTo(items.map(itemLine), SLACK_LIMITS.sectionText, HOME_SECTIONS_PER_LIST);
  for (const chunk of chunks) blocks.push(bk.section(chunk));
  if (total > used) blocks.push(bk.context([`${total - used} more: \`${more}\``]));
}
