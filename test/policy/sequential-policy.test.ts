import { describe, expect, it } from 'vitest';
import { authorizeDecision, type DecidingUser } from '../../src/policy/authorize-decision.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { sequentialLevels } from '../../src/policy/sequential-levels.ts';
import type { ApprovalSubject } from '../../src/policy/approval-subject.ts';

// A sequential rule (line numbers in the error cases refer to this text).
const BASE = `timezone: America/Chicago
working_hours:
  mon-fri: "08:00-18:00"
approvers:
  - name: Avery
    odoo_login: approver@x.example
    limit: 20000
  - name: Dan
    odoo_login: dan@x.example
  - name: Helen
    odoo_login: helen@x.example
rules:
  - name: chain
    match:
      amount: { min: 5000 }
    sequential: true
    levels:
      - approvers: [Avery, Dan]
      - label: CFO
        approvers: [Helen]
        above: 10000
    remind_after_business_hours: 4
  - name: default
    levels:
      - approvers: [Dan]
`;

function errorOf(text: string): string {
  try {
    parsePolicy(text, 'policy.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err.message;
    throw err;
  }
  throw new Error('expected a PolicyError');
}

function edit(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`not in BASE: ${from}`);
  return BASE.replace(from, to);
}

const user = (id: number, login: string): DecidingUser => ({ odooUserId: id, login, groups: [], isPurchaseManager: false, companyIds: [1] });
const AVERY = user(10, 'approver@x.example');
const HELEN = user(12, 'helen@x.example');
const subject = (amount: number): ApprovalSubject => ({
  orderId: 7, orderName: 'P00007', company: { id: 1, name: 'Northgate' }, currency: 'USD', amount, vendor: null, categories: [], warehouses: [], buyerId: 99, creatorId: 99,
});

describe('sequential rules in the policy file', () => {
  it('reads sequential, above and label; unlabeled levels are named by their approvers', () => {
    const policy = parsePolicy(BASE, 'policy.yaml');
    const rule = policy.rules[0]!;
    expect(rule.sequential).toBe(true);
    expect(rule.levels[1]).toMatchObject({ above: 10000, label: 'CFO' });
    expect(policy.rules[1]!.sequential).toBe(false);
    expect(sequentialLevels(policy, rule, { amount: 12000 })).toEqual([
      { level: 1, label: 'Avery, Dan', applies: true },
      { level: 2, label: 'CFO', applies: true },
    ]);
    // `above` is strict: exactly 10,000 does not need the CFO.
    expect(sequentialLevels(policy, rule, { amount: 10000 })?.[1]?.applies).toBe(false);
    expect(sequentialLevels(policy, policy.rules[1]!, { amount: 12000 })).toBeNull();
  });

  it.each([
    ['escalation in a sequential rule', edit('      - approvers: [Avery, Dan]', '      - approvers: [Avery, Dan]\n        escalate_after_business_hours: 8'), 'policy.yaml:19:40: rules[0].levels[0].escalate_after_business_hours cannot be used in a sequential rule: its levels are decided in order (use remind_after_business_hours to chase a level) (got 8)'],
    ['label and above outside a sequential rule (the first in the file is reported)', edit('    sequential: true\n', ''), 'policy.yaml:18:9: rules[0].levels[1].label is only used by a sequential rule (add sequential: true to the rule)'],
    ['above on the first level', edit('      - approvers: [Avery, Dan]', '      - approvers: [Avery, Dan]\n        above: 500'), 'policy.yaml:19:16: rules[0].levels[0].above cannot be set on the first level: every order needs at least one approval (got 500)'],
    ['sequential not a boolean', edit('sequential: true', 'sequential: yes please'), 'policy.yaml:16:17: rules[0].sequential must be true or false (got "yes please")'],
    ['a negative above', edit('above: 10000', 'above: -5'), 'policy.yaml:21:16: rules[0].levels[1].above must be at least 0 (got -5)'],
  ])('%s is reported with its line and column', (_name, text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});

describe('authorizing at one level of a sequential rule', () => {
  const policy = parsePolicy(BASE, 'policy.yaml');
  const rule = policy.rules[0]!;

  it('lets only the waiting level decide, naming the level and who it asks', () => {
    expect(authorizeDecision(policy, rule, subject(12000), AVERY, 'approve', 1)).toMatchObject({ allowed: true, level: 1 });
    const early = authorizeDecision(policy, rule, subject(12000), HELEN, 'approve', 1);
    expect(early).toEqual({ allowed: false, code: 'not_at_this_level', message: 'P00007 waits on level 1 (Avery, Dan), which asks Avery, Dan. You decide at level 2 of rule "chain", in its turn.' });
    expect(authorizeDecision(policy, rule, subject(12000), HELEN, 'reject', 2)).toMatchObject({ allowed: true, level: 2 });
    // Without a level (escalation chains), anyone on the chain may decide, as before.
    expect(authorizeDecision(policy, rule, subject(12000), HELEN, 'approve')).toMatchObject({ allowed: true, level: 2 });
  });

  it('checks the limit at the level, and names who at that level can approve', () => {
    const over = authorizeDecision(policy, rule, subject(25000), AVERY, 'approve', 1);
    expect(over).toMatchObject({ allowed: false, code: 'over_limit' });
    expect(over.allowed ? '' : over.message).toMatch(/Dan can approve it\.$/);
    expect(over.allowed ? '' : over.message).not.toMatch(/Helen/);
  });
});
