import type { ApprovalRules } from '../approvals/approval-rules.ts';
import type { DelegationLookup } from '../approvals/delegation-routing.ts';
import type { ApprovalStore } from '../ports/approval-store.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { ApproversAsked } from './approvers-asked.ts';
import type { StatusInsights } from './status-insights.ts';

/** What the status use cases read: Odoo, the approval requests and audit trail, the policy. */
export interface StatusDeps {
  odoo: OdooGateway;
  store: Pick<ApprovalStore, 'openFor' | 'openIds' | 'get'>;
  audit: Pick<AuditLog, 'forOrder'>;
  rules: ApprovalRules;
  approversAsked: ApproversAsked;
  /** Odoo's web address, for links to the PO form. */
  odooUrl: string;
  /** The policy calendar's zone: days in answers are days there. */
  timeZone: string;
  now: () => Date;
  /** @defaultValue PAGE_SIZE (10) */
  pageSize?: number;
  /** Delegations in force: "my approvals" lists what a delegate may decide for an absent approver. */
  delegations?: DelegationLookup;
  /** The control tower: personal numbers on the home tab, the scorecard with `vendor Acme`. */
  insights?: StatusInsights;
}
