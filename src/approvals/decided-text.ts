import type { ApprovalRequest, Decision } from './approval-request.ts';

/** "Dana Okafor", or "Dana Okafor on behalf of Avery Quinn" when a delegate decided. */
export function deciderText(d: Pick<Decision, 'actor' | 'odooLogin' | 'onBehalfOf'>): string {
  const who = d.actor.displayName ?? d.odooLogin;
  return d.onBehalfOf ? `${who} on behalf of ${d.onBehalfOf.name}` : who;
}

/** The audit detail of an accepted decision: who it was for (delegation) and the reason. */
export function decisionDetail(d: Decision): string | null {
  const parts = [
    d.onBehalfOf ? `${d.action === 'approve' ? 'approved' : 'rejected'} by ${deciderText(d)} (Odoo user ${d.odooLogin} for ${d.onBehalfOf.login})` : null,
    d.reason,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('. Reason: ') : null;
}

const hhmm = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** "P00042 was already approved by Jane at ..." for everybody who clicks after the decision. */
export function decidedText(r: ApprovalRequest): string {
  const name = r.snapshot.orderName;
  if (r.elsewhere) {
    const verb = { approved: 'approved', cancelled: 'cancelled', changed: 'changed', reset_to_draft: 'set back to draft' }[r.elsewhere.outcome];
    return `${name} was ${verb} in Odoo${r.elsewhere.by ? ` by ${r.elsewhere.by}` : ''}; nothing to decide here any more.`;
  }
  const d = r.decision;
  if (!d) return `${name} is still waiting for a decision.`;
  const verb = d.action === 'approve' ? 'approved' : 'rejected';
  return `${name} was already ${verb} by ${deciderText(d)} at ${hhmm(d.at)}.`;
}

const byOf = deciderText;

/** Where a sequential chain stands, for a clicker whose level was decided by someone else. */
export function levelDecidedText(r: ApprovalRequest, level: number): string {
  if (r.status !== 'pending' || !r.chain) return decidedText(r);
  const name = r.snapshot.orderName;
  const at = r.chain.find((l) => l.level === level);
  const waiting = r.chain.find((l) => l.state === 'waiting');
  const done = at?.decision ? `Level ${level} (${at.label}) of ${name} was already ${at.state} by ${byOf(at.decision)} at ${hhmm(at.decision.at)}.` : `Level ${level} of ${name} no longer waits for a decision.`;
  return waiting ? `${done} It now waits on level ${waiting.level} (${waiting.label}).` : done;
}

/** The refusal when one person tries to decide a second level of the same PO. */
export function sameDeciderText(r: ApprovalRequest, decided: { level: number; label: string; state: string }, waiting: { level: number; label: string } | null): string {
  const next = waiting ? ` Level ${waiting.level} (${waiting.label}) needs someone else.` : '';
  return `You already ${decided.state} level ${decided.level} (${decided.label}) of ${r.snapshot.orderName}: each level of this approval must be decided by a different person.${next}`;
}
