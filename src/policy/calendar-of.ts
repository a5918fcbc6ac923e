import type { BusinessCalendar } from '../time/business-calendar.ts';
import type { Policy, PolicyRule } from './policy-types.ts';

/** The calendar a rule counts business hours in: its own overrides, else the policy's. */
export function calendarOf(policy: Policy, rule: PolicyRule): BusinessCalendar {
  return rule.calendar ?? policy.calendar;
}
