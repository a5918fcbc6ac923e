import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { Delegation, IsoDay } from './delegation.ts';

/** `Thu, Dec 24, 2026`: the day as people read it (the weekday catches a wrong date). */
export function dayText(day: IsoDay): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** `from today until Thu, Dec 24, 2026` or `from Fri, Dec 18, 2026 until ...`. */
export function rangeText(d: Pick<Delegation, 'startsOn' | 'until'>, today: IsoDay): string {
  const start = d.startsOn <= today ? 'from today' : `from ${dayText(d.startsOn)}`;
  return `${start} until ${dayText(d.until)} (inclusive)`;
}

/** Who made it, for the show answer. */
export function madeBy(d: Delegation, self: string): string {
  if (d.source === 'policy') return 'set in the policy file';
  const by = d.createdBy as ChatUserRef;
  return by.userId === self ? 'set by you' : `set by ${by.displayName ?? by.userId}`;
}
