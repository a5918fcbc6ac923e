import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { currentLevel, levelDecidedBy } from '../../src/approvals/approval-chain.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import type { ApprovalRules } from '../../src/approvals/approval-rules.ts';
import { authorizeClicker } from '../../src/approvals/authorize-clicker.ts';
import { sameDeciderText } from '../../src/approvals/decided-text.ts';
import type { DelegationLookup } from '../../src/approvals/delegation-routing.ts';
import { resolveApprover } from '../../src/approvals/resolve-approver.ts';
import type { ChatProfile } from '../../src/ports/chat.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { TeamsCardViewer } from './cards/approval-card.ts';

export interface ApprovalViewerDeps {
  odoo: OdooGateway;
  rules: ApprovalRules;
  profile: (user: ChatUserRef) => Promise<ChatProfile | null>;
  /** Delegates see the buttons of the approvers they act for; without it, only approvers do. */
  delegations?: DelegationLookup;
  now: () => Date;
}

/**
 * What one Teams viewer may do with a request's card (the refresh answer): the clicker is resolved
 * to an Odoo user and judged exactly as decideApproval will judge the click (the waiting level of
 * a sequential chain, one person one level, a delegate's authority through authorizeClicker), so
 * the buttons shown are the buttons that work. The decision still re-checks everything on click.
 */
export async function approvalViewer(request: ApprovalRequest, actor: ChatUserRef, deps: ApprovalViewerDeps): Promise<TeamsCardViewer> {
  const failed = request.writeback?.state === 'failed' && request.decision;
  const mayRetry = Boolean(failed && request.decision?.actor.platform === actor.platform && request.decision.actor.userId === actor.userId);
  if (request.status !== 'pending') return { mayDecide: false, mayRetry };
  const who = await resolveApprover(actor, deps);
  if (!who.ok) return { mayDecide: false, mayRetry, note: who.message };
  const level = request.chain ? currentLevel(request.chain) : null;
  if (request.chain) {
    if (!level) return { mayDecide: false, mayRetry };
    const earlier = levelDecidedBy(request.chain, who.approver.odooUserId);
    if (earlier) return { mayDecide: false, mayRetry, note: sameDeciderText(request, earlier, level) };
  }
  const approve = await authorizeClicker(request, who.approver, 'approve', level?.level, deps);
  const reject = approve.ok ? approve : await authorizeClicker(request, who.approver, 'reject', level?.level, deps);
  return reject.ok ? { mayDecide: true, mayRetry } : { mayDecide: false, mayRetry, note: reject.message };
}
