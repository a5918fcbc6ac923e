/* global document */
// The confirm dialog of a button (Block Kit `confirm`) and the bot's modals (views.open).
import { renderBlocks } from './blocks.js';
import { plain } from './mrkdwn.js';

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** Asks the question of a `confirm` object; resolves true only on the confirm button. */
export function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'bk-confirm');
    dialog.setAttribute('aria-label', confirm.title?.text ?? 'Are you sure?');
    const ok = el('button', `bk-button ${confirm.style === 'danger' ? 'danger' : 'primary'}`, plain(confirm.confirm?.text ?? 'Yes'));
    const deny = el('button', 'bk-button', plain(confirm.deny?.text ?? 'Cancel'));
    ok.type = deny.type = 'button';
    dialog.append(el('h3', null, plain(confirm.title?.text ?? 'Are you sure?')), el('p', null, plain(confirm.text?.text ?? '')), el('div', 'bk-dialog-buttons', deny, ok));
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    ok.addEventListener('click', () => done(true));
    deny.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Reads the modal's inputs: block_id -> value (null when empty), and the problems Slack's client would stop the submit for. */
function readInputs(form) {
  const values = {};
  const problems = {};
  for (const field of form.querySelectorAll('[data-block-id]')) {
    if (!('value' in field)) continue;
    const value = field.value;
    const blockId = field.dataset.blockId;
    values[blockId] = value === '' ? null : value;
    const min = Number(field.dataset.minLength ?? 0);
    if (field.dataset.required === 'true' && value.trim() === '') problems[blockId] = 'Please complete this required field.';
    else if (min && value.length > 0 && value.length < min) problems[blockId] = `Must be at least ${min} characters.`;
  }
  return { values, problems };
}

function showErrors(form, errors) {
  for (const slot of form.querySelectorAll('[data-error-for]')) slot.textContent = errors[slot.dataset.errorFor] ?? '';
}

/**
 * Shows a modal: its blocks, Cancel and Submit. Submit sends the inputs to the workspace server
 * (which signs the view_submission); errors the bot returns (response_action: errors) show under
 * their field and the modal stays open.
 */
export function showModal(record, { names, submit, close, loadOptions }) {
  const view = record.view;
  const backdrop = el('div', 'bk-modal-backdrop');
  const form = el('form', 'bk-modal');
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-label', view.title?.text ?? 'Modal');
  form.noValidate = true;
  const status = el('div', 'bk-modal-status');
  status.setAttribute('role', 'status');
  const cancel = el('button', 'bk-button', plain(view.close?.text ?? 'Cancel'));
  cancel.type = 'button';
  const buttons = el('div', 'bk-dialog-buttons', cancel);
  let send = null;
  if (view.submit?.text) {
    send = el('button', 'bk-button primary', plain(view.submit.text));
    send.type = 'submit';
    buttons.append(send);
  }
  form.append(
    el('header', 'bk-modal-title', el('h2', null, plain(view.title?.text ?? ''))),
    el('div', 'bk-modal-body', renderBlocks(view.blocks ?? [], { names, onAction: () => {}, loadOptions: (q) => loadOptions?.(record, q) ?? Promise.resolve([]) }, true)),
    status,
    buttons,
  );
  cancel.addEventListener('click', () => close(record));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { values, problems } = readInputs(form);
    showErrors(form, problems);
    if (Object.keys(problems).length) return;
    if (send) send.disabled = true;
    status.textContent = '';
    try {
      const answer = await submit(record, values);
      if (answer.errors) showErrors(form, answer.errors);
      else if (answer.ok === false) status.textContent = answer.message ?? 'We had some trouble connecting. Try again?';
    } finally {
      if (send) send.disabled = false;
    }
  });
  backdrop.append(form);
  backdrop.dataset.viewKey = `${record.id}/${record.hash}`;
  document.body.append(backdrop);
  form.querySelector('textarea, input, select')?.focus();
  return backdrop;
}
