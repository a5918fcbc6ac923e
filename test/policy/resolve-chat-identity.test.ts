import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import { resolveChatIdentity } from '../../src/policy/resolve-chat-identity.ts';

const policy = parsePolicy(
  `timezone: UTC
working_hours: { mon-fri: "09:00-17:00" }
identities:
  slack: { U0GRACE: gliu@northgate-supply.example }
  teams: { Grace.Liu@northgate.onmicrosoft.com: gliu@northgate-supply.example }
approvers:
  - name: Avery
    odoo_login: approver@northgate-supply.example
    slack_user_id: U0AVERY
    teams_upn: avery@northgate.onmicrosoft.com
rules: [{ name: all, levels: [{ approvers: [Avery] }] }]
`,
  'p.yaml',
);

describe('resolveChatIdentity', () => {
  it.each([
    ['the identities map (Slack)', { platform: 'slack', chatUserId: 'U0GRACE', email: 'grace@gmail.example' }, { kind: 'login', login: 'gliu@northgate-supply.example' }],
    ["an approver's slack_user_id", { platform: 'slack', chatUserId: 'U0AVERY', email: null }, { kind: 'login', login: 'approver@northgate-supply.example' }],
    ['the identities map (Teams UPN, any case)', { platform: 'teams', chatUserId: '29:1abc', email: 'grace.liu@NORTHGATE.onmicrosoft.com' }, { kind: 'login', login: 'gliu@northgate-supply.example' }],
    ["an approver's teams_upn", { platform: 'teams', chatUserId: 'avery@northgate.onmicrosoft.com', email: null }, { kind: 'login', login: 'approver@northgate-supply.example' }],
    ['no override: look the email up', { platform: 'slack', chatUserId: 'U0OTHER', email: ' buyer@northgate-supply.example ' }, { kind: 'email', email: 'buyer@northgate-supply.example' }],
    ['Slack ids are case-sensitive', { platform: 'slack', chatUserId: 'u0grace', email: null }, { kind: 'none' }],
    ['a Slack id is not looked up among Teams ids', { platform: 'slack', chatUserId: 'avery@northgate.onmicrosoft.com', email: null }, { kind: 'none' }],
    ['no override and no email: no mapping, no decision', { platform: 'teams', chatUserId: '29:zzz', email: null }, { kind: 'none' }],
  ] as const)('%s', (_label, user, expected) => {
    expect(resolveChatIdentity(policy, user)).toEqual(expected);
  });
});
