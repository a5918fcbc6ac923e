import { describe, expect, it } from 'vitest';
import { authorizeOnBehalf } from '../../src/policy/authorize-decision.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { subject, USERS } from '../policy/support/fixtures.ts';

// Whose authority a delegate borrows, and what stays their own (limit, segregation of duties).
const policy = parsePolicy(
  `timezone: UTC
working_hours: { mon-fri: "09:00-17:00" }
segregation_of_duties: true
approvers:
  - { name: Avery Quinn, odoo_login: approver@northgate-supply.example, limit: 20000 }
  - { name: Daniel Okafor, odoo_login: dokafor@northgate-supply.example, limit: 10000 }
  - { name: Helen Vargas, odoo_login: hvargas@northgate-supply.example }
rules:
  - name: chain
    sequential: true
    levels:
      - { label: Category manager, approvers: [Avery Quinn] }
      - { label: CFO, approvers: [Helen Vargas] }
`,
  'p.yaml',
);
const rule = policy.rules[0]!;
const avery = { ...USERS.avery, name: 'Avery Quinn' };
const helen = { ...USERS.helen, name: 'Helen Vargas' };

describe('authorizeOnBehalf', () => {
  it("holds a delegate with a limit of their own to it, even under the delegator's", () => {
    expect(authorizeOnBehalf(policy, rule, subject({ amount: 9_000 }), USERS.daniel, avery, 'approve', 1)).toMatchObject({ allowed: true, level: 1, limit: 10000 });
    const refused = authorizeOnBehalf(policy, rule, subject({ amount: 15_000 }), USERS.daniel, avery, 'approve', 1);
    expect(refused).toMatchObject({ allowed: false, code: 'over_limit' });
    expect(refused.allowed ? '' : refused.message).toMatch(/^Your own approval limit is \$10,000\.00; P00042 is \$15,000\.00\. Acting for Avery Quinn does not raise your limit\./);
  });

  it("applies the delegator's limit to a delegate the policy gives no limit of their own", () => {
    expect(authorizeOnBehalf(policy, rule, subject({ amount: 20_000 }), USERS.grace, avery, 'approve', 1)).toMatchObject({ allowed: true, limit: 20000 });
    const refused = authorizeOnBehalf(policy, rule, subject({ amount: 20_001 }), USERS.grace, avery, 'approve', 1);
    expect(refused.allowed ? '' : refused.message).toMatch(/You have no approval limit of your own in the policy, so Avery Quinn's applies: \$20,000\.00/);
  });

  it('lets the delegate decide only at the level the delegator decides', () => {
    expect(authorizeOnBehalf(policy, rule, subject({ amount: 5_000 }), USERS.grace, helen, 'approve', 2)).toMatchObject({ allowed: true, level: 2 });
    const refused = authorizeOnBehalf(policy, rule, subject({ amount: 5_000 }), USERS.grace, helen, 'approve', 1);
    expect(refused).toMatchObject({ allowed: false, code: 'not_at_this_level' });
    expect(refused.allowed ? '' : refused.message).toContain('You act for Helen Vargas, who does not decide level 1 (Category manager) of P00042');
  });

  it("applies segregation of duties to the delegate, and to the delegator whose authority is borrowed", () => {
    const mine = authorizeOnBehalf(policy, rule, subject({ buyerId: USERS.grace.odooUserId }), USERS.grace, avery, 'approve', 1);
    expect(mine).toMatchObject({ allowed: false, code: 'segregation_of_duties_buyer' });
    expect(mine.allowed ? '' : mine.message).toContain('even on behalf of Avery Quinn');
    const theirs = authorizeOnBehalf(policy, rule, subject({ creatorId: USERS.avery.odooUserId }), USERS.grace, avery, 'reject', 1);
    expect(theirs).toMatchObject({ allowed: false, code: 'segregation_of_duties_creator' });
    expect(theirs.allowed ? '' : theirs.message).toContain('Avery Quinn created P00042, so nobody can reject it on their behalf');
  });

  it('lets a delegate reject within the delegator\'s level whatever the amount', () => {
    expect(authorizeOnBehalf(policy, rule, subject({ amount: 1_000_000 }), USERS.daniel, avery, 'reject', 1)).toMatchObject({ allowed: true, limit: null });
  });
});
