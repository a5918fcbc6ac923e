import type { ChangeLog } from '../ports/change-log.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { OdooRecordChanged } from './odoo-webhook-event.ts';
import { isAtLeastAsNew, readCommittedVersion, type CommittedVersion } from './record-version.ts';

/** What a use case does when a record it cares about changed in Odoo (approvals, alerts, ...). */
export type ChangeListener = (change: OdooRecordChanged) => Promise<void>;

/** How long the worker waits for Odoo to commit what a webhook announced. */
export interface CatchUpOptions {
  /** The first re-read comes this long after the first read; each wait doubles. @defaultValue 50 */
  firstDelayMs: number;
  /** Past this much waiting, the change is taken as rolled back. @defaultValue 5000 */
  maxWaitMs: number;
}

export const DEFAULT_CATCH_UP: CatchUpOptions = { firstDelayMs: 50, maxWaitMs: 5_000 };

export interface TakeInOdooChangeDeps {
  odoo: Pick<OdooGateway, 'searchIds' | 'read'>;
  changes: ChangeLog;
  /** Listeners by model; the approval and alert use cases register theirs. */
  listeners: Record<string, ChangeListener[]>;
  sleep: (ms: number) => Promise<void>;
  /** @defaultValue DEFAULT_CATCH_UP */
  catchUp?: CatchUpOptions;
}

/**
 * dispatched: Odoo has (at least) the announced version, listeners ran; stale: the bot already
 * took in this version or a newer one; gone: Odoo has no such record; rolled_back: Odoo never
 * caught up with the payload (the transaction that sent it rolled back).
 */
export type TakeInOutcome = 'dispatched' | 'stale' | 'gone' | 'rolled_back';

export interface TakeInResult {
  outcome: TakeInOutcome;
  /** Reads of the record it took to see the announced version (0 when none was needed). */
  reads: number;
  /** Time spent waiting between those reads, in ms. */
  waitedMs: number;
}

/** True when the change log holds a dated version newer than (or equal to) this one. */
async function alreadyTakenIn(change: OdooRecordChanged, changes: ChangeLog): Promise<boolean> {
  const last = await changes.last(change.model, change.id);
  if (!last) return false;
  if (last.version === change.version) return true;
  const dated = (v: string) => !v.startsWith('sha1-');
  return dated(last.version) && dated(change.version) && last.version > change.version;
}

/**
 * The scan worker's side of a webhook. The payload is a hint, never the truth: Odoo 17/18 POST
 * it from inside the transaction, before the commit (and also for changes that then roll back),
 * so the record is re-read until Odoo's committed version is at least as new as the payload,
 * waiting 50 ms, then doubling, for at most 5 s. A read that is still old is never taken as the
 * answer: if Odoo never catches up, nothing is done and nothing is recorded (the reconciliation
 * scan remains the safety net). A version older than one already taken in changes nothing.
 */
export async function takeInOdooChange(change: OdooRecordChanged, deps: TakeInOdooChangeDeps): Promise<TakeInResult> {
  const { firstDelayMs, maxWaitMs } = deps.catchUp ?? DEFAULT_CATCH_UP;
  let reads = 0;
  let waitedMs = 0;
  const result = (outcome: TakeInOutcome): TakeInResult => ({ outcome, reads, waitedMs });
  if (await alreadyTakenIn(change, deps.changes)) return result('stale');

  let delay = firstDelayMs;
  let committed: CommittedVersion | 'exists' | null;
  for (;;) {
    committed = await readCommittedVersion(deps.odoo, change.model, change.id);
    reads += 1;
    if (committed && isAtLeastAsNew(committed, change)) break;
    if (waitedMs >= maxWaitMs) return result(committed ? 'rolled_back' : 'gone');
    const wait = Math.min(delay, maxWaitMs - waitedMs);
    await deps.sleep(wait);
    waitedMs += wait;
    delay *= 2;
    // A newer version taken in meanwhile (same second, later state) settles this one.
    if (await alreadyTakenIn(change, deps.changes)) return result('stale');
  }

  if (!(await deps.changes.remember(change))) return result('stale');
  for (const listener of deps.listeners[change.model] ?? []) await listener(change);
  return result('dispatched');
}
