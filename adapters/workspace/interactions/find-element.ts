/** An interactive element found in a message's or a view's blocks. */
export interface FoundElement {
  element: Record<string, unknown>;
  blockId: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Slack gives blocks without a block_id a generated one; ours is the block's position, which is
 * stable for one version of a message. The browser names the block the same way.
 */
export function blockIdOf(block: Obj, index: number): string {
  return typeof block.block_id === 'string' ? block.block_id : `wb-${index}`;
}

/**
 * The element `actionId` of block `blockId`, read from the stored message (not from the browser),
 * so a click carries exactly the value the bot wrote on the card.
 */
export function findElement(blocks: unknown, blockId: string, actionId: string): FoundElement | null {
  if (!Array.isArray(blocks)) return null;
  for (const [i, raw] of blocks.entries()) {
    if (!isObj(raw) || blockIdOf(raw, i) !== blockId) continue;
    const candidates = [...(Array.isArray(raw.elements) ? raw.elements : []), raw.accessory, raw.element].filter(isObj);
    const element = candidates.find((e) => e.action_id === actionId);
    if (element) return { element, blockId };
  }
  return null;
}

/** The option with this value in a static_select (options or option_groups), as Slack reports it. */
export function selectedOption(element: Obj, value: string): { text: unknown; value: string } | null {
  const groups = Array.isArray(element.option_groups) ? element.option_groups.filter(isObj).flatMap((g) => (Array.isArray(g.options) ? g.options : [])) : [];
  const options = [...(Array.isArray(element.options) ? element.options : []), ...groups].filter(isObj);
  const found = options.find((o) => o.value === value);
  return found ? { text: found.text, value } : null;
}
