import { describe, expect, it } from 'vitest';
import { matchRule } from '../../src/policy/match-rule.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { EU, examplePolicy, subject } from './support/fixtures.ts';

const example = examplePolicy();
const ruleFor = (overrides: Parameters<typeof subject>[0]) => matchRule(example, subject(overrides)).rule.name;

describe('matchRule on the example policy', () => {
  it('says why, in words for the card', () => {
    expect(matchRule(example, subject({ amount: 12_000 }))).toMatchObject({
      rule: { name: 'us-supervisor' },
      reason: 'amount $12,000.00 is in 5,000-25,000 for Northgate Supply Group',
    });
  });

  // Bands are [min, max): the lower bound is in, the upper bound belongs to the next band.
  it.each([
    [4_999.99, 'default'],
    [5_000, 'us-supervisor'],
    [24_999.99, 'us-supervisor'],
    [25_000, 'us-manager'],
    [99_999.99, 'us-manager'],
    [100_000, 'us-executive'],
    [2_500_000, 'us-executive'],
  ])('amount %d goes to %s', (amount, rule) => {
    expect(ruleFor({ amount })).toBe(rule);
  });

  it('matches the company by name, whatever the amount', () => {
    expect(matchRule(example, subject({ company: EU, currency: 'EUR', amount: 250_000 }))).toMatchObject({
      rule: { name: 'europe' },
      reason: 'order is for Northgate Supply Europe B.V.',
    });
  });

  it('matches a category on any line, by its short name, before the amount-only rules (first match wins)', () => {
    const categories = [{ id: 31, name: 'All / Janitorial' }, { id: 36, name: 'All / Electrical & Lighting' }];
    expect(matchRule(example, subject({ amount: 10_000, categories }))).toMatchObject({
      rule: { name: 'lighting-capex' },
      reason: 'amount $10,000.00 is in 10,000 or more, a line is in category All / Electrical & Lighting for Northgate Supply Group',
    });
    expect(ruleFor({ amount: 9_999.99, categories })).toBe('us-supervisor');
  });

  it('falls back to the catch-all so nothing goes nowhere', () => {
    expect(matchRule(example, subject({ company: { id: 9, name: 'Other Co' }, amount: 300 }))).toMatchObject({
      rule: { name: 'default' },
      reason: 'no specific rule matched (amount $300.00 for Other Co); default rule "default"',
    });
  });
});

describe('matchRule conditions', () => {
  const policy = parsePolicy(
    `timezone: UTC
working_hours: { mon-fri: "09:00-17:00" }
approvers: [{ name: A, odoo_login: a@x.example }]
rules:
  - name: vendor
    match: { vendor: [acme corp, 777] }
    levels: [{ approvers: [A] }]
  - name: warehouse
    match: { warehouse: atl }
    levels: [{ approvers: [A] }]
  - name: category-and-company-by-id
    match: { company: 2, category: [36] }
    levels: [{ approvers: [A] }]
  - name: bands
    match: { amount: [{ max: 100 }, { min: 1000, max: 2000 }] }
    levels: [{ approvers: [A] }]
  - name: default
    levels: [{ approvers: [A] }]
`,
    'p.yaml',
  );
  const nameOf = (overrides: Parameters<typeof subject>[0]) => matchRule(policy, subject({ amount: 500, ...overrides })).rule.name;

  it('matches a vendor by name (any case, spaces normalised) or by id', () => {
    expect(nameOf({ vendor: { id: 1, name: ' ACME  Corp ' } })).toBe('vendor');
    expect(nameOf({ vendor: { id: 777, name: 'Renamed Vendor' } })).toBe('vendor');
    expect(nameOf({ vendor: null })).toBe('default');
    expect(matchRule(policy, subject({ vendor: { id: 777, name: 'Renamed Vendor' } })).reason).toBe('vendor is Renamed Vendor');
  });

  it('matches a warehouse by code or name', () => {
    expect(nameOf({ warehouses: [{ id: 5, name: 'Atlanta DC', code: 'ATL' }] })).toBe('warehouse');
    expect(matchRule(policy, subject({ warehouses: [{ id: 5, name: 'Atlanta DC', code: 'ATL' }] })).reason).toBe('it goes to Atlanta DC');
    expect(nameOf({ warehouses: [{ id: 6, name: 'Reno DC', code: 'RNO' }] })).toBe('default');
    expect(nameOf({ warehouses: [] })).toBe('default');
  });

  it('needs every condition of a rule: company and category by id', () => {
    const lighting = [{ id: 36, name: 'All / Electrical & Lighting' }];
    expect(nameOf({ company: EU, categories: lighting })).toBe('category-and-company-by-id');
    expect(nameOf({ company: EU })).toBe('default');
    expect(nameOf({ categories: lighting })).toBe('default');
  });

  it('matches any band of a list, each [min, max)', () => {
    expect(nameOf({ amount: 99.99 })).toBe('bands');
    expect(nameOf({ amount: 100 })).toBe('default');
    expect(nameOf({ amount: 1000 })).toBe('bands');
    expect(nameOf({ amount: 2000 })).toBe('default');
    expect(matchRule(policy, subject({ amount: 50 })).reason).toBe('amount $50.00 is in under 100');
  });
});
