/**
 * What changed between two scans, by key: the lifecycle layer posts the opened ones, updates or
 * re-posts the changed ones, and marks the cleared ones resolved (received, confirmed, corrected).
 */
import type { ExceptionType, ProcurementException } from './exception.ts';
import { parseExceptionKey, severityRank } from './exception.ts';

/** Whether a key was looked at by this scan; a scan of bills only cannot clear a late receipt. */
export type KeyInScope = (key: string) => boolean;

/** In scope: keys of the given exception types (what a detector run covered). */
export function keysOfTypes(types: Iterable<ExceptionType>): KeyInScope {
  const set = new Set<string>(types);
  return (key) => {
    const parsed = parseExceptionKey(key);
    return parsed !== null && set.has(parsed.type);
  };
}

/**
 * Keys open before that this scan no longer finds: their condition cleared. Only keys in `inScope`
 * (default: all) can clear, so a partial scan never resolves what it did not look at.
 */
export function clearedKeys(
  previousOpenKeys: Iterable<string>,
  current: readonly ProcurementException[],
  inScope: KeyInScope = () => true,
): string[] {
  const found = new Set(current.map((e) => e.key));
  const out: string[] = [];
  for (const key of previousOpenKeys) if (!found.has(key) && inScope(key)) out.push(key);
  return out;
}

/** What the previous scan knew of an open exception. */
export interface KnownException {
  fingerprint: string;
  severity: ProcurementException['severity'];
}

export interface ExceptionChanges {
  /** Not open before. */
  opened: ProcurementException[];
  /** Open before, material facts changed; `escalated` when the severity went up (a new post). */
  changed: Array<{ exception: ProcurementException; escalated: boolean }>;
  /** Open before, same fingerprint: noise (days late ticking), at most an in-place refresh. */
  unchanged: ProcurementException[];
  cleared: string[];
}

/** Sorts a scan's exceptions against what was open before (key -> fingerprint and severity). */
export function diffExceptions(
  previous: ReadonlyMap<string, KnownException>,
  current: readonly ProcurementException[],
  inScope: KeyInScope = () => true,
): ExceptionChanges {
  const changes: ExceptionChanges = { opened: [], changed: [], unchanged: [], cleared: clearedKeys(previous.keys(), current, inScope) };
  for (const e of current) {
    const before = previous.get(e.key);
    if (!before) changes.opened.push(e);
    else if (before.fingerprint === e.fingerprint) changes.unchanged.push(e);
    else changes.changed.push({ exception: e, escalated: severityRank(e.severity) > severityRank(before.severity) });
  }
  return changes;
}
