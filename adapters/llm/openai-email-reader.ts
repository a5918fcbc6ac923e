import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { emailReadingSchema, type EmailReader, type EmailReading, type ReadContext, type SupplierEmail } from '../../src/triage/email-reading.ts';
import { TriageError } from '../../src/triage/triage-error.ts';
import { cleanEmail } from '../../src/triage/clean-email.ts';
import { detectLanguage } from '../../src/triage/heuristic/detect-language.ts';
import { loadPrompt } from './load-prompt.ts';

export const EMAIL_TRIAGE_PROMPT = { name: 'email-triage', version: 'v2' } as const;

/**
 * What the model is asked to produce: the reading without the fields the bot sets itself. Every
 * field is required (nullable where empty), as OpenAI's strict structured outputs want.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const llmReadingSchema = z.object({
  category: z.enum(['delay', 'partial_shipment', 'price_change', 'cancellation', 'quality_issue', 'confirmation', 'invoice_query', 'other']),
  summary: z.string(),
  new_eta: day.nullable(),
  confirmed_date: day.nullable(),
  quantities: z
    .object({
      description: z.string().nullable(),
      ordered: z.number().nullable(),
      shipped: z.number().nullable(),
      backordered: z.number().nullable(),
      cancelled: z.number().nullable(),
      unit: z.string().nullable(),
    })
    .nullable(),
  price_change_pct: z.number().nullable(),
  confidence: z.number(),
  evidence: z.string(),
  injection_suspected: z.boolean(),
});

export interface LlmUsage {
  provider: 'openai';
  model: string;
  promptTokens: number;
  completionTokens: number;
  outcome: 'ok' | TriageError['code'];
}

export interface OpenAiEmailReaderOptions {
  apiKey: string;
  /** OPENAI_BASE_URL: OpenAI, Azure OpenAI, Ollama or vLLM (any OpenAI-compatible endpoint). */
  baseUrl?: string;
  model: string;
  /** @defaultValue 20000 */
  timeoutMs?: number;
  /** Retries of 429 / 5xx / connection errors by the SDK (with its backoff). @defaultValue 2 */
  maxRetries?: number;
  /** The newest message of the thread as plain text. @defaultValue cleanEmail's newest message */
  newestMessage?: (email: SupplierEmail) => string;
  /** Token usage and outcome of every call, for /metrics. */
  observer?: (usage: LlmUsage) => void;
}

/**
 * The OpenAI provider of the EmailReader port: chat completions with structured outputs from the
 * zod schema. The email travels as JSON data in the user message, never as instructions. Any
 * failure (HTTP, timeout, refusal, truncation, JSON or schema) is a TriageError: the fallback
 * reader then answers with the heuristic reading, marked so.
 */
export class OpenAiEmailReader implements EmailReader {
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiEmailReaderOptions) {
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, timeout: options.timeoutMs ?? 20_000, maxRetries: options.maxRetries ?? 2 });
  }

  async read(email: SupplierEmail, context: ReadContext): Promise<EmailReading> {
    const newestMessage = (this.options.newestMessage ?? newestOf)(email);
    const payload = {
      po: { reference: context.poRef, planned_delivery_date: context.datePlanned },
      email: { from: email.from, subject: email.subject, date: email.receivedAt.toISOString(), language: detectLanguage(newestMessage), newest_message: newestMessage },
    };
    let usage = { prompt: 0, completion: 0 };
    try {
      const completion = await this.client.chat.completions.parse({
        model: this.options.model,
        temperature: 0,
        messages: [
          { role: 'system', content: loadPrompt(EMAIL_TRIAGE_PROMPT.name, EMAIL_TRIAGE_PROMPT.version) },
          { role: 'user', content: JSON.stringify(payload) },
        ],
        response_format: zodResponseFormat(llmReadingSchema, 'email_reading'),
      });
      usage = { prompt: completion.usage?.prompt_tokens ?? 0, completion: completion.usage?.completion_tokens ?? 0 };
      const message = completion.choices[0]?.message;
      if (message?.refusal) throw new TriageError('triage_provider_failed', `the model refused: ${message.refusal.slice(0, 200)}`);
      if (!message?.parsed) throw new TriageError('triage_invalid_reading', 'the model returned no structured reading');
      const reading = emailReadingSchema.safeParse({ ...withoutNulls(message.parsed), provider: 'openai', fallback_reason: null });
      if (!reading.success) {
        const issue = reading.error.issues[0];
        throw new TriageError('triage_invalid_reading', `the model's reading fails the schema at ${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}`);
      }
      this.observe(usage, 'ok');
      return reading.data;
    } catch (err) {
      const failure = toTriageError(err);
      this.observe(usage, failure.code);
      throw failure;
    }
  }

  private observe(usage: { prompt: number; completion: number }, outcome: LlmUsage['outcome']): void {
    this.options.observer?.({ provider: 'openai', model: this.options.model, promptTokens: usage.prompt, completionTokens: usage.completion, outcome });
  }
}

/** The schema's optional quantity fields arrive as nulls from strict structured outputs. */
function withoutNulls(parsed: z.infer<typeof llmReadingSchema>): Record<string, unknown> {
  const q = parsed.quantities ? Object.fromEntries(Object.entries(parsed.quantities).filter(([, v]) => v !== null)) : null;
  return { ...parsed, quantities: q && Object.keys(q).length ? q : null };
}

function toTriageError(err: unknown): TriageError {
  if (err instanceof TriageError) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new TriageError('triage_timeout', 'the model did not answer in time', { cause: err });
  if (err instanceof OpenAI.APIError) return new TriageError('triage_provider_failed', `the model endpoint answered ${err.status ?? 'an error'}: ${err.message.slice(0, 200)}`, { cause: err });
  const name = err instanceof Error ? err.constructor.name : '';
  if (name === 'LengthFinishReasonError') return new TriageError('triage_invalid_reading', 'the model output was cut off (length limit)', { cause: err });
  if (name === 'ContentFilterFinishReasonError') return new TriageError('triage_provider_failed', 'the model output was filtered', { cause: err });
  return new TriageError('triage_invalid_reading', `the model's answer could not be read: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`, { cause: err });
}

/** Only the newest message counts: quotes, signatures and disclaimers are not sent to the model. */
function newestOf(email: SupplierEmail): string {
  const cleaned = cleanEmail(email);
  return cleaned.forwardedText ? `${cleaned.text}\n\n(forwarded message)\n${cleaned.forwardedText}` : cleaned.text;
}
