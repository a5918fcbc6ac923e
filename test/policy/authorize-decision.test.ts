import { describe, expect, it } from 'vitest';
import { BusinessRefusal } from '../../src/errors/coded-error.ts';
import { authorizeDecision, refusalError } from '../../src/policy/authorize-decision.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { EU, examplePolicy, subject, USERS } from './support/fixtures.ts';

const policy = examplePolicy();
const rule = (name: string) => policy.rules.find((r) => r.name === name)!;

describe('authorizeDecision: allowed', () => {
  it('lets a listed approver approve within their limit (inclusive)', () => {
    expect(authorizeDecision(policy, rule('us-supervisor'), subject({ amount: 25_000 }), USERS.avery, 'approve')).toEqual({ allowed: true, level: 1, via: 'listed', limit: 25000 });
  });

  it('lets a later level decide before any escalation', () => {
    expect(authorizeDecision(policy, rule('us-supervisor'), subject(), USERS.daniel, 'approve')).toEqual({ allowed: true, level: 2, via: 'procurement-leads', limit: 100000 });
  });

  it('lets an Odoo purchase manager the policy does not list approve up to the group limit', () => {
    expect(authorizeDecision(policy, rule('default'), subject({ amount: 10_000 }), USERS.grace, 'approve')).toEqual({ allowed: true, level: 1, via: 'purchase.group_purchase_manager', limit: 10000 });
    // isPurchaseManager alone is enough for that group, in case the caller did not read xmlids.
    const bare = { ...USERS.grace, groups: [] };
    expect(authorizeDecision(policy, rule('default'), subject({ amount: 10_000 }), bare, 'approve')).toMatchObject({ allowed: true });
  });

  it('keeps a listed person\'s own limit when the Odoo group lets them in', () => {
    const p = parsePolicy(
      `timezone: UTC
working_hours: { mon-fri: "09:00-17:00" }
approvers: [{ name: Avery, odoo_login: approver@northgate-supply.example, limit: 25000 }]
groups: [{ name: managers, odoo_group: purchase.group_purchase_manager, limit: 10000 }]
rules: [{ name: all, levels: [{ groups: [managers] }] }]
`,
      'p.yaml',
    );
    expect(authorizeDecision(p, p.rules[0]!, subject({ amount: 20_000 }), USERS.avery, 'approve')).toEqual({ allowed: true, level: 1, via: 'purchase.group_purchase_manager', limit: 25000 });
  });

  it('applies a per-currency limit in the company currency', () => {
    const eu = subject({ company: EU, currency: 'EUR', amount: 20_000 });
    expect(authorizeDecision(policy, rule('europe'), eu, USERS.marco, 'approve')).toMatchObject({ allowed: true, limit: 20000 });
  });

  it('lets any approver of the chain reject, whatever the amount: rejecting commits no money', () => {
    expect(authorizeDecision(policy, rule('default'), subject({ amount: 1_000_000 }), USERS.grace, 'reject')).toEqual({ allowed: true, level: 1, via: 'purchase.group_purchase_manager', limit: null });
  });
});

describe('authorizeDecision: refusals', () => {
  it.each([
    [
      'not_an_approver',
      () => authorizeDecision(policy, rule('us-manager'), subject({ amount: 30_000 }), USERS.avery, 'approve'),
      'You are not an approver of P00042: rule "us-manager" asks Daniel Okafor, Helen Vargas.',
    ],
    [
      'not_an_approver',
      () => authorizeDecision(policy, rule('us-supervisor'), subject(), USERS.finance, 'reject'),
      'You are not an approver of P00042: rule "us-supervisor" asks Avery Quinn, Daniel Okafor.',
    ],
    [
      'over_limit',
      () => authorizeDecision(policy, rule('default'), subject({ amount: 30_000 }), USERS.avery, 'approve'),
      'Your approval limit is $25,000.00; P00042 is $30,000.00. Daniel Okafor, Helen Vargas can approve it.',
    ],
    [
      'over_limit',
      () => authorizeDecision(policy, rule('default'), subject({ amount: 10_000.01 }), USERS.grace, 'approve'),
      'Your approval limit is $10,000.00; P00042 is $10,000.01. Avery Quinn, Daniel Okafor, Helen Vargas can approve it.',
    ],
    [
      'over_limit',
      () => authorizeDecision(policy, rule('europe'), subject({ company: EU, currency: 'EUR', amount: 20_000.5 }), USERS.marco, 'approve'),
      'Your approval limit is €20,000.00; P00042 is €20,000.50. Helen Vargas can approve it.',
    ],
    [
      'segregation_of_duties_buyer',
      () => authorizeDecision(policy, rule('us-supervisor'), subject({ buyerId: USERS.avery.odooUserId }), USERS.avery, 'approve'),
      'You are the buyer of P00042, so you cannot approve it: segregation of duties needs someone else to decide.',
    ],
    [
      'segregation_of_duties_buyer',
      () => authorizeDecision(policy, rule('us-supervisor'), subject({ buyerId: USERS.avery.odooUserId }), USERS.avery, 'reject'),
      'You are the buyer of P00042, so you cannot reject it: segregation of duties needs someone else to decide.',
    ],
    [
      'segregation_of_duties_creator',
      () => authorizeDecision(policy, rule('us-supervisor'), subject({ creatorId: USERS.avery.odooUserId }), USERS.avery, 'approve'),
      'You created P00042, so you cannot approve it: segregation of duties needs someone else to decide.',
    ],
    [
      'wrong_company',
      () => authorizeDecision(policy, rule('default'), subject(), USERS.marco, 'approve'),
      'You are not a user of Northgate Supply Group in Odoo, so you cannot approve P00042.',
    ],
  ])('%s', (code, decide, message) => {
    expect(decide()).toEqual({ allowed: false, code, message });
  });

  it('puts segregation of duties before being listed, the company and the limit', () => {
    // Helen is listed, unlimited and in the company, yet she bought this one.
    const mine = subject({ amount: 1_000_000, buyerId: USERS.helen.odooUserId });
    expect(authorizeDecision(policy, rule('us-executive'), mine, USERS.helen, 'approve')).toMatchObject({ allowed: false, code: 'segregation_of_duties_buyer' });
  });

  it('lets the buyer decide only when the policy turns segregation of duties off', () => {
    const p = parsePolicy(
      `timezone: UTC
working_hours: { mon-fri: "09:00-17:00" }
segregation_of_duties: false
approvers: [{ name: Avery, odoo_login: approver@northgate-supply.example }]
rules: [{ name: all, levels: [{ approvers: [Avery] }] }]
`,
      'p.yaml',
    );
    expect(authorizeDecision(p, p.rules[0]!, subject({ buyerId: USERS.avery.odooUserId }), USERS.avery, 'approve')).toMatchObject({ allowed: true });
  });

  it('turns a refusal into a BusinessRefusal the queue never retries', () => {
    const result = authorizeDecision(policy, rule('us-manager'), subject({ amount: 30_000 }), USERS.avery, 'approve');
    if (result.allowed) throw new Error('expected a refusal');
    const err = refusalError(result);
    expect(err).toBeInstanceOf(BusinessRefusal);
    expect([err.code, err.retryable, err.message]).toEqual(['not_an_approver', false, result.message]);
  });
});
