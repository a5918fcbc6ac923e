import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { purchaseOrderUrl } from '../approvals/odoo-links.ts';
import type { AuditEntry } from '../ports/audit-log.ts';
import type { ChatProfile } from '../ports/chat.ts';
import { approvalItem, pendingApprovalsWithDelegation } from './lists/my-approvals.ts';
import { myExceptionItems } from './lists/my-exceptions.ts';
import type { ListItem } from './status-answer.ts';
import type { PersonalNumbers } from './status-insights.ts';
import type { StatusDeps } from './status-deps.ts';
import { identifyViewer, type Viewer } from './viewer.ts';

/** How many lines each section of the home tab shows; the rest is one command away. */
export const HOME_SECTION_SIZE = 5;
/** How many recently decided POs are searched for decisions (one audit read each). */
const RECENT_ORDERS = 20;

export interface RecentDecision {
  orderId: number;
  orderName: string;
  action: 'approve' | 'reject';
  by: string;
  at: Date;
  /** accepted (queued), written to Odoo, or failed. */
  outcome: 'accepted' | 'written' | 'failed';
  /** The viewer decided it (else it is one of their POs). */
  byViewer: boolean;
  odooUrl: string;
}

export type AppHomeView =
  | { kind: 'unmapped'; message: string }
  | {
      kind: 'home';
      name: string;
      approvals: ListItem[];
      approvalsTotal: number;
      exceptions: ListItem[];
      exceptionsTotal: number;
      decisions: RecentDecision[];
      refreshedAt: Date;
      /** The viewer's own numbers (control tower); absent without it, null when unreadable now. */
      numbers?: PersonalNumbers | null;
    };

/**
 * The home tab of one user, rebuilt each time they open it: their pending approvals, their POs
 * with open exceptions, and recent approval decisions they made or that were made on their POs
 * (from the audit trail of the most recently decided POs of their companies).
 */
export async function buildAppHome(chat: ChatUserRef, deps: StatusDeps & { profile: (u: ChatUserRef) => Promise<ChatProfile | null> }): Promise<AppHomeView> {
  const who = await identifyViewer(chat, deps);
  if (!who.ok) return { kind: 'unmapped', message: who.message };
  const viewer = who.viewer;
  const now = deps.now();
  const [pending, exceptions, decisions, numbers] = await Promise.all([pendingApprovalsWithDelegation(viewer, deps), myExceptionItems(viewer, deps), recentDecisions(viewer, deps), personalNumbers(viewer, deps, now)]);
  return {
    kind: 'home',
    name: viewer.odoo.name,
    approvals: pending.slice(0, HOME_SECTION_SIZE).map((p) => approvalItem(p.request, deps, now, p.onBehalfOf)),
    approvalsTotal: pending.length,
    exceptions: exceptions.slice(0, HOME_SECTION_SIZE),
    exceptionsTotal: exceptions.length,
    decisions,
    refreshedAt: now,
    ...(numbers === undefined ? {} : { numbers }),
  };
}

/** The viewer's own numbers; the home tab still opens when the measures cannot be read (null). */
async function personalNumbers(viewer: Viewer, deps: StatusDeps, now: Date): Promise<PersonalNumbers | null | undefined> {
  if (!deps.insights) return undefined;
  return deps.insights.reader.personal(viewer.odoo.odooUserId, now).catch(() => null);
}

async function recentDecisions(viewer: Viewer, deps: StatusDeps): Promise<RecentDecision[]> {
  const companies = [...viewer.odoo.companyIds];
  const [approved, cancelled] = await Promise.all([
    deps.odoo.search('purchaseOrder', { domain: [['company_id', 'in', companies], ['date_approve', '!=', false]], order: 'date_approve desc, id desc', limit: RECENT_ORDERS }),
    deps.odoo.search('purchaseOrder', { domain: [['company_id', 'in', companies], ['state', 'in', ['cancel', 'draft']]], order: 'write_date desc, id desc', limit: RECENT_ORDERS / 2 }),
  ]);
  const orders = [...new Map([...approved, ...cancelled].map((o) => [o.id, o])).values()];
  const trails = await Promise.all(orders.map((o) => deps.audit.forOrder(o.id, 20)));
  const out: RecentDecision[] = [];
  orders.forEach((o, i) => {
    const entry = (trails[i] ?? []).find(isDecision);
    if (!entry) return;
    const byViewer = entry.actor?.userId === viewer.chat.userId || entry.odooLogin?.toLowerCase() === viewer.odoo.login.toLowerCase();
    if (!byViewer && o.buyer?.id !== viewer.odoo.odooUserId) return;
    out.push({
      orderId: o.id,
      orderName: o.name,
      action: (entry.action === 'writeback' ? entry.code : entry.action) === 'reject' ? 'reject' : 'approve',
      by: entry.actor?.displayName ?? entry.odooLogin ?? 'someone',
      at: new Date(entry.at),
      outcome: entry.outcome === 'written' ? 'written' : entry.outcome === 'failed' ? 'failed' : 'accepted',
      byViewer,
      odooUrl: purchaseOrderUrl(deps.odooUrl, o.id),
    });
  });
  return out.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, HOME_SECTION_SIZE);
}

/** A decision line of the audit trail (newest first): the write-back, or the accepted click. */
function isDecision(e: AuditEntry): boolean {
  return ((e.action === 'approve' || e.action === 'reject') && e.outcome === 'accepted') || (e.action === 'writeback' && (e.outcome === 'written' || e.outcome === 'failed'));
}
