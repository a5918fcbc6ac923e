import { ADAPTIVE_CARD_ALLOWLIST, ADAPTIVE_CARD_FORBIDDEN, ADAPTIVE_CARD_UNTYPED, ADAPTIVE_CARD_VALUES, ADAPTIVE_CARD_VERSION } from '../../adapters/teams/cards/mobile-allowlist.ts';
import { SLACK_ALLOWLIST, SLACK_BLOCKS, SLACK_ELEMENT_PLACES, SLACK_FORBIDDEN, SLACK_UNTYPED, type SlackSurface } from './slack-block-kit-allowlist.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every way a Teams card leaves the allowlist, as readable paths ("body[3].items[0]: ..."); [] when it is clean. */
export function adaptiveCardViolations(card: unknown): string[] {
  const out: string[] = [];
  if (!isObject(card) || card.type !== 'AdaptiveCard') return ['root: not an AdaptiveCard'];
  if (card.version !== ADAPTIVE_CARD_VERSION) out.push(`root: version ${String(card.version)}, expected ${ADAPTIVE_CARD_VERSION}`);
  visitTeams(card, 'root', null, out, 0);
  return out;
}

function visitTeams(node: unknown, path: string, under: string | null, out: string[], showCardDepth: number): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => visitTeams(n, `${path}[${i}]`, under, out, showCardDepth));
    return;
  }
  if (!isObject(node)) return;
  const type = typeof node.type === 'string' ? node.type : null;
  const allowed = type ? ADAPTIVE_CARD_ALLOWLIST[type] : under ? ADAPTIVE_CARD_UNTYPED[under] : undefined;
  if (type && ADAPTIVE_CARD_FORBIDDEN[type]) out.push(`${path}: ${type} is forbidden (${ADAPTIVE_CARD_FORBIDDEN[type]})`);
  if (!allowed) {
    out.push(`${path}: ${type ?? `untyped object under ${under}`} is not on the allowlist`);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (!allowed.includes(key)) {
      out.push(`${path}: ${type ?? under}.${key} is not on the allowlist${ADAPTIVE_CARD_FORBIDDEN[key] ? ` (${ADAPTIVE_CARD_FORBIDDEN[key]})` : ''}`);
      continue;
    }
    const values = ADAPTIVE_CARD_VALUES[`${type}.${key}`] ?? ADAPTIVE_CARD_VALUES[key];
    if (values && !values.includes(value)) out.push(`${path}: ${type ?? under}.${key} = ${JSON.stringify(value)} is not an allowed value`);
    if (key === 'data') {
      if (!isObject(value) || Object.values(value).some((v) => isObject(v) || Array.isArray(v))) out.push(`${path}: action data must be a flat object`);
      continue;
    }
    const depth = type === 'Action.ShowCard' && key === 'card' ? showCardDepth + 1 : showCardDepth;
    if (depth > 1) out.push(`${path}: a ShowCard inside a ShowCard does not fit a phone screen`);
    visitTeams(value, `${path}.${key}`, key, out, depth);
  }
  if (type === 'TextBlock' && node.wrap !== true) out.push(`${path}: TextBlock without wrap is cut off on phones`);
}

/** Every way a Slack surface leaves the allowlist; [] when it is clean. */
export function blockKitViolations(surface: SlackSurface, blocks: unknown[], root?: Json): string[] {
  const out: string[] = [];
  if (root) checkKeys(root, root.type as string, 'root', out);
  blocks.forEach((block, i) => {
    const path = `blocks[${i}]`;
    if (!isObject(block) || typeof block.type !== 'string') {
      out.push(`${path}: not a block`);
      return;
    }
    if (!SLACK_BLOCKS[surface].includes(block.type)) out.push(`${path}: ${block.type} is not allowed in a ${surface}${SLACK_FORBIDDEN[block.type] ? ` (${SLACK_FORBIDDEN[block.type]})` : ''}`);
    visitSlack(block, path, block.type, null, out);
  });
  if (blocks.length > (surface === 'message' ? 50 : 100)) out.push(`${blocks.length} blocks: over Slack's limit for a ${surface}`);
  return out;
}

function visitSlack(node: unknown, path: string, parentBlock: string, under: string | null, out: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => visitSlack(n, `${path}[${i}]`, parentBlock, under, out));
    return;
  }
  if (!isObject(node)) return;
  const type = typeof node.type === 'string' ? node.type : null;
  if (type) {
    if (SLACK_FORBIDDEN[type]) out.push(`${path}: ${type} is forbidden (${SLACK_FORBIDDEN[type]})`);
    const places = SLACK_ELEMENT_PLACES[type];
    if (places && !places.includes(`${parentBlock}.${under}`)) out.push(`${path}: ${type} may not sit in ${parentBlock}.${under}`);
    if (!checkKeys(node, type, path, out)) return;
  } else {
    const allowed = under ? SLACK_UNTYPED[under] : undefined;
    if (!allowed) {
      out.push(`${path}: untyped object under ${under} is not on the allowlist`);
      return;
    }
    for (const key of Object.keys(node)) if (!allowed.includes(key)) out.push(`${path}: ${under}.${key} is not on the allowlist`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null) visitSlack(value, `${path}.${key}`, type && SLACK_BLOCKS.message.concat(SLACK_BLOCKS.modal).includes(type) ? type : parentBlock, key, out);
  }
}

function checkKeys(node: Json, type: string, path: string, out: string[]): boolean {
  const allowed = SLACK_ALLOWLIST[type];
  if (!allowed) {
    out.push(`${path}: ${type} is not on the allowlist`);
    return false;
  }
  for (const key of Object.keys(node)) if (!allowed.includes(key)) out.push(`${path}: ${type}.${key} is not on the allowlist`);
  return true;
}
