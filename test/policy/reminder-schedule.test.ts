import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { reminderSchedule, type ScheduledStep } from '../../src/policy/reminder-schedule.ts';
import { examplePolicy } from './support/fixtures.ts';

const policy = examplePolicy();
const rule = (name: string) => policy.rules.find((r) => r.name === name)!;
const plain = (steps: ScheduledStep[]) => steps.map((s) => ({ ...s, at: s.at.toISOString().replace('.000Z', 'Z') }));

describe('reminderSchedule', () => {
  it('reminds within a level, escalates after its business hours, then reminds the next level', () => {
    // Monday 2026-11-23 09:00 in Chicago (CST). us-supervisor: remind every 4h, at most 2 per
    // level, escalate after 8h; the reminder due with the escalation is dropped.
    expect(plain(reminderSchedule(policy, rule('us-supervisor'), new Date('2026-11-23T15:00:00Z')))).toEqual([
      { kind: 'remind', level: 1, at: '2026-11-23T19:00:00Z', nth: 1 },
      { kind: 'escalate', toLevel: 2, at: '2026-11-23T23:00:00Z' },
      { kind: 'remind', level: 2, at: '2026-11-24T17:00:00Z', nth: 1 },
      { kind: 'remind', level: 2, at: '2026-11-24T21:00:00Z', nth: 2 },
    ]);
  });

  it("counts in the rule's own calendar: Amsterdam hours, Dutch holidays", () => {
    // Thursday 2026-12-24 16:00 CET; Friday the 25th is a holiday there, and so is the weekend.
    expect(plain(reminderSchedule(policy, rule('europe'), new Date('2026-12-24T15:00:00Z')))).toEqual([
      { kind: 'remind', level: 1, at: '2026-12-28T10:00:00Z', nth: 1 },
      { kind: 'escalate', toLevel: 2, at: '2026-12-28T14:00:00Z' },
      { kind: 'remind', level: 2, at: '2026-12-29T09:00:00Z', nth: 1 },
      { kind: 'remind', level: 2, at: '2026-12-29T13:00:00Z', nth: 2 },
      { kind: 'remind', level: 2, at: '2026-12-30T08:00:00Z', nth: 3 },
    ]);
  });

  it('on a single-level rule, only reminds, at most max_reminders times', () => {
    const steps = reminderSchedule(policy, rule('us-executive'), new Date('2026-11-23T15:00:00Z'));
    expect(steps.map((s) => s.kind)).toEqual(['remind', 'remind', 'remind']);
  });

  it('without remind_after_business_hours, only escalates', () => {
    const p = parsePolicy(
      `timezone: UTC
working_hours: { mon-fri: "09:00-17:00" }
approvers: [{ name: A, odoo_login: a@x.example }, { name: B, odoo_login: b@x.example }]
rules: [{ name: all, levels: [{ approvers: [A], escalate_after_business_hours: 2 }, { approvers: [B] }] }]
`,
      'p.yaml',
    );
    expect(plain(reminderSchedule(p, p.rules[0]!, new Date('2026-11-20T16:00:00Z')))).toEqual([{ kind: 'escalate', toLevel: 2, at: '2026-11-23T10:00:00Z' }]);
  });
});
