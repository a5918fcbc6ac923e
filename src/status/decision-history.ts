import type { ApprovalRequest, Decision } from '../approvals/approval-request.ts';
import { deciderText } from '../approvals/decided-text.ts';
import type { AuditEntry } from '../ports/audit-log.ts';
import { minuteIn } from './day-format.ts';
import type { StatusDeps } from './status-deps.ts';
import type { TimelineEvent } from './timeline.ts';

const PLATFORM_WORDS: Record<Decision['actor']['platform'], string> = { slack: 'in Slack', teams: 'in Teams', workspace: 'in Slack' };
const ELSEWHERE_WORDS: Record<NonNullable<ApprovalRequest['elsewhere']>['outcome'], string> = {
  approved: 'Approved in Odoo',
  cancelled: 'Cancelled in Odoo',
  changed: 'Changed in Odoo while waiting (asked again)',
  reset_to_draft: 'Set back to draft in Odoo',
};

/** "Rejected in Slack by Avery Quinn on behalf of Dana Lee: “Over budget”" */
function decisionLabel(d: Decision, prefix = ''): string {
  const verb = d.action === 'approve' ? 'Approved' : 'Rejected';
  const reason = d.reason ? `: “${d.reason}”` : '';
  return `${prefix}${prefix ? verb.toLowerCase() : verb} ${PLATFORM_WORDS[d.actor.platform]} by ${deciderText(d)}${reason}`;
}

/** The decisions of one request, oldest first: each level of a chain, the final decision, or Odoo's. */
function eventsOf(r: ApprovalRequest, minute: (d: Date) => string): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const add = (label: string, at: string | null | undefined) => {
    if (at) out.push({ label, at: new Date(at), dated: true, day: minute(new Date(at)) });
  };
  if (r.chain && r.chain.length > 1) {
    for (const level of r.chain) {
      if (level.decision) add(decisionLabel(level.decision, `Level ${level.level} of ${r.chain.length} (${level.label}) `), level.decision.at);
    }
  } else if (r.decision) {
    add(decisionLabel(r.decision), r.decision.at);
  }
  if (r.decision && r.writeback?.state === 'failed') add(`Not written to Odoo: ${r.writeback.reason}`, r.decision.at);
  if (r.elsewhere) add(`${ELSEWHERE_WORDS[r.elsewhere.outcome]}${r.elsewhere.by ? ` by ${r.elsewhere.by}` : ''}`, r.elsewhere.at ?? r.requestedAt);
  return out;
}

/** What the audit trail alone tells of a decision whose request has expired (kept 90 days). */
function eventsOfAudit(entries: readonly AuditEntry[], minute: (d: Date) => string): TimelineEvent[] {
  return entries
    .filter((e) => e.outcome === 'accepted' && (e.action === 'approve' || e.action === 'reject'))
    .map((e) => {
      const who = e.actor?.displayName ?? e.odooLogin ?? 'someone';
      const verb = e.action === 'approve' ? 'Approved' : 'Rejected';
      return { label: `${verb}${e.actor ? ` ${PLATFORM_WORDS[e.actor.platform]}` : ''} by ${who}${e.detail ? ` (${e.detail})` : ''}`, at: new Date(e.at), dated: true, day: minute(new Date(e.at)) };
    });
}

/**
 * Every decision taken on a PO's approval requests, oldest first: who, when, where, why, the
 * level of a chain, "on behalf of" for delegates, and decisions taken in Odoo itself. Requests
 * are found through the audit trail (one entry per request at least: `requested`).
 */
export async function decisionHistory(orderId: number, deps: Pick<StatusDeps, 'audit' | 'store' | 'timeZone'>): Promise<TimelineEvent[]> {
  const minute = minuteIn(deps.timeZone);
  const entries = await deps.audit.forOrder(orderId, 500);
  const byRequest = new Map<string, AuditEntry[]>();
  for (const e of [...entries].reverse()) byRequest.set(e.requestId, [...(byRequest.get(e.requestId) ?? []), e]);
  const requests = await Promise.all([...byRequest.keys()].map((id) => deps.store.get(id)));
  const events = [...byRequest.values()].flatMap((audit, i) => (requests[i] ? eventsOf(requests[i], minute) : eventsOfAudit(audit, minute)));
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
