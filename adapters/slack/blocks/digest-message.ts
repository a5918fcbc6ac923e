import type { DigestView } from '../../../src/alerts/lifecycle/exception-view.ts';
import { SLACK_LIMITS, escapeMrkdwn, mrkdwnTextWithin } from '../mrkdwn.ts';
import { bk, type Block, type SlackMessage } from './block-kit.ts';
import { EXCEPTION_ACTION_IDS, encodeExceptionValue } from './exception-actions.ts';

/**
 * A digest: one message standing for many exceptions (a burst) or summarising a channel's open
 * ones (scheduled). Each row has an Open button that posts the exception's own message, with all
 * its buttons, in the digest's thread: nothing in a digest is out of reach.
 */
export function renderDigestMessage(view: DigestView): SlackMessage {
  const blocks: Block[] = [bk.header(view.heading)];
  if (view.summary.length) {
    const lines = view.summary.map((s) => `• *${escapeMrkdwn(s.typeLabel)}*: ${s.total} (${s.byAge.map((a) => `${escapeMrkdwn(a.bucket)}: ${a.count}`).join(', ')})`);
    blocks.push(bk.section(mrkdwnCut(lines.join('\n')), 'summary'));
  }
  blocks.push(bk.divider());
  for (const row of view.rows) {
    blocks.push({
      type: 'section',
      text: bk.mrkdwn(`*${escapeMrkdwn(row.severity)}* · ${escapeMrkdwn(row.typeLabel)}: ${mrkdwnTextWithin(row.title, 400, { singleLine: true })} · ${escapeMrkdwn(row.ageText)}${row.state === 'open' ? '' : ` · _${escapeMrkdwn(row.state)}_`}`),
      accessory: bk.button({ actionId: EXCEPTION_ACTION_IDS.open, text: 'Open', value: encodeExceptionValue(row.key) }),
    });
  }
  if (view.more > 0) blocks.push(bk.context([`…and ${view.more} more (each is tracked: the next digest lists them)`]));
  return { text: mrkdwnTextWithin(`${view.heading}: ${view.summary.map((s) => `${s.typeLabel} ${s.total}`).join(', ')}`, SLACK_LIMITS.notificationText, { singleLine: true }), blocks };
}

function mrkdwnCut(text: string): string {
  return text.length > SLACK_LIMITS.sectionText ? `${text.slice(0, SLACK_LIMITS.sectionText - 1)}…` : text;
}
