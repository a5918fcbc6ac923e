import { describe, expect, it } from 'vitest';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import type { ApprovalSubject } from '../../src/policy/approval-subject.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';

const policyText = (dmPlatforms: string | null) => `timezone: America/Chicago
working_hours:
  mon-fri: "08:00-18:00"
${dmPlatforms === null ? '' : `dm_platforms: ${dmPlatforms}\n`}approvers:
  - name: Avery
    odoo_login: approver@x.example
rules:
  - name: all
    levels:
      - approvers: [Avery]
    notify: { dm: true, channel: "#approvals", teams_channel: "Purchasing/Approvals" }
`;

const subject: ApprovalSubject = {
  orderId: 7, orderName: 'P00007', company: { id: 1, name: 'Northgate' }, currency: 'USD', amount: 9000, vendor: null, categories: [], warehouses: [], buyerId: 99, creatorId: 99,
};
const platformsOf = (text: string, connected: Array<'slack' | 'teams'>) => {
  const targets = policyRules(parsePolicy(text, 'policy.yaml'), connected).match(subject).targets;
  return {
    dms: targets.filter((t) => t.kind === 'odoo-user' || t.kind === 'user').map((t) => t.platform),
    channels: targets.filter((t) => t.kind === 'channel').map((t) => t.platform),
  };
};

describe('dm_platforms: where approvers get their direct-message cards', () => {
  it('sends DMs to every connected platform by default, and channels stay as routed', () => {
    expect(platformsOf(policyText(null), ['slack', 'teams'])).toEqual({ dms: ['slack', 'teams'], channels: ['slack', 'teams'] });
  });

  it('keeps DMs to the listed platforms when both are connected', () => {
    expect(platformsOf(policyText('[teams]'), ['slack', 'teams'])).toEqual({ dms: ['teams'], channels: ['slack', 'teams'] });
    expect(platformsOf(policyText('[slack]'), ['slack', 'teams'])).toEqual({ dms: ['slack'], channels: ['slack', 'teams'] });
  });

  it('falls back to the connected platforms when none of the listed ones is connected, so nobody is left without a card', () => {
    expect(platformsOf(policyText('[teams]'), ['slack'])).toEqual({ dms: ['slack'], channels: ['slack'] });
  });

  it('refuses an unknown platform with file:line:col', () => {
    try {
      parsePolicy(policyText('[email]'), 'policy.yaml');
      throw new Error('expected a PolicyError');
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyError);
      expect((err as Error).message).toMatch(/policy\.yaml:4:\d+.*dm_platforms/s);
    }
  });
});
