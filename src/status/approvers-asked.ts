import type { ApprovalRequest } from '../approvals/approval-request.ts';
import { levelWaiting } from '../approvals/level-waiting.ts';
import { limitIn, widerLimit } from '../policy/amount-limit.ts';
import { approversFor } from '../policy/approvers-for.ts';
import type { Policy } from '../policy/policy-types.ts';

/** Names of who was asked to approve a request and can approve its amount. */
export type ApproversAsked = (request: ApprovalRequest) => string[];

/**
 * From the policy: the people (and Odoo groups) of every level asked so far (level 1, plus each
 * level escalation reached; for a sequential rule, the level it waits on), keeping those whose limit covers the amount, since the others
 * cannot approve it. The buyer and creator are left in: segregation of duties refuses them at
 * the click, and naming them here would need an Odoo lookup per name.
 */
export function approversAskedFrom(policy: Policy): ApproversAsked {
  return (request) => {
    const rule = policy.rules.find((r) => r.name === request.ruleName);
    if (!rule) return [];
    const { amount, currency } = request.subject;
    const names = new Set<string>();
    for (const level of levelWaiting(request)?.askedLevels ?? [1]) {
      const at = approversFor(policy, rule, level);
      if (!at) break;
      for (const p of at.people) {
        // Nobody decides two levels of one PO: whoever decided an earlier level is not asked again.
        if (request.chain?.some((l) => l.decision?.odooLogin.toLowerCase() === p.odooLogin.toLowerCase())) continue;
        const limit = p.grants.map((g) => limitIn(g.limit, currency)).reduce(widerLimit, 0 as number | null);
        if (limit === null || amount <= limit) names.add(p.name);
      }
      for (const g of at.odooGroups) {
        const limit = limitIn(g.limit, currency);
        if (limit === null || amount <= limit) names.add(`members of ${g.group}`);
      }
    }
    return [...names];
  };
}
