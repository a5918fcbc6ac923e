/** Delegation (out of office): who approves while an approver is away. Knows no chat platform. */
export type { Delegation, DelegationChange, DelegationSource, IsoDay, ResolvedDelegate } from './delegation.ts';
export { sameLogin } from './delegation.ts';
export { addDays, dayIn, isActiveAt, isActiveOn } from './delegation-days.ts';
export { activeByFrom, effectiveDelegations } from './effective-delegations.ts';
export { MAX_DELEGATION_HOPS, resolveDelegate, resolveDelegateOn } from './resolve-delegate.ts';
export { findDelegationProblem, type DelegationGraphProblem } from './find-delegation-loop.ts';
export { parseDelegationsSection } from './delegations-section.ts';
export { DAY_FORMS, parseDay, type ParsedDay } from './parse-day.ts';
export { DELEGATE_USAGE, isDelegateCommand, parseDelegateCommand, type DelegateCommand, type DelegateTarget, type KnownMention } from './parse-delegate-command.ts';
export { approvesAnything } from './approves-anything.ts';
export { answerDelegateCommand } from './answer-delegate-command.ts';
export { setDelegation, type SetDelegationRequest } from './set-delegation.ts';
export { clearDelegation } from './clear-delegation.ts';
export { showDelegation } from './show-delegation.ts';
export type { DelegationAnswer, DelegationRefusalCode } from './delegation-answer.ts';
export { MAX_DELEGATION_DAYS, type DelegationDeps } from './delegation-deps.ts';
