import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { Approver } from '../approvals/approval-rules.ts';
import { refused, type DelegationAnswer } from './delegation-answer.ts';
import { dayIn } from './delegation-days.ts';
import type { DelegationDeps } from './delegation-deps.ts';
import { dayText, rangeText } from './delegation-texts.ts';
import { sameLogin } from './delegation.ts';

/**
 * `/po delegate off`: ends the issuer's chat delegation. The policy file's delegations are not
 * chat's to end: the answer says so, and who can change them.
 */
export async function clearDelegation(chat: ChatUserRef, issuer: Approver, deps: DelegationDeps): Promise<DelegationAnswer> {
  const now = deps.now();
  const today = dayIn(now, deps.policy.calendar.timeZone);
  const fromFile = deps.policyDelegations.filter((d) => sameLogin(d.from, issuer.login) && d.until >= today);
  const file = deps.policySource ?? 'the policy file';
  const fileNote = fromFile.length
    ? `The policy file (${file}) also sends your approvals to ${fromFile.map((d) => `${d.toName} ${rangeText(d, today)}`).join('; ')}; only the bot admin can change that.`
    : null;
  const ended = await deps.store.clear(issuer.login, chat, now);
  if (!ended) {
    if (fileNote) return refused('nothing_to_clear', `You have no delegation made in chat. ${fileNote}`);
    return refused('nothing_to_clear', 'You have no delegation to turn off: your approvals come to you.');
  }
  const lines = [`Done: your delegation to ${ended.toName} (until ${dayText(ended.until)}) is off.`];
  lines.push(fileNote ?? 'Your approvals come to you again.');
  return { kind: 'done', text: lines.join(' '), change: { kind: 'cleared', delegation: ended } };
}
