/** The approval policy: parse it once at start-up, then ask it pure questions. */
export { parsePolicy } from './parse-policy.ts';
export { PolicyError } from './policy-error.ts';
export type * from './policy-types.ts';
export { approvalSubjectFrom, type ApprovalSubject, type ApprovalSubjectInput, type SubjectWarehouse } from './approval-subject.ts';
export { matchRule, describeBand, type RuleMatchResult } from './match-rule.ts';
export { approversFor, type ApprovalGrant, type CardDelivery, type LevelApprover, type LevelApprovers, type LevelOdooGroup } from './approvers-for.ts';
export {
  authorizeDecision,
  refusalError,
  type DecidingUser,
  type DecisionAction,
  type DecisionAuthority,
  type RefusalCode,
} from './authorize-decision.ts';
export { resolveChatIdentity, type ChatIdentity, type ChatUser } from './resolve-chat-identity.ts';
export { reminderSchedule, type ScheduledStep } from './reminder-schedule.ts';
export { calendarOf } from './calendar-of.ts';
export { limitIn } from './amount-limit.ts';
