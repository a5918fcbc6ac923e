/** Ask the bot: PO status, who owns the next action, list queries. Knows no chat platform. */
export { askStatus, type AskDeps } from './ask-status.ts';
export { answerQuery } from './answer-query.ts';
export { answerPoStatus, canSee } from './answer-po-status.ts';
export { buildAppHome, type AppHomeView, type RecentDecision } from './app-home.ts';
export { approversAskedFrom, type ApproversAsked } from './approvers-asked.ts';
export { parseQuestion, offlineInterpreter } from './parse-question.ts';
export { parseCommand, type ParsedCommand } from './parse-command.ts';
export { parsePoReference, findPoReference, poReferenceDomain, type PoReference } from './po-reference.ts';
export type { QuestionInterpreter } from './question-interpreter.ts';
export { HELP_EXAMPLES, helpAnswer, type ListItem, type PoStatusView, type StatusAnswer, type StatusList } from './status-answer.ts';
export type { StatusDeps } from './status-deps.ts';
export { PAGE_SIZE, commandFor, statusQuerySchema, toStatusQuery, type ListQuery, type StatusQuery } from './status-query.ts';
export { identifyViewer, type Viewer } from './viewer.ts';
export type { NextAction, NextOwner } from './next-action.ts';
export { NEXT_OWNER_WORDS } from './next-action.ts';
export type { TimelineEvent } from './timeline.ts';
