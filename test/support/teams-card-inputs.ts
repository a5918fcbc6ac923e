/**
 * What Teams sends when a person presses an Action.Execute: the action's `data`, plus (with
 * `associatedInputs` "auto", the default) the value of every input of the card that holds the
 * action and of the cards around it, each under the input's `id`. Tests type into inputs by their
 * label, as a person does, so a renamed or duplicated id breaks them the way it breaks Teams.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Inputs directly in a card's body (containers included), not those of its show-cards. */
function inputsOf(cardBody: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(cardBody)) for (const n of cardBody) inputsOf(n, out);
  else if (isObject(cardBody)) {
    if (typeof cardBody.type === 'string' && cardBody.type.startsWith('Input.')) out.push(cardBody);
    for (const [key, value] of Object.entries(cardBody)) if (key !== 'card' && key !== 'data') inputsOf(value, out);
  }
  return out;
}

/** The action with this verb and the cards enclosing it, outermost first. */
function findAction(card: Json, verb: string, enclosing: Json[] = []): { action: Json; cards: Json[] } | null {
  const cards = [...enclosing, card];
  const visit = (node: unknown): { action: Json; cards: Json[] } | null => {
    if (Array.isArray(node)) {
      for (const n of node) {
        const found = visit(n);
        if (found) return found;
      }
      return null;
    }
    if (!isObject(node)) return null;
    if (node.type === 'Action.Execute' && node.verb === verb) return { action: node, cards };
    if (node.type === 'Action.ShowCard' && isObject(node.card)) return findAction(node.card, verb, cards);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' || key === 'refresh') continue;
      const found = visit(value);
      if (found) return found;
    }
    return null;
  };
  return visit([card.body, card.actions]);
}

/**
 * The `data` Teams sends for the action with `verb`, with `typed` values entered into the inputs
 * labelled so (others keep their default value). Throws when the action is missing, or a label
 * names no input the action gathers.
 */
export function submittedData(card: Json, verb: string, typed: Record<string, string> = {}): Json {
  const found = findAction(card, verb);
  if (!found) throw new Error(`the card has no Action.Execute with the verb ${verb}`);
  const data: Json = { ...(isObject(found.action.data) ? found.action.data : {}) };
  if (found.action.associatedInputs === 'none') {
    if (Object.keys(typed).length) throw new Error(`${verb} gathers no inputs (associatedInputs: none)`);
    return data;
  }
  const inputs = found.cards.flatMap((c) => inputsOf(c.body));
  for (const label of Object.keys(typed)) {
    if (!inputs.some((i) => i.label === label)) throw new Error(`${verb} gathers no input labelled "${label}" (it gathers: ${inputs.map((i) => String(i.label)).join(', ') || 'none'})`);
  }
  for (const input of inputs) {
    const id = String(input.id);
    const value = typed[String(input.label)] ?? (typeof input.value === 'string' ? input.value : '');
    data[id] = value;
  }
  return data;
}
