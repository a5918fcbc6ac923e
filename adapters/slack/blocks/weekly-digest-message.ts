import type { types } from '@slack/bolt';
import type { WeeklyDigestView } from '../../../src/insights/digest/weekly-digest.ts';
import { SLACK_LIMITS, mrkdwnText } from '../mrkdwn.ts';
import { bk, type Block, type SlackMessage } from './block-kit.ts';

/** The weekly control-tower digest: headline numbers, what changed, one chart. */
export function renderWeeklyDigest(view: WeeklyDigestView, pageUrl: string | null): SlackMessage {
  const image: types.ImageBlock = { type: 'image', image_url: view.chart.url, alt_text: view.chart.alt.slice(0, SLACK_LIMITS.contextText) };
  const blocks: Block[] = [
    bk.header(view.title),
    bk.fields(view.numbers.map((n) => `*${mrkdwnText(n.label, { singleLine: true })}*\n${mrkdwnText(n.value, { singleLine: true })}`)),
    bk.section(`*Since the week before*\n${view.changes.map((c) => `• ${mrkdwnText(c, { singleLine: true })}`).join('\n')}`),
    image,
  ];
  if (pageUrl) blocks.push(bk.context([`Every chart: <${pageUrl}|Insights>`]));
  return { text: `${view.title}: ${view.numbers.map((n) => `${n.label} ${n.value}`).join('; ')}`, blocks };
}
