import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { DEFAULT_REQUESTS_SETTINGS, parseRequestsSection } from '../../src/requests/requests-section.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const example = readFileSync(resolve(PROJECT_ROOT, 'policy.example.yaml'), 'utf8');
const yaml = (section: string) => `timezone: UTC\nrules: []\n${section}`;

describe('the policy file\'s requests: section', () => {
  it('reads the example, which the approval policy accepts too', () => {
    expect(() => parsePolicy(example, 'policy.example.yaml')).not.toThrow();
    const s = parseRequestsSection(example, 'policy.example.yaml');
    expect(s.required).toEqual([{ fields: ['reason'] }, { fields: ['attachment'], warehouse: 'RTM' }]);
    expect(s.maxQuantity).toBe(500);
    expect(s.maxAmount).toBe(5000);
    expect(s.requesters?.get('warehouse@northgate-supply.example')).toEqual(['WH', 'ATL']);
    expect(s.buyers.get('safety & ppe')).toBe('buyer@northgate-supply.example');
    expect(s.groupOntoDraft).toBe(true);
    expect(s.buyerActionHours).toBe(8);
  });

  it('has defaults without the section', () => {
    expect(parseRequestsSection(yaml(''), 'p.yaml')).toEqual(DEFAULT_REQUESTS_SETTINGS);
  });

  it.each([
    ['an unknown field', 'requests:\n  required:\n    - fields: [colour]\n', /^p\.yaml:5:16: requests\.required\[0\]\.fields\[0\] must be one of reason, vendor, attachment/],
    ['two scopes in one entry', 'requests:\n  required:\n    - fields: [reason]\n      company: A\n      warehouse: ATL\n', /^p\.yaml:5:7: requests\.required\[0\] names more than one of company, warehouse, category/],
    ['a negative limit', 'requests:\n  justification:\n    max_quantity: -3\n', /^p\.yaml:5:19: requests\.justification\.max_quantity/],
    ['a requester with no warehouse', 'requests:\n  requesters:\n    lead@x.example: []\n', /^p\.yaml:5:21: requests\.requesters\.lead@x\.example lists no warehouse/],
    ['an unknown key', 'requests:\n  group_ontodraft: true\n', /^p\.yaml:4:3: requests/],
  ])('refuses %s with file:line:col', (_what, section, message) => {
    expect(() => parseRequestsSection(yaml(section), 'p.yaml')).toThrow(message);
  });
});
