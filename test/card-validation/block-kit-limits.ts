/**
 * The limits Slack enforces on Block Kit (docs.slack.dev/reference/block-kit): a message, modal or
 * home tab past one of them is refused with `invalid_blocks` (or a view error), so the card never
 * shows. The surfaces are typed with @slack/types; every violation is a readable path.
 *
 * Checked: blocks per message 50, per modal / home tab 100; section text 3,000, fields 10 × 2,000;
 * header 150; image url 3,000 and alt text 2,000; context elements 10; actions elements 25; text objects 3,000 and never empty;
 * button text 75, value 2,000, url 3,000, action_id 255; confirm dialogs (title 100, text 300,
 * buttons 30); select options 100, option text 75 and value 150, placeholder 150; input label and
 * hint 2,000; modal title, submit and close 24, private_metadata 3,000, callback_id 255; block_id
 * 255 and unique per surface; action_id unique per block; and a message's `text` fallback present
 * (notifications and screen readers use it) within 40,000.
 */
import type { ActionsBlock, Button, ConfirmationDialog, ContextBlock, HomeView, KnownBlock, ModalView, PlainTextOption, SectionBlock, TextObject } from '@slack/types';

export type SlackSurfaceToCheck = { kind: 'message'; text: string | undefined; blocks: KnownBlock[] } | { kind: 'modal'; view: ModalView } | { kind: 'home'; view: HomeView };

export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  messageText: 40_000,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  imageUrl: 3_000,
  imageAltText: 2_000,
  contextElements: 10,
  actionsElements: 25,
  textObject: 3_000,
  buttonText: 75,
  buttonValue: 2_000,
  buttonUrl: 3_000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  inputLabel: 2_000,
  inputHint: 2_000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3_000,
  callbackId: 255,
} as const;

const L = BLOCK_KIT_LIMITS;
// UTF-16 code units: at least the count of characters, so a text within it is within Slack's count too.
const length = (s: string) => s.length;

/** Every limit the surface breaks, as "blocks[3].text: 3,012 characters > 3,000"; [] when it fits. */
export function blockKitLimitViolations(surface: SlackSurfaceToCheck): string[] {
  const out: string[] = [];
  const max = (path: string, value: string | undefined, limit: number) => {
    if (value !== undefined && length(value) > limit) out.push(`${path}: ${length(value)} characters > ${limit}`);
  };
  const text = (path: string, t: TextObject | undefined, limit: number = L.textObject) => {
    if (!t) return;
    if (!t.text.trim()) out.push(`${path}: empty text (Slack refuses it)`);
    max(`${path}.text`, t.text, limit);
  };
  const confirm = (path: string, c: ConfirmationDialog | undefined) => {
    if (!c) return;
    text(`${path}.title`, c.title, L.confirmTitle);
    text(`${path}.text`, c.text, L.confirmText);
    text(`${path}.confirm`, c.confirm, L.confirmButton);
    text(`${path}.deny`, c.deny, L.confirmButton);
  };
  const actionId = (path: string, id: string | undefined, seen: Set<string>) => {
    if (id === undefined) return;
    max(`${path}.action_id`, id, L.actionId);
    if (seen.has(id)) out.push(`${path}: action_id "${id}" twice in one block`);
    seen.add(id);
  };
  const button = (path: string, b: Button, seen: Set<string>) => {
    text(`${path}.text`, b.text, L.buttonText);
    max(`${path}.value`, b.value, L.buttonValue);
    max(`${path}.url`, b.url, L.buttonUrl);
    actionId(path, b.action_id, seen);
    confirm(`${path}.confirm`, b.confirm);
  };
  const option = (path: string, o: PlainTextOption) => {
    text(`${path}.text`, o.text, L.optionText);
    max(`${path}.value`, o.value, L.optionValue);
  };
  const accessory = (path: string, a: SectionBlock['accessory'], seen: Set<string>) => {
    if (!a) return;
    if (a.type === 'button') button(path, a, seen);
    else if (a.type === 'static_select') {
      actionId(path, a.action_id, seen);
      text(`${path}.placeholder`, a.placeholder, L.placeholder);
      const options = (a.options ?? []) as PlainTextOption[];
      if (options.length > L.selectOptions) out.push(`${path}.options: ${options.length} > ${L.selectOptions}`);
      options.forEach((o, i) => option(`${path}.options[${i}]`, o));
      if (a.initial_option) option(`${path}.initial_option`, a.initial_option as PlainTextOption);
    } else out.push(`${path}: accessory ${a.type} has no limits table here; add one before using it`);
  };

  // Views are typed (KnownBlock | Block)[]; a block of another type falls to the default case below and is reported.
  const blocks = (surface.kind === 'message' ? surface.blocks : surface.view.blocks) as KnownBlock[];
  const limit = surface.kind === 'message' ? L.blocksPerMessage : L.blocksPerView;
  if (blocks.length > limit) out.push(`${blocks.length} blocks in a ${surface.kind} > ${limit}`);
  if (blocks.length === 0) out.push(`a ${surface.kind} without blocks`);
  if (surface.kind === 'message') {
    if (!surface.text?.trim()) out.push('text: a message with blocks needs a text fallback (notifications, screen readers)');
    max('text', surface.text, L.messageText);
  } else if (surface.kind === 'modal') {
    const v = surface.view;
    text('view.title', v.title, L.viewTitle);
    text('view.submit', v.submit, L.viewButton);
    text('view.close', v.close, L.viewButton);
    max('view.private_metadata', v.private_metadata, L.privateMetadata);
    max('view.callback_id', v.callback_id, L.callbackId);
    if (blocks.some((b) => b.type === 'input') && !v.submit) out.push('view: a modal with an input needs submit');
  }

  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const path = `blocks[${i}]`;
    if ('block_id' in block && block.block_id !== undefined) {
      max(`${path}.block_id`, block.block_id, L.blockId);
      if (blockIds.has(block.block_id)) out.push(`${path}: block_id "${block.block_id}" twice`);
      blockIds.add(block.block_id);
    }
    const seen = new Set<string>();
    switch (block.type) {
      case 'header':
        text(`${path}.text`, block.text, L.headerText);
        break;
      case 'section':
        section(path, block, seen);
        break;
      case 'context':
        context(path, block);
        break;
      case 'actions':
        actions(path, block, seen);
        break;
      case 'divider':
        break;
      case 'image':
        // The control tower's charts: image_url 3,000, alt_text 2,000 and never empty, title 2,000.
        max(`${path}.image_url`, 'image_url' in block && typeof block.image_url === 'string' ? block.image_url : '', L.imageUrl);
        if (!block.alt_text) out.push(`${path}.alt_text: empty`);
        max(`${path}.alt_text`, block.alt_text, L.imageAltText);
        text(`${path}.title`, block.title, L.imageAltText);
        break;
      case 'input':
        text(`${path}.label`, block.label, L.inputLabel);
        text(`${path}.hint`, block.hint, L.inputHint);
        if (block.element.type === 'plain_text_input') {
          actionId(`${path}.element`, block.element.action_id, seen);
          text(`${path}.element.placeholder`, block.element.placeholder, L.placeholder);
          if ((block.element.max_length ?? 0) > 3_000) out.push(`${path}.element.max_length: > 3,000`);
          max(`${path}.element.initial_value`, block.element.initial_value, 3_000);
        } else if (block.element.type === 'static_select' || block.element.type === 'external_select') {
          // A select in a modal's input: the same limits as a section's (options only on static ones).
          accessory(`${path}.element`, { ...block.element, type: 'static_select', options: block.element.type === 'static_select' ? block.element.options : [] } as SectionBlock['accessory'], seen);
        } else out.push(`${path}.element: ${block.element.type} has no limits table here; add one before using it`);
        break;
      default:
        out.push(`${path}: block type ${block.type} has no limits table here; add one before using it`);
    }
  });
  return out;

  function section(path: string, b: SectionBlock, seen: Set<string>): void {
    if (!b.text && !b.fields?.length) out.push(`${path}: a section needs text or fields`);
    text(`${path}.text`, b.text, L.sectionText);
    if ((b.fields?.length ?? 0) > L.sectionFields) out.push(`${path}.fields: ${b.fields!.length} > ${L.sectionFields}`);
    b.fields?.forEach((f, j) => text(`${path}.fields[${j}]`, f, L.fieldText));
    accessory(`${path}.accessory`, b.accessory, seen);
  }
  function context(path: string, b: ContextBlock): void {
    if (b.elements.length > L.contextElements) out.push(`${path}.elements: ${b.elements.length} > ${L.contextElements}`);
    if (b.elements.length === 0) out.push(`${path}: a context without elements`);
    b.elements.forEach((e, j) => {
      if (e.type === 'mrkdwn' || e.type === 'plain_text') text(`${path}.elements[${j}]`, e);
    });
  }
  function actions(path: string, b: ActionsBlock, seen: Set<string>): void {
    if (b.elements.length > L.actionsElements) out.push(`${path}.elements: ${b.elements.length} > ${L.actionsElements}`);
    if (b.elements.length === 0) out.push(`${path}: an actions block without elements`);
    b.elements.forEach((e, j) => {
      if (e.type === 'button') button(`${path}.elements[${j}]`, e, seen);
      else out.push(`${path}.elements[${j}]: ${e.type} has no limits table here; add one before using it`);
    });
  }
}
