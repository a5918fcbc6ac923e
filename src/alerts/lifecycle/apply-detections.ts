import type { JobQueue } from '../../ports/job-queue.ts';
import { jobId } from '../../queue/job-id.ts';
import { clearedKeys, type KeyInScope } from '../clear-exceptions.ts';
import type { ProcurementException } from '../exception.ts';
import { severityRank } from '../exception.ts';
import type { AlertsSettings } from './alerts-settings.ts';
import { ALERT_JOBS, enqueueAlertPost, enqueueAlertUpdate, type BurstDigestJob } from './alert-jobs.ts';
import type { AlertObserver, BurstGate, ExceptionStore } from './exception-store.ts';
import { routeException, type AliasesOf } from './route-exception.ts';
import { newTracked, stateOf, toStored, type TrackedException } from './tracked-exception.ts';

export interface LifecycleDeps {
  store: ExceptionStore;
  queue: JobQueue;
  burst: BurstGate;
  settings: Pick<AlertsSettings, 'routing' | 'lifecycle'>;
  observer: AlertObserver;
  now: () => Date;
  /** Told of every exception that opened or changed materially (triage proposes a bill-mismatch category). */
  onMaterialChange?: (e: ProcurementException) => Promise<unknown>;
}

export interface DetectionRun {
  exceptions: readonly ProcurementException[];
  /** Which open keys this run looked at: only those can clear. */
  inScope: KeyInScope;
  /** Why a key cleared, when the source knows (e.g. "WH/IN/00007 was received"). */
  clearedReasons?: ReadonlyMap<string, string>;
  aliases?: AliasesOf;
  /**
   * When the source was read (taken before the read). Scans overlap (the job scheduler's first
   * scan at start, a webhook, another process): a run may neither clear an exception opened after
   * its read nor reopen one cleared after it, since its read could not have seen that change.
   */
  readAt: Date;
}

export interface AppliedRun {
  opened: number;
  realerted: number;
  updated: number;
  unchanged: number;
  cleared: number;
}

/** A material change worth a new post (not just an in-place update): severity up, a new ETA. */
function isRealert(before: TrackedException, e: ProcurementException): boolean {
  if (severityRank(e.severity) > severityRank(before.severity)) return true;
  if (e.type === 'eta-slipped' && before.exception.type === 'eta-slipped') return e.facts.newEta !== before.exception.facts.newEta;
  return false;
}

/**
 * The lifecycle of one detection run: new exceptions are posted (one message per routed channel),
 * repeats of the same fingerprint change nothing, material changes update the message in place or
 * re-post it (held while snoozed), and what the run no longer finds clears, saying so.
 */
export async function applyDetections(run: DetectionRun, deps: LifecycleDeps): Promise<AppliedRun> {
  const now = deps.now();
  const at = now.toISOString();
  const result: AppliedRun = { opened: 0, realerted: 0, updated: 0, unchanged: 0, cleared: 0 };
  const routing = deps.settings.routing;
  for (const e of run.exceptions) {
    // Set inside the compare-and-set callback (its last run is the one that was written).
    const seen: { outcome: 'opened' | 'reopened' | 'realert' | 'held' | 'update' | 'same' } = { outcome: 'same' };
    const { after } = await deps.store.upsert(
      e.key,
      () => {
        const route = routeException(e, routing, run.aliases);
        seen.outcome = 'opened';
        return { ...newTracked(e, route.channels, { odooUserId: route.ownerUserId, odooLogin: route.ownerLogin }, now), posts: 1 };
      },
      (t) => {
        if (t.status === 'cleared' && changedAfter(t.clearedAt, run.readAt)) {
          // Cleared by a run that read Odoo after this one: this read is older news.
          seen.outcome = 'same';
          return t;
        }
        if (t.status === 'cleared') {
          // The condition came back: a new exception as far as people are concerned.
          const route = routeException(e, routing, run.aliases);
          seen.outcome = 'reopened';
          return {
            ...newTracked(e, route.channels, { odooUserId: route.ownerUserId, odooLogin: route.ownerLogin }, now),
            posts: t.posts + 1,
            revision: t.revision,
          };
        }
        if (t.fingerprint === e.fingerprint) {
          seen.outcome = 'same';
          return t;
        }
        const next: TrackedException = { ...t, exception: toStored(e), fingerprint: e.fingerprint, severity: e.severity, lastSeenAt: at };
        if (!isRealert(t, e)) {
          seen.outcome = 'update';
          return next;
        }
        if (stateOf(t, now) === 'snoozed') {
          seen.outcome = 'held';
          return { ...next, realertDue: at };
        }
        seen.outcome = 'realert';
        return { ...next, posts: t.posts + 1, realertDue: null };
      },
    );
    if (!after) continue;
    switch (seen.outcome) {
      case 'opened':
      case 'reopened':
        result.opened += 1;
        deps.observer.transition(e.type, seen.outcome);
        await enqueuePosts(after, deps);
        await deps.onMaterialChange?.(e);
        break;
      case 'realert':
        result.realerted += 1;
        deps.observer.transition(e.type, 'realerted');
        await enqueuePosts(after, deps);
        await enqueueAlertUpdate(deps.queue, after);
        await deps.onMaterialChange?.(e);
        break;
      case 'held':
      case 'update':
        result.updated += 1;
        deps.observer.transition(e.type, 'changed');
        await enqueueAlertUpdate(deps.queue, after);
        break;
      default:
        result.unchanged += 1;
    }
  }
  const open = await deps.store.openKeys();
  for (const key of clearedKeys(open, run.exceptions, run.inScope)) {
    if (await clearException(key, run.clearedReasons?.get(key) ?? null, run.readAt, deps)) result.cleared += 1;
  }
  return result;
}

/** Whether a change stamped `at` happened after a read made at `readAt`. */
function changedAfter(at: string | null, readAt: Date): boolean {
  return at !== null && Date.parse(at) > readAt.getTime();
}

/**
 * Marks an exception resolved (its message says why) and counts the time to resolve; an exception
 * (re)opened after `readAt` stays open: the run that does not find it read Odoo before it existed.
 */
export async function clearException(key: string, reason: string | null, readAt: Date, deps: Pick<LifecycleDeps, 'store' | 'queue' | 'observer' | 'now'>): Promise<boolean> {
  const now = deps.now();
  const changed = await deps.store.update(key, (t) =>
    t.status === 'cleared' || changedAfter(t.firstSeenAt, readAt) ? t : { ...t, status: 'cleared', clearedAt: now.toISOString(), clearedReason: reason, snoozedUntil: null, realertDue: null },
  );
  if (!changed || changed.after.status !== 'cleared' || changed.before.status === 'cleared') return false;
  deps.observer.transition(changed.after.type, 'cleared');
  deps.observer.resolved(changed.after.type, (now.getTime() - Date.parse(changed.after.firstSeenAt)) / 1000);
  await enqueueAlertUpdate(deps.queue, changed.after);
  return true;
}

/**
 * Queues the post of an exception in each of its channels, unless the channel is over its burst:
 * then the exception waits in the channel's burst digest (one message for many, posted when the
 * window ends). Either way it stays tracked and can be acted on.
 */
export async function enqueuePosts(t: TrackedException, deps: Pick<LifecycleDeps, 'queue' | 'burst' | 'settings'>): Promise<void> {
  const { max, windowMs } = deps.settings.lifecycle.burst;
  for (const channel of t.channels) {
    const gate = await deps.burst.admit(channel, max, windowMs);
    if (gate.admitted) {
      await enqueueAlertPost(deps.queue, { key: t.key, channel, post: t.posts });
      continue;
    }
    await deps.burst.hold(channel, [t.key]);
    const data: BurstDigestJob = { channel };
    await deps.queue.enqueue('notify', ALERT_JOBS.burstDigest, data, { jobId: jobId('alert-burst', channel, gate.window), delayMs: gate.windowLeftMs + 50 });
  }
}
