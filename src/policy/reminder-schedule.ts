import { addBusinessHours } from '../time/add-business-hours.ts';
import { calendarOf } from './calendar-of.ts';
import type { Policy, PolicyRule } from './policy-types.ts';

export type ScheduledStep =
  /** Remind the approvers of `level` (all levels reached so far get the reminder). */
  | { kind: 'remind'; level: number; at: Date; nth: number }
  /** Ask `toLevel` too. */
  | { kind: 'escalate'; toLevel: number; at: Date };

/**
 * When to remind and when to escalate, for a request made at `requestedAt`, in the rule's business
 * hours. Each level's clock starts when that level is asked: level 1 at the request, level n+1
 * `escalate_after_business_hours` of level n later. Reminders come every
 * `remind_after_business_hours` within a level, at most `max_reminders` per level, and a reminder
 * due at the same moment as an escalation is dropped (the new card is reminder enough).
 */
export function reminderSchedule(policy: Policy, rule: PolicyRule, requestedAt: Date): ScheduledStep[] {
  const calendar = calendarOf(policy, rule);
  const steps: ScheduledStep[] = [];
  let levelStart = requestedAt;
  for (let i = 0; i < rule.levels.length; i++) {
    const level = i + 1;
    const escalateAfter = rule.levels[i]!.escalateAfterBusinessHours;
    const escalateAt = escalateAfter === null || i === rule.levels.length - 1 ? null : addBusinessHours(levelStart, escalateAfter, calendar);
    if (rule.remindAfterBusinessHours !== null) {
      for (let nth = 1; nth <= rule.maxReminders; nth++) {
        const at = addBusinessHours(levelStart, rule.remindAfterBusinessHours * nth, calendar);
        if (escalateAt && at.getTime() >= escalateAt.getTime()) break;
        steps.push({ kind: 'remind', level, at, nth });
      }
    }
    if (!escalateAt) break;
    steps.push({ kind: 'escalate', toLevel: level + 1, at: escalateAt });
    levelStart = escalateAt;
  }
  return steps;
}
