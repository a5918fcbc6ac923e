/**
 * The Adaptive Card features the bot may use, as data: each renders and works in Teams for iOS
 * and Android as on desktop (docs/chat-elements.md says why each is here and why others are not).
 * test/mobile walks every rendered card against it, so a new element is a decision, not an
 * accident.
 */

export const ADAPTIVE_CARD_VERSION = '1.5';

/** Properties allowed per `type`; nothing else may appear on an object of that type. */
export const ADAPTIVE_CARD_ALLOWLIST: Readonly<Record<string, readonly string[]>> = {
  AdaptiveCard: ['type', 'version', '$schema', 'body', 'actions', 'refresh', 'msteams'],
  TextBlock: ['type', 'text', 'wrap', 'weight', 'size', 'color', 'isSubtle', 'style', 'spacing', 'separator', 'id'],
  FactSet: ['type', 'facts', 'id', 'spacing'],
  Container: ['type', 'items', 'id', 'style', 'separator', 'spacing'],
  ActionSet: ['type', 'actions', 'spacing'],
  // `value`: the purchase-request form comes back prefilled (from plain words, or with its errors).
  'Input.Text': ['type', 'id', 'label', 'isRequired', 'errorMessage', 'isMultiline', 'maxLength', 'placeholder', 'value'],
  // `choices.data` (Data.Query) with style `filtered`: Teams' typeahead search (desktop, web and
  // mobile), the request form's product and vendor searched in Odoo through `application/search`.
  'Input.ChoiceSet': ['type', 'id', 'label', 'style', 'isMultiSelect', 'isRequired', 'errorMessage', 'value', 'choices', 'choices.data'],
  'Data.Query': ['type', 'dataset'],
  'Action.Execute': ['type', 'title', 'verb', 'data', 'associatedInputs', 'style'],
  'Action.OpenUrl': ['type', 'title', 'url'],
  'Action.ShowCard': ['type', 'title', 'card', 'style'],
  // A chart (signed PNG URL, control tower): Image with a URL renders the same on every client.
  Image: ['type', 'url', 'altText', 'spacing'],
};

/** Objects without a `type` the card may hold, by the property they sit under. */
export const ADAPTIVE_CARD_UNTYPED: Readonly<Record<string, readonly string[]>> = {
  facts: ['title', 'value'],
  choices: ['title', 'value'],
  refresh: ['action'],
  msteams: ['width'],
};

/** Allowed values of enumerated properties (anything else may render differently on mobile). */
export const ADAPTIVE_CARD_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  wrap: [true],
  'Input.ChoiceSet.style': ['compact', 'filtered'],
  isMultiSelect: [false],
  associatedInputs: ['auto', 'none'],
  width: ['Full'],
};

/**
 * Features deliberately not used, with the reason: a card test fails when one appears.
 * (Kept beside the allowlist so the reason travels with the rule.)
 */
export const ADAPTIVE_CARD_FORBIDDEN: Readonly<Record<string, string>> = {
  'Action.Submit': 'not a Universal Action: no per-viewer refresh, no card update from the invoke response',
  'Action.ToggleVisibility': 'hidden parts are easy to miss on a phone; Action.ShowCard is used instead',
  'Input.Date': 'renders a native picker that behaves differently per mobile OS; dates are typed in commands',
  'Input.Time': 'same as Input.Date',
  'Input.Number': 'not needed; numbers are never entered on a card',
  'Input.Toggle': 'not needed',
  Media: 'not rendered by Teams mobile',
  Table: 'wide tables are cut off on phones; lines are text rows',
  ColumnSet: 'columns squeeze on narrow screens; facts and rows wrap instead',
  RichTextBlock: 'not needed: TextBlock markdown covers bold, italics and links',
  selectAction: 'a tap target that is not a visible button is hard to find on mobile',
};
