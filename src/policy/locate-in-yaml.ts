import type { Document, LineCounter, Node, Pair } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';

/** Where a path of the parsed policy sits in the file, and what was written there. */
export interface YamlLocation {
  line: number;
  column: number;
  /** The path as a reader writes it: `rules[1].match.amount.min`. */
  displayPath: string;
  /** The value found there, in words (`"lots"`, `a list`); null when the key is missing. */
  got: string | null;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return 'nothing';
    return typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
  }
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  return 'something else';
}

function appendSegment(display: string, seg: PropertyKey): string {
  if (typeof seg === 'number') return `${display}[${seg}]`;
  return display ? `${display}.${String(seg)}` : String(seg);
}

/**
 * Walks `path` through the YAML tree. A numeric step into something that is not a list is
 * skipped: the schema accepts one value where a list is expected and reports it as item 0.
 */
export function locateInYaml(doc: Document, lines: LineCounter, path: readonly PropertyKey[], atKey = false): YamlLocation {
  let node: unknown = doc.contents;
  let display = '';
  let pair: Pair | null = null;
  let missing = false;
  for (const seg of path) {
    if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      display = appendSegment(display, seg);
      if (item === undefined) {
        missing = true;
        break;
      }
      node = item;
      pair = null;
      continue;
    }
    if (typeof seg === 'number') continue;
    display = appendSegment(display, seg);
    if (!isMap(node)) {
      missing = true;
      break;
    }
    const found = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
    if (!found) {
      missing = true;
      break;
    }
    pair = found;
    node = found.value;
  }
  const keyNode = pair && !missing ? (pair.key as Node | null) : null;
  const target = (atKey || node === null) && keyNode ? keyNode : (node as Node | null);
  const offset = target?.range?.[0] ?? 0;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col, displayPath: display, got: missing ? null : describe(node) };
}
