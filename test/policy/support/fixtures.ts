import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApprovalSubject } from '../../../src/policy/approval-subject.ts';
import type { DecidingUser } from '../../../src/policy/authorize-decision.ts';
import { parsePolicy } from '../../../src/policy/parse-policy.ts';
import type { Policy } from '../../../src/policy/policy-types.ts';

export const EXAMPLE_PATH = fileURLToPath(new URL('../../../policy.example.yaml', import.meta.url));

/** The example policy the demo runs with. */
export function examplePolicy(): Policy {
  return parsePolicy(readFileSync(EXAMPLE_PATH, 'utf8'), 'policy.example.yaml');
}

export const US = { id: 1, name: 'Northgate Supply Group' };
export const EU = { id: 2, name: 'Northgate Supply Europe B.V.' };

/** A US order of 12,000.00 USD from a buyer (id 20) who also created it. */
export function subject(overrides: Partial<ApprovalSubject> = {}): ApprovalSubject {
  return {
    orderId: 42,
    orderName: 'P00042',
    company: US,
    currency: 'USD',
    amount: 12_000,
    vendor: { id: 501, name: 'Apex Janitorial Supply Inc.' },
    categories: [{ id: 31, name: 'All / Janitorial' }],
    warehouses: [{ id: 1, name: 'Joliet DC', code: 'WH' }],
    buyerId: 20,
    creatorId: 20,
    ...overrides,
  };
}

/** Odoo users of the demo data, as the identity mapping hands them to authorizeDecision. */
export const USERS = {
  avery: user(10, 'approver@northgate-supply.example', true),
  daniel: user(11, 'dokafor@northgate-supply.example', true),
  helen: user(12, 'hvargas@northgate-supply.example', true),
  marco: { ...user(13, 'mrossi@northgate-supply.example', true), companyIds: [EU.id] },
  buyer: user(20, 'buyer@northgate-supply.example', false),
  creator: user(21, 'pnair@northgate-supply.example', false),
  /** A purchase manager in Odoo whom the policy does not list by name. */
  grace: user(30, 'gliu@northgate-supply.example', true),
  finance: user(31, 'finance@northgate-supply.example', false),
} satisfies Record<string, DecidingUser>;

function user(odooUserId: number, login: string, manager: boolean): DecidingUser {
  return {
    odooUserId,
    login,
    groups: manager ? ['base.group_user', 'purchase.group_purchase_user', 'purchase.group_purchase_manager'] : ['base.group_user'],
    isPurchaseManager: manager,
    companyIds: [US.id, EU.id],
  };
}
