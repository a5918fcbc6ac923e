import { jobId } from '../../queue/job-id.ts';
import { businessHoursBetween } from '../../time/business-hours-between.ts';
import type { BusinessCalendar } from '../../time/business-calendar.ts';
import { ALERT_JOBS, enqueueAlertUpdate, type DigestPostJob } from './alert-jobs.ts';
import { enqueuePosts, type LifecycleDeps } from './apply-detections.ts';
import type { TrackedException } from './tracked-exception.ts';

export interface TickDeps extends LifecycleDeps {
  calendar: BusinessCalendar;
}

/**
 * Runs every minute: snoozes that ended release the re-alert they held, and exceptions nobody
 * acknowledged within `escalate_after_business_hours` (policy calendar) escalate: a new post
 * that says so. Each step is a compare-and-set, so two workers running it act once.
 */
export async function tickExceptions(deps: TickDeps): Promise<{ released: number; escalated: number }> {
  const now = deps.now();
  const at = now.toISOString();
  const after = deps.settings.lifecycle.escalateAfterBusinessHours;
  const open = await deps.store.getMany(await deps.store.openKeys());
  let released = 0;
  let escalated = 0;
  for (const t of open.values()) {
    const snoozeOver = t.snoozedUntil !== null && Date.parse(t.snoozedUntil) <= now.getTime();
    const dueToEscalate = after > 0 && t.status === 'open' && t.escalatedAt === null && !(t.snoozedUntil && !snoozeOver) && businessHoursBetween(new Date(t.firstSeenAt), now, deps.calendar) >= after;
    if (!snoozeOver && !dueToEscalate) continue;
    let action: 'release' | 'escalate' | 'unsnooze' | null = null;
    const changed = await deps.store.update(t.key, (cur) => {
      if (cur.status === 'cleared') return cur;
      const over = cur.snoozedUntil !== null && Date.parse(cur.snoozedUntil) <= now.getTime();
      const escalate = dueToEscalate && cur.status === 'open' && cur.escalatedAt === null;
      if (!over && !escalate) return cur;
      const base: TrackedException = over ? { ...cur, snoozedUntil: null, snoozedBy: null, realertDue: null } : cur;
      if (escalate || (over && cur.realertDue)) {
        action = escalate ? 'escalate' : 'release';
        return { ...base, posts: cur.posts + 1, escalatedAt: escalate ? at : cur.escalatedAt };
      }
      action = 'unsnooze';
      return base;
    });
    if (!changed || action === null) continue;
    await enqueueAlertUpdate(deps.queue, changed.after);
    if (action === 'unsnooze') continue;
    if (action === 'escalate') {
      escalated += 1;
      deps.observer.transition(t.type, 'escalated');
    } else {
      released += 1;
      deps.observer.transition(t.type, 'realerted');
    }
    await enqueuePosts(changed.after, deps);
  }
  return { released, escalated };
}

/** The scheduled digest: one summary per channel of what is open there, by type and age. */
export async function scheduleDigests(deps: Pick<LifecycleDeps, 'store' | 'queue' | 'settings' | 'now'>): Promise<number> {
  const every = deps.settings.lifecycle.digestEveryMinutes;
  if (every <= 0) return 0;
  const slot = Math.floor(deps.now().getTime() / (every * 60_000));
  const byChannel = new Map<string, string[]>();
  for (const t of (await deps.store.getMany(await deps.store.openKeys())).values()) {
    for (const c of t.channels) byChannel.set(c, [...(byChannel.get(c) ?? []), t.key]);
  }
  for (const [channel, keys] of byChannel) {
    const data: DigestPostJob = { channel, keys };
    await deps.queue.enqueue('notify', ALERT_JOBS.digestPost, data, { jobId: jobId('alert-digest', channel, `s${slot}`) });
  }
  return byChannel.size;
}
