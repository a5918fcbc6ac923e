import type { Approver } from '../approvals/approval-rules.ts';
import type { DelegationAnswer } from './delegation-answer.ts';
import { dayIn } from './delegation-days.ts';
import type { DelegationDeps } from './delegation-deps.ts';
import { madeBy, rangeText } from './delegation-texts.ts';
import { sameLogin } from './delegation.ts';
import { effectiveDelegations } from './effective-delegations.ts';
import { DELEGATE_USAGE } from './parse-delegate-command.ts';
import { resolveDelegate } from './resolve-delegate.ts';

/** `/po delegate`: where the issuer's approvals go (now and planned), and whose come to them. */
export async function showDelegation(self: string, issuer: Approver, deps: DelegationDeps): Promise<DelegationAnswer> {
  const now = deps.now();
  const tz = deps.policy.calendar.timeZone;
  const today = dayIn(now, tz);
  const all = effectiveDelegations(deps.policyDelegations, await deps.store.list());
  const current = all.filter((d) => d.until >= today);
  const mine = current.filter((d) => sameLogin(d.from, issuer.login));
  const toMe = current.filter((d) => sameLogin(d.to, issuer.login));
  const lines: string[] = [];
  if (mine.length === 0) lines.push('*Your approvals:* they come to you (no delegation).');
  for (const d of mine) lines.push(`*Your approvals* go to ${d.toName} ${rangeText(d, today)}, ${madeBy(d, self)}.`);
  const now1 = resolveDelegate(issuer.login, all, now, tz);
  if (now1 && now1.via.length > 1) lines.push(`Today they reach *${now1.name}* (${now1.via.map((d) => d.fromName).concat(now1.name).join(' → ')}).`);
  for (const d of toMe) lines.push(`*Delegated to you:* ${d.fromName}'s approvals ${rangeText(d, today)}, ${madeBy(d, self)}.`);
  lines.push('', ...DELEGATE_USAGE.map((u) => `• ${u}`), `Days are in ${tz} time.`);
  return { kind: 'info', text: lines.join('\n') };
}
