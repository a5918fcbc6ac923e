import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { ChatProfile } from '../ports/chat.ts';
import { answerQuery } from './answer-query.ts';
import type { QuestionInterpreter } from './question-interpreter.ts';
import { helpAnswer, type StatusAnswer } from './status-answer.ts';
import type { StatusDeps } from './status-deps.ts';
import type { StatusQuery } from './status-query.ts';
import { identifyViewer } from './viewer.ts';

export interface AskDeps extends StatusDeps {
  interpreter: QuestionInterpreter;
  profile: (u: ChatUserRef) => Promise<ChatProfile | null>;
}

/**
 * A chat user's question, start to finish: understand it (help, never a guess, when it cannot),
 * find who asks in Odoo (or say how to get mapped), then answer within their companies.
 */
export async function askStatus(chat: ChatUserRef, question: string | StatusQuery, deps: AskDeps): Promise<StatusAnswer> {
  const query = typeof question === 'string' ? await deps.interpreter.interpret(question) : question;
  if (!query) {
    const asked = String(question).trim();
    return helpAnswer(`I could not tell what you are asking in "${asked.length > 120 ? `${asked.slice(0, 119)}…` : asked}".`);
  }
  if (query.kind === 'help') return helpAnswer();
  const who = await identifyViewer(chat, deps);
  if (!who.ok) return { kind: 'unmapped', message: who.message };
  return answerQuery(query, who.viewer, deps);
}
