import type { ExceptionView } from '../../../src/alerts/lifecycle/exception-view.ts';
import { SLACK_LIMITS, escapeMrkdwn, mrkdwnTextWithin } from '../mrkdwn.ts';
import { bk, type Block, type Button, type SlackMessage } from './block-kit.ts';
import { EXCEPTION_ACTION_IDS, EXCEPTION_OPEN_IN_ODOO, encodeExceptionValue } from './exception-actions.ts';

const SEVERITY_MARK = { info: ':information_source:', warning: ':warning:', critical: ':rotating_light:' } as const;

/**
 * One exception's message: what it is, the facts to act on, where it stands, and the buttons
 * (Acknowledge, Snooze 1 h / 4 h / until tomorrow, Take ownership, Ask buyer, Open in Odoo) while it
 * is not resolved. Every Odoo string is escaped and cut to Block Kit's limits.
 */
export function renderExceptionMessage(view: ExceptionView): SlackMessage {
  const blocks: Block[] = [bk.header(`${view.typeLabel}: ${view.title}`)];
  const facts = view.facts.map((f) => `*${escapeMrkdwn(f.label)}*\n${mrkdwnTextWithin(f.value, 300, { singleLine: true, fullTextAt: view.odooUrl })}`);
  if (facts.length) blocks.push(bk.fields(facts));
  blocks.push(bk.section(`${SEVERITY_MARK[view.severity]} *${view.severity}* · ${mrkdwnTextWithin(view.severityRule, 500, { singleLine: true })}`, 'severity'));
  const stateMark = view.state === 'cleared' ? ':white_check_mark:' : view.escalated ? ':arrow_double_up:' : view.state === 'snoozed' ? ':zzz:' : ':eyes:';
  blocks.push(bk.section(`${stateMark} ${mrkdwnTextWithin(view.stateText, 1_000, { singleLine: true, fullTextAt: view.odooUrl })}`, 'state'));
  blocks.push(bk.context([`First seen ${escapeMrkdwn(view.firstSeenAt.slice(0, 16).replace('T', ' '))} UTC (${escapeMrkdwn(view.ageText)} ago) · \`${escapeMrkdwn(view.key)}\``]));
  blocks.push(bk.actions('exception_actions', buttonsFor(view)));
  const status = view.state === 'cleared' ? 'Resolved' : view.escalated ? 'Escalated' : view.severity;
  return { text: mrkdwnTextWithin(`${status}: ${view.typeLabel}: ${view.title}`, SLACK_LIMITS.notificationText, { singleLine: true }), blocks };
}

function buttonsFor(view: ExceptionView): Button[] {
  const odoo = bk.button({ actionId: EXCEPTION_OPEN_IN_ODOO, text: 'Open in Odoo', url: view.odooUrl });
  if (!view.actionable) return [odoo];
  const value = encodeExceptionValue(view.key);
  const b = (action: keyof typeof EXCEPTION_ACTION_IDS, text: string, style?: 'primary') => bk.button({ actionId: EXCEPTION_ACTION_IDS[action], text, value, ...(style ? { style } : {}) });
  return [
    ...(view.state === 'open' ? [b('acknowledge', 'Acknowledge', 'primary')] : []),
    b('snooze-1h', 'Snooze 1 h'),
    b('snooze-4h', 'Snooze 4 h'),
    b('snooze-tomorrow', 'Snooze until tomorrow'),
    ...(view.state !== 'owned' ? [b('own', 'Take ownership')] : []),
    ...(view.canAskBuyer ? [b('ask-buyer', 'Ask buyer')] : []),
    odoo,
  ];
}
