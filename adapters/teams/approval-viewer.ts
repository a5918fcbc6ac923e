import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import type { ApprovalRules } from '../../src/approvals/approval-rules.ts';
import { resolveApprover } from '../../src/approvals/resolve-approver.ts';
import type { ChatProfile } from '../../src/ports/chat.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { TeamsCardViewer } from './cards/approval-card.ts';

export interface ApprovalViewerDeps {
  odoo: OdooGateway;
  rules: ApprovalRules;
  profile: (user: ChatUserRef) => Promise<ChatProfile | null>;
}

/**
 * What one Teams viewer may do with a request's card (the refresh answer): the clicker is resolved
 * to an Odoo user and judged by the policy exactly as decideApproval will judge the click, so the
 * buttons shown are the buttons that work. The decision still re-checks everything on click.
 */
export async function approvalViewer(request: ApprovalRequest, actor: ChatUserRef, deps: ApprovalViewerDeps): Promise<TeamsCardViewer> {
  const failed = request.writeback?.state === 'failed' && request.decision;
  const mayRetry = Boolean(failed && request.decision?.actor.platform === actor.platform && request.decision.actor.userId === actor.userId);
  if (request.status !== 'pending') return { mayDecide: false, mayRetry };
  const who = await resolveApprover(actor, deps);
  if (!who.ok) return { mayDecide: false, mayRetry, note: who.message };
  const approve = deps.rules.authorize(request.ruleName, request.subject, who.approver, 'approve');
  const reject = approve.ok ? approve : deps.rules.authorize(request.ruleName, request.subject, who.approver, 'reject');
  return reject.ok ? { mayDecide: true, mayRetry } : { mayDecide: false, mayRetry, note: reject.message };
}
