import type { types } from '@slack/bolt';
import { SLACK_LIMITS, cutWithoutSplittingEntities, plainTextWithin } from '../mrkdwn.ts';

// Only the blocks that render on Slack mobile as well as desktop (section, fields, context,
// header, divider, actions with buttons, input in modals): cards are approved from phones.
export type Block = types.KnownBlock;
export type ModalView = types.ModalView;
export type Button = types.Button;
export type MrkdwnElement = types.MrkdwnElement;

/** A message: `text` is the notification and screen-reader fallback, `blocks` the card. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Small constructors that enforce Block Kit's length limits; callers pass escaped mrkdwn. */
export const bk = {
  mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): MrkdwnElement {
    return { type: 'mrkdwn', text: cutWithoutSplittingEntities(text, max), verbatim: true };
  },
  plain(raw: string, max: number): types.PlainTextElement {
    return { type: 'plain_text', text: plainTextWithin(raw, max) || ' ', emoji: true };
  },
  header(raw: string): types.HeaderBlock {
    return { type: 'header', text: bk.plain(raw, SLACK_LIMITS.headerText) };
  },
  section(text: string, blockId?: string): types.SectionBlock {
    return { type: 'section', text: bk.mrkdwn(text), ...(blockId ? { block_id: blockId } : {}) };
  },
  fields(fields: string[]): types.SectionBlock {
    return { type: 'section', fields: fields.slice(0, SLACK_LIMITS.sectionFields).map((f) => bk.mrkdwn(f, SLACK_LIMITS.fieldText)) };
  },
  context(texts: string[]): types.ContextBlock {
    return { type: 'context', elements: texts.slice(0, SLACK_LIMITS.contextElements).map((t) => bk.mrkdwn(t, SLACK_LIMITS.contextText)) };
  },
  divider(): types.DividerBlock {
    return { type: 'divider' };
  },
  actions(blockId: string, elements: Button[]): types.ActionsBlock {
    return { type: 'actions', block_id: blockId, elements: elements.slice(0, SLACK_LIMITS.actionsElements) };
  },
  button(options: { actionId: string; text: string; value?: string; url?: string; style?: 'primary' | 'danger'; confirm?: types.ConfirmationDialog }): Button {
    return {
      type: 'button',
      action_id: options.actionId,
      text: bk.plain(options.text, SLACK_LIMITS.buttonText),
      ...(options.value !== undefined ? { value: options.value } : {}),
      ...(options.url !== undefined ? { url: options.url.slice(0, SLACK_LIMITS.buttonUrl) } : {}),
      ...(options.style ? { style: options.style } : {}),
      ...(options.confirm ? { confirm: options.confirm } : {}),
    };
  },
  confirm(options: { title: string; text: string; confirm: string; deny: string; style?: 'primary' | 'danger' }): types.ConfirmationDialog {
    return {
      title: bk.plain(options.title, SLACK_LIMITS.confirmTitle),
      text: bk.plain(options.text, SLACK_LIMITS.confirmText),
      confirm: bk.plain(options.confirm, SLACK_LIMITS.confirmButton),
      deny: bk.plain(options.deny, SLACK_LIMITS.confirmButton),
      ...(options.style ? { style: options.style } : {}),
    };
  },
};
