import type { types } from '@slack/bolt';
import type { RequestCardView } from '../../../src/requests/request-card-view.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { bk, type Block, type SlackMessage } from './block-kit.ts';
import { link } from './status-format.ts';

export const REQUEST_CARD = {
  send: 'request_send',
  ask: 'request_ask',
  reject: 'request_reject',
  rejectModal: 'request_reject_modal',
  askModal: 'request_ask_modal',
  textBlock: 'text',
  textAction: 'request_text',
} as const;

/** The buyer's card of a purchase request: what, how many, where, by when, why; three buttons while it waits. */
export function renderRequestCard(v: RequestCardView): SlackMessage {
  const e = (s: string) => escapeMrkdwn(s);
  const blocks: Block[] = [
    bk.header(`Purchase request ${v.ref}${v.overdue ? ' (waiting too long)' : ''}`),
    bk.section(`*${e(v.requester)}* needs *${e(v.quantity)}* of *${e(v.product)}* at ${e(v.warehouse)} by *${v.neededBy}*.`),
    bk.fields([
      `*Vendor*\n${e(v.vendor)}`,
      `*RFQ*\n${v.order ? `${link(v.order.url, v.order.name)}${v.order.grouped ? ' (grouped)' : ''}` : 'being written'}`,
      `*State*\n${e(v.stateWords)}`,
      `*Reason*\n${e(v.reason ?? '(none given)')}`,
    ]),
  ];
  if (v.attachment) blocks.push(bk.context([`Attachment: ${e(v.attachment)}`]));
  if (v.outcome) blocks.push(bk.context([e(v.outcome)]));
  if (v.actionable) {
    const button = (action_id: string, text: string, style?: 'primary' | 'danger'): types.Button => ({ type: 'button', action_id, text: bk.plain(text, 75), value: v.requestId, ...(style ? { style } : {}) });
    blocks.push({ type: 'actions', block_id: `request-${v.requestId.slice(0, 16)}`, elements: [button(REQUEST_CARD.send, 'Convert to RFQ sent', 'primary'), button(REQUEST_CARD.ask, 'Ask requester'), button(REQUEST_CARD.reject, 'Reject', 'danger')] });
  }
  return { text: `Purchase request ${v.ref}: ${v.quantity} ${v.product} for ${v.warehouse} (${v.stateWords})`, blocks };
}

/** The Reject / Ask modal: one text input; the request id travels in private_metadata. */
export function renderRequestTextModal(kind: 'reject' | 'ask', requestId: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: kind === 'reject' ? REQUEST_CARD.rejectModal : REQUEST_CARD.askModal,
    private_metadata: requestId,
    title: bk.plain(kind === 'reject' ? 'Reject request' : 'Ask the requester', 24),
    submit: bk.plain(kind === 'reject' ? 'Reject' : 'Send', 24),
    close: bk.plain('Cancel', 24),
    blocks: [{
      type: 'input', block_id: REQUEST_CARD.textBlock, label: bk.plain(kind === 'reject' ? 'Reason (the requester sees it)' : 'Your question', 75),
      element: { type: 'plain_text_input', action_id: REQUEST_CARD.textAction, multiline: true, max_length: 1000 },
    }],
  };
}
