/* global document, setTimeout, clearTimeout */
// Block Kit to DOM: the blocks the bot uses in messages and modals. Unknown blocks show as a
// placeholder, so a card that would not render on Slack is noticed here too.
import { mrkdwn, plain } from './mrkdwn.js';

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** Slack names blocks without a block_id; the workspace server names them the same way. */
export function blockIdOf(block, index) {
  return typeof block.block_id === 'string' ? block.block_id : `wb-${index}`;
}

/** A text object: mrkdwn or plain_text. */
export function textObject(t, ctx) {
  if (!t || typeof t.text !== 'string') return document.createTextNode('');
  return t.type === 'mrkdwn' ? mrkdwn(t.text, ctx.names) : plain(t.text);
}

function button(element, blockId, ctx) {
  const node = el('button', `bk-button${element.style ? ` ${element.style}` : ''}`, textObject(element.text, ctx));
  node.type = 'button';
  node.dataset.actionId = element.action_id ?? '';
  if (element.url) node.title = element.url;
  node.addEventListener('click', () => ctx.onAction({ blockId, element, button: node }));
  return node;
}

function optionsOf(element) {
  const groups = (element.option_groups ?? []).map((g) => ({ label: g.label?.text ?? '', options: g.options ?? [] }));
  return groups.length ? groups : [{ label: null, options: element.options ?? [] }];
}

function staticSelect(element, blockId, ctx, inModal) {
  const select = el('select', 'bk-select');
  select.dataset.actionId = element.action_id ?? '';
  const placeholder = el('option', null, document.createTextNode(element.placeholder?.text ?? 'Select an item'));
  placeholder.value = '';
  placeholder.disabled = !inModal;
  select.append(placeholder);
  for (const group of optionsOf(element)) {
    const parent = group.label === null ? select : select.appendChild(Object.assign(document.createElement('optgroup'), { label: group.label }));
    for (const o of group.options) {
      const option = el('option', null, document.createTextNode(o.text?.text ?? o.value));
      option.value = o.value;
      parent.append(option);
    }
  }
  select.value = element.initial_option?.value ?? '';
  if (!inModal) select.addEventListener('change', () => ctx.onAction({ blockId, element, select, selected: select.value }));
  return select;
}

function interactive(element, blockId, ctx, inModal = false) {
  switch (element?.type) {
    case 'button':
      return button(element, blockId, ctx);
    case 'static_select':
      return staticSelect(element, blockId, ctx, inModal);
    case 'image':
      return image(element);
    case 'mrkdwn':
    case 'plain_text':
      return el('span', null, textObject(element, ctx));
    default:
      return el('span', 'bk-unsupported', document.createTextNode(`[${element?.type ?? 'element'} not shown in the local workspace]`));
  }
}

function image(element) {
  const url = String(element.image_url ?? '');
  if (!/^https?:\/\//i.test(url)) return document.createTextNode('');
  const img = el('img', 'bk-image');
  img.src = url;
  img.alt = element.alt_text ?? '';
  return img;
}

/** An input block of a modal: label, field, hint, and the place where the bot's errors show. */
function input(block, blockId, ctx) {
  const e = block.element ?? {};
  const id = `input-${blockId}`;
  const label = el('label', 'bk-label', plain(block.label?.text ?? ''));
  label.htmlFor = id;
  if (block.optional) label.append(el('span', 'muted', document.createTextNode(' (optional)')));
  let field;
  if (e.type === 'plain_text_input') {
    field = document.createElement(e.multiline ? 'textarea' : 'input');
    if (!e.multiline) field.type = 'text';
    if (e.placeholder?.text) field.placeholder = e.placeholder.text;
    if (e.initial_value) field.value = e.initial_value;
    if (e.max_length) field.maxLength = e.max_length;
    if (e.min_length) field.dataset.minLength = String(e.min_length);
  } else if (e.type === 'static_select') {
    field = staticSelect(e, blockId, ctx, true);
  } else if (e.type === 'datepicker') {
    field = document.createElement('input');
    field.type = 'date';
    if (e.initial_date) field.value = e.initial_date;
  } else if (e.type === 'external_select') {
    return externalSelectInput(block, blockId, e, ctx, label, id);
  } else {
    field = el('div', 'bk-unsupported', document.createTextNode(`[${e.type ?? 'element'} input not shown in the local workspace]`));
  }
  field.id = id;
  field.dataset.blockId = blockId;
  field.dataset.required = block.optional ? 'false' : 'true';
  return inputWrap(block, blockId, label, field);
}

/** An input block as Slack lays it out: the label, the field(s), the hint, and room for its error. */
function inputWrap(block, blockId, label, ...fields) {
  const wrap = el('div', 'bk-input', label, ...fields);
  if (block.hint?.text) wrap.append(el('div', 'bk-hint muted', plain(block.hint.text)));
  const error = el('div', 'bk-field-error');
  error.dataset.errorFor = blockId;
  error.setAttribute('role', 'alert');
  wrap.append(error);
  return wrap;
}

/**
 * An external_select in a modal: what the person types is sent to the app (block_suggestion,
 * through the workspace server) and its options fill the list to pick from; the list is the field.
 */
function externalSelectInput(block, blockId, e, ctx, label, id) {
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'bk-ext-search';
  search.placeholder = e.placeholder?.text ?? 'Type to search';
  search.setAttribute('aria-label', `${block.label?.text ?? 'Search'}: search`);
  const select = el('select', 'bk-select');
  select.id = id;
  select.dataset.blockId = blockId;
  select.dataset.required = block.optional ? 'false' : 'true';
  select.dataset.actionId = e.action_id ?? '';
  const fill = (options, note) => {
    const placeholder = el('option', null, document.createTextNode(note));
    placeholder.value = '';
    const keep = select.value;
    select.replaceChildren(placeholder, ...options.map((o) => {
      const option = el('option', null, document.createTextNode(o.text?.text ?? o.value));
      option.value = o.value;
      return option;
    }));
    select.value = options.some((o) => o.value === keep) ? keep : '';
  };
  fill(e.initial_option ? [e.initial_option] : [], e.placeholder?.text ?? 'Type above to search');
  if (e.initial_option) select.value = e.initial_option.value;
  let timer = null;
  let asked = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      const value = search.value.trim();
      const options = ctx.loadOptions ? await ctx.loadOptions({ blockId, actionId: e.action_id, value }) : [];
      if (mine !== asked) return;
      fill(options, options.length ? `${options.length} found: pick one` : value.length < (e.min_query_length ?? 3) ? `Type at least ${e.min_query_length ?? 3} characters` : 'Nothing found');
      select.dataset.loaded = String(mine);
    }, 250);
  });
  label.htmlFor = id;
  return inputWrap(block, blockId, label, search, select);
}

function renderBlock(block, index, ctx, inModal) {
  const blockId = blockIdOf(block, index);
  switch (block.type) {
    case 'header':
      return el('h3', 'bk-header', plain(block.text?.text));
    case 'section': {
      const node = el('div', 'bk-section');
      const body = el('div', 'bk-section-body');
      if (block.text) body.append(el('div', 'bk-text', textObject(block.text, ctx)));
      if (Array.isArray(block.fields)) body.append(el('div', 'bk-fields', ...block.fields.map((f) => el('div', 'bk-field', textObject(f, ctx)))));
      node.append(body);
      if (block.accessory) node.append(el('div', 'bk-accessory', interactive(block.accessory, blockId, ctx, inModal)));
      return node;
    }
    case 'context':
      return el('div', 'bk-context', ...(block.elements ?? []).map((e) => (e.type === 'image' ? image(e) : el('span', null, textObject(e, ctx)))));
    case 'divider':
      return el('hr', 'bk-divider');
    case 'actions':
      return el('div', 'bk-actions', ...(block.elements ?? []).map((e) => interactive(e, blockId, ctx, inModal)));
    case 'input':
      return input(block, blockId, ctx);
    case 'image':
      return image(block);
    default:
      return el('div', 'bk-unsupported', document.createTextNode(`[${block.type} block not shown in the local workspace]`));
  }
}

/** Renders blocks; `ctx` = { names(userId), onAction({ blockId, element, button?, select?, selected? }), loadOptions?({ blockId, actionId, value }) }. */
export function renderBlocks(blocks, ctx, inModal = false) {
  return el('div', 'bk-blocks', ...blocks.map((b, i) => renderBlock(b, i, ctx, inModal)));
}
