import { describe, expect, it } from 'vitest';
import { approversFor } from '../../src/policy/approvers-for.ts';
import { examplePolicy } from './support/fixtures.ts';

const policy = examplePolicy();
const rule = (name: string) => policy.rules.find((r) => r.name === name)!;

describe('approversFor', () => {
  it('lists the people of a level, their limits and where each card goes', () => {
    expect(approversFor(policy, rule('us-supervisor'), 1)).toEqual({
      level: 1,
      escalateAfterBusinessHours: 8,
      people: [{ name: 'Avery Quinn', odooLogin: 'approver@northgate-supply.example', slackUserId: null, teamsUpn: null, grants: [{ via: 'listed', limit: 25000 }] }],
      odooGroups: [],
      deliveries: [
        { kind: 'dm', name: 'Avery Quinn', odooLogin: 'approver@northgate-supply.example', slackUserId: null, teamsUpn: null },
        { kind: 'slack_channel', channel: '#po-approvals' },
      ],
    });
  });

  it('expands groups of people and keeps Odoo groups for the caller to resolve', () => {
    const level = approversFor(policy, rule('default'), 1)!;
    expect(level.people.map((p) => [p.name, p.grants])).toEqual([
      ['Avery Quinn', [{ via: 'procurement-leads', limit: 25000 }]],
      ['Daniel Okafor', [{ via: 'procurement-leads', limit: 100000 }]],
    ]);
    expect(level.odooGroups).toEqual([{ group: 'purchase-managers', xmlid: 'purchase.group_purchase_manager', limit: 10000 }]);
    expect(level.deliveries.map((d) => d.kind)).toEqual(['dm', 'dm', 'dm_odoo_group', 'slack_channel']);
    expect(level.escalateAfterBusinessHours).toBe(16);
  });

  it('names a person once even when listed twice, with both grants', () => {
    const level = approversFor(policy, rule('us-supervisor'), 2)!;
    expect(level.people.map((p) => p.name)).toEqual(['Avery Quinn', 'Daniel Okafor']);
  });

  it('is null past the last level', () => {
    expect(approversFor(policy, rule('us-executive'), 2)).toBeNull();
    expect(approversFor(policy, rule('us-executive'), 0)).toBeNull();
  });
});
