import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { examplePolicy } from './support/fixtures.ts';

// A small valid policy; each error case below changes one thing in it (line numbers refer to it).
const BASE = `timezone: America/Chicago
working_hours:
  mon-fri: "08:00-18:00"
holidays: [2026-12-25]
approvers:
  - name: Avery
    odoo_login: approver@x.example
    limit: 25000
  - name: Dan
    odoo_login: dan@x.example
groups:
  - name: leads
    members: [Avery, Dan]
rules:
  - name: mid
    match:
      amount: { min: 5000, max: 50000 }
    levels:
      - approvers: [Avery]
        escalate_after_business_hours: 8
      - groups: [leads]
  - name: default
    levels:
      - approvers: [Dan]
`;

function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, 'policy.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('expected a PolicyError');
}

function edit(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`not in BASE: ${from}`);
  return BASE.replace(from, to);
}

describe('parsePolicy: the example file', () => {
  it('parses, with the demo people, groups and rules in order', () => {
    const policy = examplePolicy();
    expect(policy.calendar.timeZone).toBe('America/Chicago');
    expect(policy.calendar.week[1]).toEqual([{ startMinute: 480, endMinute: 1080 }]);
    expect(policy.calendar.week[6]).toEqual([]);
    expect(policy.calendar.holidays.has('2026-11-26')).toBe(true);
    expect(policy.segregationOfDuties).toBe(true);
    expect([...policy.approvers.values()].map((a) => [a.odooLogin, a.limit])).toEqual([
      ['approver@northgate-supply.example', 25000],
      ['dokafor@northgate-supply.example', 100000],
      ['hvargas@northgate-supply.example', null],
      ['mrossi@northgate-supply.example', { EUR: 20000 }],
    ]);
    expect(policy.groups.get('purchase-managers')).toEqual({ name: 'purchase-managers', members: [], odooGroup: 'purchase.group_purchase_manager', limit: 10000 });
    expect(policy.rules.map((r) => r.name)).toEqual(['europe', 'lighting-capex', 'us-supervisor', 'us-manager', 'us-executive', 'default']);
    expect(policy.rules.at(-1)!.match).toBeNull();
    expect(policy.identities.slack.get('U0DEMOGLIU')).toBe('gliu@northgate-supply.example');
  });

  it('keeps rule overrides of the calendar and the defaults of the rest', () => {
    const policy = examplePolicy();
    const europe = policy.rules[0]!;
    expect(europe.calendar?.timeZone).toBe('Europe/Amsterdam');
    expect(europe.calendar?.week[1]).toEqual([{ startMinute: 510, endMinute: 1050 }]);
    expect(europe.calendar?.holidays.has('2026-12-25')).toBe(true);
    expect(europe.calendar?.holidays.has('2026-11-26')).toBe(false);
    expect(policy.rules[2]!.calendar).toBeNull();
    expect(policy.rules[2]).toMatchObject({ remindAfterBusinessHours: 4, maxReminders: 2, confirmAbove: 20000, rejectAction: 'draft', notify: { dm: true, channel: '#po-approvals', teamsChannel: null } });
    expect(policy.rules[4]).toMatchObject({ maxReminders: 3, rejectAction: 'cancel' });
  });

  it('reads the small policy, with single values standing for lists', () => {
    const policy = parsePolicy(edit('amount: { min: 5000, max: 50000 }', 'amount: { min: 5000, max: 50000 }\n      vendor: Acme'), 'policy.yaml');
    expect(policy.rules[0]!.match).toEqual({ companies: null, amountBands: [{ min: 5000, max: 50000 }], vendors: ['Acme'], categories: null, warehouses: null });
    expect(policy.rules[0]!.levels).toEqual([
      { approvers: ['Avery'], groups: [], escalateAfterBusinessHours: 8 },
      { approvers: [], groups: ['leads'], escalateAfterBusinessHours: null },
    ]);
  });
});

describe('parsePolicy: every error is one line naming the file, line, column and what is expected', () => {
  it.each([
    ['YAML syntax', edit('  mon-fri: "08:00-18:00"', '  mon-fri: [08:00-18:00'), 'policy.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['duplicate key', edit('timezone: America/Chicago', 'timezone: America/Chicago\ntimezone: UTC'), 'policy.yaml:2:1: "timezone" appears twice in the same mapping (keys must be unique)'],
    ['empty file', '', 'policy.yaml:1:1: the policy is empty (expected timezone, working_hours, approvers, groups and rules)'],
    ['not a mapping', '- rules\n', 'policy.yaml:1:1: the policy must be a mapping (got a list)'],
    ['wrong type', edit('min: 5000, max', 'min: lots, max'), 'policy.yaml:17:22: rules[0].match.amount.min must be a number (got "lots")'],
    ['negative amount', edit('limit: 25000', 'limit: -5'), 'policy.yaml:8:12: approvers[0].limit must be at least 0 (got -5)'],
    ['limit of the wrong kind', edit('limit: 25000', 'limit: [25000]'), 'policy.yaml:8:12: approvers[0].limit must be an amount or a map of currency code to amount, like { USD: 25000 } (got a list)'],
    ['bad currency key', edit('limit: 25000', 'limit: { usd: 5 }'), 'policy.yaml:8:14: approvers[0].limit.usd must be a currency code like USD'],
    ['missing key', edit('    odoo_login: dan@x.example\n', ''), 'policy.yaml:9:5: approvers[1].odoo_login is required'],
    ['unknown key (a typo)', edit('    odoo_login: dan@x.example', '    odoo_login: dan@x.example\n    limt: 5'), 'policy.yaml:11:5: approvers[1].limt is not a known key'],
    ['bad enum', edit('      - approvers: [Dan]\n', '      - approvers: [Dan]\n    reject_action: delete\n'), 'policy.yaml:25:20: rules[1].reject_action must be one of cancel, draft (got "delete")'],
    ['bad time zone', edit('America/Chicago', 'Mars/Olympus_Mons'), 'policy.yaml:1:11: timezone must be an IANA time zone such as "America/Chicago" (got "Mars/Olympus_Mons")'],
    ['bad time range', edit('"08:00-18:00"', '"8am-6pm"'), 'policy.yaml:3:12: working_hours.mon-fri must be a time range like "08:00-18:00" (got "8am-6pm")'],
    ['inverted time range', edit('"08:00-18:00"', '"18:00-08:00"'), 'policy.yaml:3:12: working_hours.mon-fri must end after it starts (a night shift is two ranges, one per day) (got "18:00-08:00")'],
    ['overlapping time ranges', edit('"08:00-18:00"', '["08:00-12:00", "11:00-17:00"]'), 'policy.yaml:3:12: working_hours.mon-fri has overlapping ranges 08:00-12:00 and 11:00-17:00'],
    ['unknown weekday', edit('mon-fri:', 'monday:'), 'policy.yaml:3:3: working_hours.monday must be a weekday (mon, tue, ..., sun) or a range of them like mon-fri'],
    ['a day set twice', edit('  mon-fri: "08:00-18:00"', '  mon-fri: "08:00-18:00"\n  fri: "08:00-12:00"'), 'policy.yaml:4:3: working_hours.fri sets fri again (already set by mon-fri)'],
    ['never open', edit('mon-fri: "08:00-18:00"', 'mon-fri: closed'), 'policy.yaml:3:3: working_hours must open at least one day (no working hours means no reminder or escalation is ever due)'],
    ['bad holiday', edit('[2026-12-25]', '[2026-02-30]'), 'policy.yaml:4:12: holidays[0] must be a date YYYY-MM-DD (got "2026-02-30")'],
    ['duplicate approver name', edit('name: Dan', 'name: Avery'), 'policy.yaml:9:11: approvers[1].name repeats the name of item 0 ("Avery"); each must be unique'],
    ['duplicate login', edit('dan@x.example', 'APPROVER@x.example'), 'policy.yaml:10:17: approvers[1].odoo_login repeats the odoo_login of item 0 ("APPROVER@x.example"); each must be unique'],
    ['unknown group member', edit('members: [Avery, Dan]', 'members: [Avery, Bob]'), 'policy.yaml:13:22: groups[0].members[1] must name an approver listed under approvers: (got "Bob")'],
    ['unknown approver in a rule', edit('- approvers: [Avery]', '- approvers: [Avery, Bob]'), 'policy.yaml:19:28: rules[0].levels[0].approvers[1] must name an approver listed under approvers: (got "Bob")'],
    ['unknown group in a rule', edit('- groups: [leads]', '- groups: [lead]'), 'policy.yaml:21:18: rules[0].levels[1].groups[0] must name a group listed under groups: (got "lead")'],
    ['inverted amount band', edit('min: 5000, max: 50000', 'min: 50000, max: 5000'), 'policy.yaml:17:34: rules[0].match.amount.max must be more than min (50,000) (got 5000)'],
    ['empty amount band', edit('min: 5000, max: 50000', 'min: 5000, max: 5000'), 'policy.yaml:17:33: rules[0].match.amount.max must be more than min (5,000) (got 5000)'],
    ['overlapping amount bands', edit('amount: { min: 5000, max: 50000 }', 'amount: [{ min: 0, max: 6000 }, { min: 5000, max: 50000 }]'), 'policy.yaml:17:39: rules[0].match.amount[1] (5,000-50,000) overlaps amount[0] (0-6,000)'],
    ['escalation from the last level', edit('      - groups: [leads]', '      - groups: [leads]\n        escalate_after_business_hours: 4'), 'policy.yaml:22:40: rules[0].levels[1].escalate_after_business_hours is set on the last level, which has no next level to escalate to (got 4)'],
    ['zero business hours', edit('escalate_after_business_hours: 8', 'escalate_after_business_hours: 0'), 'policy.yaml:20:40: rules[0].levels[0].escalate_after_business_hours must be more than 0 (got 0)'],
    ['card goes nowhere', edit('  - name: default\n', '  - name: default\n    notify: { dm: false }\n'), 'policy.yaml:23:13: rules[1].notify must send the card somewhere: dm: true, a channel or a teams_channel'],
    ['duplicate rule name', edit('  - name: default', '  - name: mid'), 'policy.yaml:22:11: rules[1].name repeats the name of item 0 ("mid"); each must be unique'],
    ['no catch-all', edit('  - name: default\n    levels:\n      - approvers: [Dan]\n', ''), 'policy.yaml:15:3: rules must end with a catch-all rule (one without match:) so every order finds an approver'],
    ['rule after the catch-all', `${BASE}  - name: late\n    match: { company: 1 }\n    levels:\n      - approvers: [Dan]\n`, 'policy.yaml:25:5: rules[2] can never match: rules[1] ("default") has no match: and takes every order first'],
    ['identity clash', edit('    odoo_login: dan@x.example', '    odoo_login: dan@x.example\n    slack_user_id: U1\nidentities:\n  slack: { U1: someone@x.example }'), 'policy.yaml:11:20: approvers[1].slack_user_id is mapped to someone@x.example under identities.slack, but this approver is dan@x.example (got "U1")'],
  ])('%s', (_label, text, line) => {
    const err = errorOf(text);
    expect(err.message).toBe(line);
    expect(err.message).not.toContain('\n');
    expect(err.code).toBe('policy_invalid');
    expect(err.retryable).toBe(false);
    const [, l, c] = /^policy\.yaml:(\d+):(\d+):/.exec(line)!;
    expect([err.line, err.column]).toEqual([Number(l), Number(c)]);
  });

  it('reports the first problem in file order when there are several', () => {
    const text = edit('America/Chicago', 'Nowhere/City').replace('limit: 25000', 'limit: lots');
    expect(errorOf(text).message).toMatch(/^policy\.yaml:1:11: timezone /);
  });
});
