/**
 * Every `id` on a Teams card comes from here. Hosts refuse a card in which two elements share an
 * id, and Action.Execute gathers input values by id: the approval card once had both its "Needs
 * approval because" TextBlock and its reject-reason Input.Text called `reason` (Microsoft's
 * `adaptivecards` parser reports it as a duplicate id; 20 of 95 cards failed).
 *
 * Unique by construction: an id is a name from one of the two lists below (a typo does not
 * compile), inputs carry the `input.` prefix no block name can have, so an input never shares an
 * id with a block; `ac.card` refuses a card that uses one name twice (see assertUniqueIds).
 */

/** Display elements (TextBlock, FactSet, Container) tests and hosts address. No dots. */
export type CardBlockName =
  | 'delegation'
  | 'facts'
  | 'lines'
  | 'reason'
  | 'chain'
  | 'changes'
  | 'status'
  | 'viewer-note'
  | 'summary'
  | 'injection'
  | 'evidence'
  | 'severity'
  | 'state'
  | 'next'
  | 'exceptions'
  | 'timeline'
  | 'items'
  | 'examples'
  | 'approvals'
  | 'decisions';

/** Inputs: the invoke handlers read their values from `action.data[cardId.input(name)]`. */
export type CardInputName = 'reject-reason' | 'triage-category';

export const INPUT_PREFIX = 'input.';

declare const named: unique symbol;
/** A block id made by cardId.block: the element types accept nothing else, so no id bypasses the helper. */
export type CardBlockId = CardBlockName & { readonly [named]: 'block' };
/** An input id made by cardId.input (`input.reject-reason`). */
export type CardInputId = `${typeof INPUT_PREFIX}${CardInputName}` & { readonly [named]: 'input' };

/** The one helper that names card elements. */
export const cardId = {
  block: (name: CardBlockName): CardBlockId => name as CardBlockId,
  input: (name: CardInputName): CardInputId => `${INPUT_PREFIX}${name}` as CardInputId,
};

/** Thrown when a renderer uses one id twice in a card: a bug in the renderer, never in the data. */
export class DuplicateCardIdError extends Error {
  readonly code = 'duplicate_card_id';
  constructor(readonly id: string) {
    super(`two elements of one Adaptive Card have the id "${id}": hosts refuse such a card; name them with cardId`);
    this.name = 'DuplicateCardIdError';
  }
}

/**
 * Throws DuplicateCardIdError when an id repeats anywhere in the card: body, actions and the cards
 * of Action.ShowCard, which share the card's id space (inputs of a show-card are gathered with the
 * card's own).
 */
export function assertUniqueIds(root: unknown): void {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string') {
      if (seen.has(o.id)) throw new DuplicateCardIdError(o.id);
      seen.add(o.id);
    }
    // `data` is the bot's payload, not card structure: its keys are never element ids.
    for (const [key, value] of Object.entries(o)) if (key !== 'data' && key !== 'refresh') visit(value);
  };
  visit(root);
}
