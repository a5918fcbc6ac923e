import type { StatusQuery } from './status-query.ts';

/**
 * Maps a question in plain words to one structured query, or null when it cannot tell (the
 * caller then shows help with examples; it never guesses). The offline parser implements it
 * today; an LLM provider will implement it later and must validate its output with
 * statusQuerySchema, falling back to the offline parser on anything that does not fit.
 */
export interface QuestionInterpreter {
  interpret(text: string): Promise<StatusQuery | null>;
}
