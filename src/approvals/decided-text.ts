import type { ApprovalRequest } from './approval-request.ts';

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
  const who = d.actor.displayName ?? d.odooLogin;
  const verb = d.action === 'approve' ? 'approved' : 'rejected';
  return `${name} was already ${verb} by ${who} at ${hhmm(d.at)}.`;
}
