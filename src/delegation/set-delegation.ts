import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { Approver } from '../approvals/approval-rules.ts';
import { approvesAnything } from './approves-anything.ts';
import { refused, type DelegationAnswer } from './delegation-answer.ts';
import { addDays, dayIn } from './delegation-days.ts';
import { MAX_DELEGATION_DAYS, type DelegationDeps } from './delegation-deps.ts';
import { dayText, rangeText } from './delegation-texts.ts';
import { sameLogin, type Delegation } from './delegation.ts';
import { effectiveDelegations } from './effective-delegations.ts';
import { findDelegate } from './find-delegate.ts';
import { findDelegationProblem } from './find-delegation-loop.ts';
import type { DelegateTarget } from './parse-delegate-command.ts';
import { parseDay } from './parse-day.ts';
import { resolveDelegateOn } from './resolve-delegate.ts';

export interface SetDelegationRequest {
  target: DelegateTarget;
  /** As typed. */
  until: string;
  from: string | null;
}

type Days = { ok: true; startsOn: string; until: string } | { ok: false; answer: DelegationAnswer };

function readDays(request: SetDelegationRequest, today: string): Days {
  const until = parseDay(request.until, today);
  if (!until.ok) return { ok: false, answer: refused('bad_date', until.message) };
  const from = request.from === null ? { ok: true as const, day: today } : parseDay(request.from, today);
  if (!from.ok) return { ok: false, answer: refused('bad_date', from.message) };
  if (until.day < today) return { ok: false, answer: refused('past_date', `${dayText(until.day)} is in the past (today is ${dayText(today)}). Nothing was changed.`) };
  if (from.day < today) return { ok: false, answer: refused('past_date', `The start day ${dayText(from.day)} is in the past: leave out \`from\` to start today. Nothing was changed.`) };
  if (until.day < from.day) return { ok: false, answer: refused('until_before_from', `${dayText(until.day)} is before the start day ${dayText(from.day)}. Nothing was changed.`) };
  if (until.day > addDays(today, MAX_DELEGATION_DAYS)) return { ok: false, answer: refused('too_far', `${dayText(until.day)} is more than a year away; delegate for a year at most (and again later if needed).`) };
  return { ok: true, startsOn: from.day, until: until.day };
}

/** Whether `login` receives a delegation in force on some day from `today` on (a delegate may pass it on). */
function isDelegateOf(login: string, delegations: readonly Delegation[], today: string): boolean {
  return delegations.some((d) => sameLogin(d.to, login) && d.until >= today);
}

/**
 * `/po delegate @name until <day>`: the issuer's approvals go to `name` for those days. Refused,
 * with nothing stored, for an unknown or unmapped delegate, oneself, a day in the past or not a
 * day, an issuer the policy asks nothing (and who is nobody's delegate), and a loop or an
 * over-long chain. Replaces the issuer's earlier chat delegation.
 */
export async function setDelegation(chat: ChatUserRef, issuer: Approver, request: SetDelegationRequest, deps: DelegationDeps): Promise<DelegationAnswer> {
  const now = deps.now();
  const tz = deps.policy.calendar.timeZone;
  const today = dayIn(now, tz);
  const days = readDays(request, today);
  if (!days.ok) return days.answer;
  const found = await findDelegate(request.target, deps);
  if (!found.ok) return refused(found.code, `${found.message} Nothing was changed.`);
  const delegate = found.delegate;
  if (sameLogin(delegate.login, issuer.login)) return refused('self_delegation', 'That is you: a delegation goes to someone else. Nothing was changed.');
  const chatNow = await deps.store.list();
  if (!approvesAnything(deps.policy, issuer) && !isDelegateOf(issuer.login, effectiveDelegations(deps.policyDelegations, chatNow), today)) {
    return refused('nothing_to_delegate', 'The approval policy does not ask you to approve anything, and nobody has delegated approvals to you, so there is nothing to delegate.');
  }
  const candidate: Delegation = {
    id: `chat-${issuer.login.toLowerCase()}-${now.getTime()}`,
    from: issuer.login, to: delegate.login, fromName: issuer.name, toName: delegate.name,
    startsOn: days.startsOn, until: days.until, source: 'chat', createdBy: chat, createdAt: now.toISOString(),
  };
  const outcome = await deps.store.set(candidate, (current) =>
    findDelegationProblem(candidate, effectiveDelegations(deps.policyDelegations, current.filter((d) => !sameLogin(d.from, candidate.from)))),
  );
  if (!outcome.stored) {
    const p = outcome.refusal;
    return p.code === 'loop'
      ? refused('loop', `That would make a loop: ${p.names.join(' → ')} on ${dayText(p.day)}, so nobody would be asked. Nothing was changed.`)
      : refused('chain_too_long', `That would make a chain of more than 5 delegations (${p.names.join(' → ')}) on ${dayText(p.day)}. Nothing was changed.`);
  }
  const lines = [`Done: your approvals go to *${delegate.name}* ${rangeText(candidate, today)}, in ${tz} time. \`/po delegate off\` ends it early.`];
  if (outcome.replaced) lines.push(`This replaces your delegation to ${outcome.replaced.toName} (until ${dayText(outcome.replaced.until)}).`);
  const all = effectiveDelegations(deps.policyDelegations, [candidate, ...(await deps.store.list()).filter((d) => d.id !== candidate.id)]);
  const onward = resolveDelegateOn(issuer.login, all, candidate.startsOn);
  if (onward && onward.via.length > 1) lines.push(`${delegate.name} is away too, so your requests reach *${onward.name}* (${onward.via.map((d) => d.fromName).concat(onward.name).join(' → ')}).`);
  if (!approvesAnything(deps.policy, delegate)) lines.push(`Note: the approval policy does not list ${delegate.name} as an approver; their own limits apply, so some requests may still need someone else.`);
  return { kind: 'done', text: lines.join('\n'), change: { kind: 'set', delegation: candidate, replaced: outcome.replaced } };
}
