import type { Approver } from '../approvals/approval-rules.ts';
import { approversFor } from '../policy/approvers-for.ts';
import type { Policy } from '../policy/policy-types.ts';

const MANAGER_GROUP = 'purchase.group_purchase_manager';

/**
 * Whether the policy asks this Odoo user to approve anything: named on a level of some rule
 * (directly or through a group's members), or in an Odoo group a level lets in. Someone it asks
 * nothing has nothing to delegate.
 */
export function approvesAnything(policy: Policy, user: Pick<Approver, 'login' | 'groups' | 'isPurchaseManager'>): boolean {
  const login = user.login.toLowerCase();
  for (const rule of policy.rules) {
    for (let level = 1; level <= rule.levels.length; level++) {
      const at = approversFor(policy, rule, level);
      if (!at) continue;
      if (at.people.some((p) => p.odooLogin.toLowerCase() === login)) return true;
      if (at.odooGroups.some((g) => user.groups.includes(g.xmlid) || (g.xmlid === MANAGER_GROUP && user.isPurchaseManager))) return true;
    }
  }
  return false;
}
