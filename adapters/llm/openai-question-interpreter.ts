import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { QuestionInterpreter } from '../../src/status/question-interpreter.ts';
import { toStatusQuery, type StatusQuery } from '../../src/status/status-query.ts';
import { loadPrompt } from './load-prompt.ts';

/**
 * What the model fills: one flat object (strict structured outputs want every field present),
 * turned into the bot's StatusQuery and validated by its own schema before anything is read.
 */
const llmQuerySchema = z.object({
  kind: z.enum(['po_status', 'my_approvals', 'my_exceptions', 'late_receipts', 'unconfirmed', 'vendor_pos', 'help']),
  ref: z.string().nullable(),
  warehouse: z.string().nullable(),
  vendor: z.string().nullable(),
  older_than_days: z.number().nullable(),
  page: z.number().nullable(),
});

export interface OpenAiQuestionOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  /** @defaultValue 8000: a person is waiting for the answer. */
  timeoutMs?: number;
  onFailure?: (reason: string) => void;
}

/** The model's flat answer as the bot's structured query, or null when it does not fit the schema. */
export function fromModelAnswer(a: z.infer<typeof llmQuerySchema>): StatusQuery | null {
  const page = a.page ?? 1;
  switch (a.kind) {
    case 'po_status':
      return toStatusQuery({ kind: 'po_status', ref: a.ref });
    case 'late_receipts':
      return toStatusQuery({ kind: 'late_receipts', warehouse: a.warehouse, vendor: a.vendor, page });
    case 'unconfirmed':
      return toStatusQuery({ kind: 'unconfirmed', ...(a.older_than_days !== null ? { olderThanDays: a.older_than_days } : {}), vendor: a.vendor, page });
    case 'vendor_pos':
      return toStatusQuery({ kind: 'vendor_pos', vendor: a.vendor, page });
    case 'my_approvals':
    case 'my_exceptions':
      return toStatusQuery({ kind: a.kind, page });
    case 'help':
      return null;
  }
}

/**
 * Questions the offline parser cannot read go to the model, which may only pick one of the
 * read-only queries; anything that fails (HTTP, timeout, refusal, schema) is "cannot tell", and
 * the person gets help with examples instead of a guess.
 */
export function openAiQuestionInterpreter(offline: QuestionInterpreter, options: OpenAiQuestionOptions): QuestionInterpreter {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, timeout: options.timeoutMs ?? 8_000, maxRetries: 1 });
  return {
    async interpret(text) {
      const known = await offline.interpret(text);
      if (known) return known;
      try {
        const completion = await client.chat.completions.parse({
          model: options.model,
          temperature: 0,
          messages: [
            { role: 'system', content: loadPrompt('status-question', 'v1') },
            { role: 'user', content: JSON.stringify({ question: text.slice(0, 1000) }) },
          ],
          response_format: zodResponseFormat(llmQuerySchema, 'status_query'),
        });
        const parsed = completion.choices[0]?.message.parsed;
        return parsed ? fromModelAnswer(parsed) : null;
      } catch (err) {
        options.onFailure?.(err instanceof Error ? err.message : String(err));
        return null;
      }
    },
  };
}
