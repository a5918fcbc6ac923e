import { describe, expect, it } from 'vitest';
import { APPROVAL_LIMITS } from '../../adapters/embedded-odoo/seed/users.ts';
import { limitIn } from '../../src/policy/amount-limit.ts';
import { examplePolicy } from './support/fixtures.ts';

describe('policy.example.yaml fits the embedded Odoo demo data', () => {
  it('lists every seeded approver with the approval limit the seed documents', () => {
    const policy = examplePolicy();
    const byLogin = new Map([...policy.approvers.values()].map((a) => [a.odooLogin, a]));
    for (const [login, { limit, currency }] of Object.entries(APPROVAL_LIMITS)) {
      const approver = byLogin.get(login);
      expect(approver, login).toBeDefined();
      expect(limitIn(approver!.limit, currency), login).toBe(limit);
    }
  });
});
