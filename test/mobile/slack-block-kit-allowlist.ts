/**
 * The Block Kit the bot may use, as data: what Slack's iOS and Android clients render and let you
 * act on (docs/chat-elements.md says why). Properties per `type`, per surface; the tests walk every
 * rendered message, modal and home tab against it.
 */

export type SlackSurface = 'message' | 'modal' | 'home';

/** Blocks allowed per surface. `input` only in modals: in messages it needs a dispatch the bot does not use. */
export const SLACK_BLOCKS: Readonly<Record<SlackSurface, readonly string[]>> = {
  // image: the control tower's charts (a signed PNG URL) in /po vendor answers and the weekly digest.
  message: ['header', 'section', 'context', 'divider', 'actions', 'image'],
  modal: ['header', 'section', 'context', 'divider', 'input'],
  home: ['header', 'section', 'context', 'divider', 'actions'],
};

/** Properties allowed per block, element or text object `type`. */
export const SLACK_ALLOWLIST: Readonly<Record<string, readonly string[]>> = {
  header: ['type', 'text', 'block_id'],
  section: ['type', 'text', 'fields', 'accessory', 'block_id'],
  context: ['type', 'elements', 'block_id'],
  divider: ['type', 'block_id'],
  image: ['type', 'image_url', 'alt_text', 'title', 'block_id'],
  actions: ['type', 'elements', 'block_id'],
  input: ['type', 'block_id', 'label', 'element', 'hint', 'optional'],
  button: ['type', 'action_id', 'text', 'value', 'url', 'style', 'confirm'],
  static_select: ['type', 'action_id', 'placeholder', 'options', 'initial_option'],
  // The purchase-request form: the product and vendor searched in Odoo as you type (options load URL).
  external_select: ['type', 'action_id', 'placeholder', 'min_query_length', 'initial_option'],
  // initial_value: the request form comes prefilled from plain words.
  plain_text_input: ['type', 'action_id', 'multiline', 'min_length', 'max_length', 'placeholder', 'initial_value'],
  mrkdwn: ['type', 'text', 'verbatim'],
  plain_text: ['type', 'text', 'emoji'],
  modal: ['type', 'callback_id', 'private_metadata', 'title', 'submit', 'close', 'notify_on_close', 'blocks'],
  home: ['type', 'blocks'],
};

/** Where each element may sit: a select only as a section accessory, inputs only in an input block. */
export const SLACK_ELEMENT_PLACES: Readonly<Record<string, readonly string[]>> = {
  button: ['actions.elements', 'section.accessory'],
  static_select: ['section.accessory', 'input.element'],
  external_select: ['input.element'],
  plain_text_input: ['input.element'],
};

/** Objects without a `type`, by the property they sit under. */
export const SLACK_UNTYPED: Readonly<Record<string, readonly string[]>> = {
  confirm: ['title', 'text', 'confirm', 'deny', 'style'],
  options: ['text', 'value'],
  initial_option: ['text', 'value'],
};

/** Never used, with the reason (a test fails if one appears). */
export const SLACK_FORBIDDEN: Readonly<Record<string, string>> = {
  rich_text_input: 'rich text input is not offered by every mobile client version',
  rich_text: 'rich_text blocks render inconsistently in older mobile clients; mrkdwn sections do the job',
  datepicker: 'the mobile date picker cannot be validated before submit; dates are typed in commands',
  timepicker: 'same as datepicker',
  datetimepicker: 'same as datepicker',
  overflow: 'overflow menus hide actions behind a small target on phones',
  video: 'not rendered inline on mobile',
  checkboxes: 'not needed',
  radio_buttons: 'not needed',
  multi_static_select: 'multi-selects are awkward on phones',
  workflow_button: 'not a bot interaction',
};
