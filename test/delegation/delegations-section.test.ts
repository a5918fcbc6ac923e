import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelegationsSection } from '../../src/delegation/delegations-section.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const BASE = `timezone: America/Chicago
working_hours:
  mon-fri: "08:00-18:00"
approvers:
  - name: Avery Quinn
    odoo_login: approver@northgate-supply.example
  - name: Daniel Okafor
    odoo_login: dokafor@northgate-supply.example
  - name: Helen Vargas
    odoo_login: hvargas@northgate-supply.example
rules:
  - name: default
    levels:
      - approvers: [Avery Quinn, Daniel Okafor, Helen Vargas]
`;
const NOW = new Date('2026-11-27T15:00:00Z');

/** Parses BASE plus a delegations section, through parsePolicy first as the bot does. */
function read(section: string) {
  const text = BASE + section;
  return parseDelegationsSection(text, 'policy.yaml', parsePolicy(text, 'policy.yaml'), NOW);
}

function errorOf(section: string): string {
  try {
    read(section);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    return (err as Error).message;
  }
  throw new Error('expected a PolicyError');
}

describe('the delegations: section of the policy file', () => {
  it('is empty without the section', () => {
    expect(read('')).toEqual([]);
    expect(read('delegations:\n')).toEqual([]);
  });

  it('reads approver names and Odoo logins, with and without from_date', () => {
    const out = read(`delegations:
  - from: Avery Quinn
    to: dokafor@northgate-supply.example
    until: 2026-12-24
    from_date: 2026-12-18
  - from: hvargas@northgate-supply.example
    to: someone@northgate-supply.example
    until: 2027-01-06
`);
    expect(out).toEqual([
      { id: 'policy-0', from: 'approver@northgate-supply.example', to: 'dokafor@northgate-supply.example', fromName: 'Avery Quinn', toName: 'Daniel Okafor', startsOn: '2026-12-18', until: '2026-12-24', source: 'policy', createdBy: 'policy file', createdAt: NOW.toISOString() },
      { id: 'policy-1', from: 'hvargas@northgate-supply.example', to: 'someone@northgate-supply.example', fromName: 'Helen Vargas', toName: 'someone@northgate-supply.example', startsOn: '2026-11-27', until: '2027-01-06', source: 'policy', createdBy: 'policy file', createdAt: NOW.toISOString() },
    ]);
  });

  it.each([
    ['an unknown name', `delegations:\n  - from: Nobody Known\n    to: Avery Quinn\n    until: 2026-12-24\n`, 'policy.yaml:16:11: delegations[0].from must name an approver listed under approvers: or be an Odoo login (got "Nobody Known")'],
    ['a bad date', `delegations:\n  - from: Avery Quinn\n    to: Daniel Okafor\n    until: 2026-13-01\n`, 'policy.yaml:18:12: delegations[0].until must be a date YYYY-MM-DD (got "2026-13-01")'],
    ['a missing until', `delegations:\n  - from: Avery Quinn\n    to: Daniel Okafor\n`, 'policy.yaml:16:5: delegations[0].until is required'],
    ['an unknown key', `delegations:\n  - from: Avery Quinn\n    to: Daniel Okafor\n    until: 2026-12-24\n    note: holidays\n`, 'policy.yaml:19:5: delegations[0].note is not a known key'],
    ['until before from_date', `delegations:\n  - from: Avery Quinn\n    to: Daniel Okafor\n    until: 2026-12-24\n    from_date: 2026-12-28\n`, 'policy.yaml:18:12: delegations[0].until is before from_date (2026-12-28) (got "2026-12-24")'],
    ['self-delegation', `delegations:\n  - from: Avery Quinn\n    to: approver@northgate-supply.example\n    until: 2026-12-24\n`, 'policy.yaml:17:9: delegations[0].to is the same person as from: (Avery Quinn); a delegation goes to someone else (got "approver@northgate-supply.example")'],
    ['a loop', `delegations:\n  - from: Avery Quinn\n    to: Daniel Okafor\n    until: 2026-12-24\n  - from: Daniel Okafor\n    to: Helen Vargas\n    until: 2026-12-24\n  - from: Helen Vargas\n    to: Avery Quinn\n    until: 2026-12-24\n    from_date: 2026-12-20\n`, 'policy.yaml:23:9: delegations[2].to closes a loop (Helen Vargas -> Avery Quinn -> Daniel Okafor -> Helen Vargas) on 2026-12-20'],
    ['two entries of one person on the same days', `delegations:\n  - from: Avery Quinn\n    to: Daniel Okafor\n    until: 2026-12-24\n  - from: Avery Quinn\n    to: Helen Vargas\n    until: 2027-01-02\n    from_date: 2026-12-24\n`, 'policy.yaml:19:5: delegations[1] overlaps delegations[0] of the same person (Avery Quinn); give each absence its own days'],
    ['not a list', `delegations:\n  from: Avery Quinn\n`, 'policy.yaml:16:3: delegations must be a list (got a mapping)'],
  ])('refuses %s with file:line:col', (_what, section, message) => {
    expect(errorOf(section)).toBe(message);
  });

  it('accepts the same pair on days that do not overlap', () => {
    expect(read(`delegations:
  - from: Avery Quinn
    to: Daniel Okafor
    until: 2026-12-10
  - from: Daniel Okafor
    to: Avery Quinn
    from_date: 2026-12-11
    until: 2026-12-20
`)).toHaveLength(2);
  });

  it('reads the commented example in policy.example.yaml once uncommented', () => {
    const example = readFileSync(resolve(PROJECT_ROOT, 'policy.example.yaml'), 'utf8');
    const uncommented = example.replace(/^# (delegations:| {2}(?:- | {2})\w)/gm, '$1');
    expect(uncommented).not.toBe(example);
    const out = parseDelegationsSection(uncommented, 'policy.example.yaml', parsePolicy(uncommented, 'policy.example.yaml'), NOW);
    expect(out.map((d) => `${d.fromName} -> ${d.toName}`)).toEqual(['Avery Quinn -> Daniel Okafor', 'Marco Rossi -> Helen Vargas']);
  });
});
