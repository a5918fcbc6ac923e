import type { AuditLog } from '../ports/audit-log.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { ApprovalRequest, ChainLevel, Decision } from './approval-request.ts';
import { deciderText, decisionDetail } from './decided-text.ts';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const who = (d: Decision) => deciderText(d);
const odooUsers = (d: Decision) => `Odoo user ${d.odooLogin}${d.onBehalfOf ? `, delegate of Odoo user ${d.onBehalfOf.login}` : ''}`;

export function platformName(d: Decision): string {
  return d.actor.platform === 'teams' ? 'Teams' : d.actor.platform === 'slack' ? 'Slack' : 'the local workspace';
}

/** The final note's account of a sequential chain: every level, in order, and how it ended. */
export function chainNoteLines(request: ApprovalRequest): string[] {
  if (!request.chain) return [];
  const lines = request.chain.map((l) => {
    const head = `Level ${l.level} (${l.label}): `;
    if (l.decision) return `${head}${l.state} by ${who(l.decision)} (${odooUsers(l.decision)}) at ${when(l.decision.at)}`;
    return `${head}${l.state === 'skipped' ? 'skipped (not required for this amount)' : 'not reached'}`;
  });
  return ['Approval chain:', ...lines];
}

/**
 * The chatter note of one level decision of a sequential chain (not the last): once, however
 * often the job runs, found again by its decision id. Odoo is not otherwise changed: the PO stays
 * `to approve` until the last level.
 */
export async function writeLevelNote(request: ApprovalRequest, level: ChainLevel, deps: { odoo: OdooGateway; audit: AuditLog; now: () => Date }): Promise<'written' | 'already_written'> {
  const d = level.decision!;
  const ref = `Ref ${d.id}.`;
  const existing = await deps.odoo.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', request.orderId], ['body', 'ilike', ref]], { limit: 1 });
  if (existing.length) return 'already_written';
  const of = request.chain!.filter((l) => l.state !== 'skipped').length;
  const next = request.chain!.find((l) => l.level > level.level && l.state !== 'skipped');
  const verb = d.action === 'approve' ? 'approved' : 'rejected';
  const body = [
    `Level ${level.level} of ${of} (${level.label}) ${verb} in ${platformName(d)} by ${who(d)} (chat user ${d.actor.userId}, ${odooUsers(d)}) at ${when(d.at)}.`,
    d.reason ? `Reason: ${d.reason}` : null,
    next ? `The order now waits on level ${next.level} (${next.label}); it stays "to approve" until the last level approves.` : null,
    `Rule: ${request.ruleName}. Card version ${d.version}. ${ref}`,
  ].filter(Boolean).join('\n');
  await deps.odoo.postNote('purchase.order', request.orderId, body);
  await deps.audit.record({
    at: deps.now().toISOString(), orderId: request.orderId, orderName: request.snapshot.orderName, requestId: request.id, action: 'writeback', outcome: 'written',
    actor: d.actor, odooLogin: d.odooLogin, version: d.version, channel: d.channel, code: `level-${level.level}-note`, detail: decisionDetail(d),
  });
  return 'written';
}
