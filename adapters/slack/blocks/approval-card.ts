import type { ApprovalCardLine, ApprovalCardView } from '../../../src/approvals/approval-card-view.ts';
import { SLACK_LIMITS, chunkLines, cutWithoutSplittingEntities, escapeMrkdwn, mrkdwnText, mrkdwnTextWithin, truncate } from '../mrkdwn.ts';
import { bk, type Block, type Button, type SlackMessage } from './block-kit.ts';
import { CARD_ACTIONS, encodeCardButtonValue } from './card-button-value.ts';
import { chainLines, delegationLine, statusLabel, statusLine, statusPlain } from './card-status-text.ts';
import { formatAmount, formatQuantity, slackDate } from './format-values.ts';

export type { Block, SlackMessage };

/** A line description on the card stays short; the Details thread shows it whole. */
const CARD_DESCRIPTION_MAX = 120;
const CARD_LINES_MAX = 5;

/**
 * The approval card for a PO: what it is, why it needs approval, where its decision stands, and
 * the buttons that state allows. Every Odoo string is escaped; every text is cut to Block Kit's
 * limits, so the same view always renders and Slack never answers `invalid_blocks`.
 */
export function renderApprovalCard(view: ApprovalCardView): SlackMessage {
  const amount = formatAmount(view.amountTotal, view.currency);
  const blocks: Block[] = [bk.header(`${view.orderName} · ${view.vendorName}`)];
  const delegation = delegationLine(view);
  if (delegation) blocks.push(bk.section(delegation, 'delegation'));

  const fields = [
    `*Amount*\n${escapeMrkdwn(amount)}`,
    `*Vendor*\n${mrkdwnTextWithin(view.vendorName, 300, { singleLine: true, fullTextAt: view.odooUrl })}`,
    `*Buyer*\n${view.buyerName ? mrkdwnTextWithin(view.buyerName, 300, { singleLine: true, fullTextAt: view.odooUrl }) : '_none_'}`,
    view.companyName ? `*Company*\n${mrkdwnTextWithin(view.companyName, 300, { singleLine: true, fullTextAt: view.odooUrl })}` : null,
    view.datePlanned ? `*Planned*\n${slackDate(view.datePlanned)}` : null,
    `*Waiting*\n${mrkdwnTextWithin(view.ageText, 200, { singleLine: true })}`,
  ].filter((f): f is string => f !== null);
  blocks.push(bk.fields(fields));

  const shown = view.lines.slice(0, CARD_LINES_MAX);
  const more = view.moreLines + (view.lines.length - shown.length);
  if (shown.length > 0) {
    const text = chunkLines(shown.map((l) => lineText(l, view.currency, CARD_DESCRIPTION_MAX)), SLACK_LIMITS.sectionText)[0]!;
    blocks.push(bk.section(text, 'lines'));
  }
  if (more > 0) blocks.push(bk.context([`…and ${more} more line${more === 1 ? '' : 's'} (Details shows them all)`]));

  blocks.push(bk.section(`*Needs approval because* ${mrkdwnTextWithin(view.reason, 2_800, { fullTextAt: view.odooUrl })}`, 'reason'));

  if (view.changes && view.changes.length > 0) {
    const list = view.changes.map((c) => `• ${mrkdwnText(c, { singleLine: true })}`);
    blocks.push(bk.section(cutWithoutSplittingEntities(`*Changed since you looked:*\n${list.join('\n')}`, SLACK_LIMITS.sectionText), 'changes'));
  }

  if (view.chain && view.chain.length > 0) {
    blocks.push(bk.section(cutWithoutSplittingEntities(chainLines(view.chain), SLACK_LIMITS.sectionText), 'chain'));
  }

  const state = statusLine(view.status, view.odooUrl);
  if (state) blocks.push(bk.section(state, 'status'));

  blocks.push(
    bk.context([
      `${statusLabel(view.status)} · rule ${mrkdwnTextWithin(view.ruleName, 200, { singleLine: true })} · card version \`${escapeMrkdwn(view.version.slice(0, 12))}\``,
    ]),
  );
  const buttons = buttonsFor(view);
  if (buttons.length > 0) blocks.push(bk.actions('approval_actions', buttons));

  // The notification (mobile lock screen) says whose approval it is, before anything is opened.
  const behalf = view.onBehalfOf && view.status.kind === 'pending' && !view.onBehalfEnded ? ` (on behalf of ${view.onBehalfOf})` : '';
  const fallback = `${view.orderName} from ${view.vendorName} for ${amount}: ${statusPlain(view.status)}${behalf}`;
  return { text: mrkdwnTextWithin(fallback, SLACK_LIMITS.notificationText, { singleLine: true }), blocks };
}

/** "• Steel bolts M8 — 3 Units × €12.50 = €37.50" */
export function lineText(line: ApprovalCardLine, currency: string, descriptionMax: number): string {
  const qty = `${formatQuantity(line.quantity)}${line.uom ? ` ${line.uom}` : ''}`;
  const money = `${qty} × ${formatAmount(line.priceUnit, currency)} = ${formatAmount(line.subtotal, currency)}`;
  return `• ${mrkdwnTextWithin(line.description, descriptionMax, { singleLine: true })} — ${mrkdwnText(money, { singleLine: true })}`;
}

function buttonsFor(view: ApprovalCardView): Button[] {
  const value = encodeCardButtonValue({ r: view.requestId, v: view.version });
  const details = bk.button({ actionId: CARD_ACTIONS.details, text: 'Details', value });
  const open = isWebUrl(view.odooUrl) ? [bk.button({ actionId: CARD_ACTIONS.openInOdoo, text: 'Open in Odoo', url: view.odooUrl })] : [];
  switch (view.status.kind) {
    case 'pending': {
      const amount = formatAmount(view.amountTotal, view.currency);
      const confirm = view.confirmApprove
        ? bk.confirm({
            title: 'Approve this order?',
            text: `Approve ${view.orderName} from ${truncate(view.vendorName, 80)} for ${amount}? This confirms the order in Odoo.`,
            confirm: 'Approve',
            deny: 'Cancel',
            style: 'primary',
          })
        : undefined;
      return [
        bk.button({ actionId: CARD_ACTIONS.approve, text: 'Approve', value, style: 'primary', ...(confirm ? { confirm } : {}) }),
        bk.button({ actionId: CARD_ACTIONS.reject, text: 'Reject…', value: encodeCardButtonValue({ r: view.requestId, v: view.version, n: truncate(view.orderName, 64) }), style: 'danger' }),
        details,
        ...open,
      ];
    }
    case 'failed': {
      const retryValue = encodeCardButtonValue({ r: view.requestId, v: view.version, u: view.status.retryableBy.userId.slice(0, 64) });
      return [bk.button({ actionId: CARD_ACTIONS.retry, text: 'Retry', value: retryValue, style: 'primary' }), details, ...open];
    }
    case 'queued':
    case 'retrying':
    case 'written':
      return [details, ...open];
    case 'decided_elsewhere':
      return open;
  }
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>|]+$/i.test(url) && url.length <= SLACK_LIMITS.buttonUrl;
}

/**
 * The private message to the person whose decision could not be written (ephemeral, beside the
 * card): what failed, and a Retry button that is the card's own (same action and value), so it
 * re-queues the same decision through the same checks.
 */
export function renderRetryOffer(view: ApprovalCardView, text: string): SlackMessage {
  const blocks: Block[] = [bk.section(`:warning: ${mrkdwnTextWithin(text, 2_800, { fullTextAt: view.odooUrl })}`, 'retry_offer')];
  if (view.status.kind === 'failed') {
    const value = encodeCardButtonValue({ r: view.requestId, v: view.version, u: view.status.retryableBy.userId.slice(0, 64) });
    blocks.push(bk.actions('approval_retry_offer', [bk.button({ actionId: CARD_ACTIONS.retry, text: 'Retry', value, style: 'primary' })]));
  }
  return { text: mrkdwnTextWithin(text, SLACK_LIMITS.notificationText, { singleLine: true }), blocks };
}
