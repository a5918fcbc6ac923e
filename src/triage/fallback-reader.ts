import { emailReadingSchema, type EmailReader, type EmailReading, type ReadContext, type SupplierEmail } from './email-reading.ts';
import { checkReadingAgainstEmail } from './check-reading-against-email.ts';
import { cleanEmail } from './clean-email.ts';
import { isInjectionSuspected } from './heuristic/detect-injection.ts';
import { TriageError } from './triage-error.ts';

export interface FallbackReaderOptions {
  /** The preferred reader (an LLM provider). */
  primary: EmailReader;
  /** The reader used when the primary fails; the offline heuristic. */
  fallback: EmailReader;
  /**
   * Give up on the primary after this long.
   * @defaultValue 20000
   */
  timeoutMs?: number;
  /** Told why the fallback was used (metrics, logs). */
  onFallback?: (reason: string, error: unknown) => void;
}

/**
 * A reader that asks the primary provider and falls back to the other one when the primary
 * throws, times out or returns something that fails the schema or states what the email does
 * not say (a date it does not write, a quantity that is none of its numbers), and when the email looks
 * injected: an LLM may have been steered by the very text it read, the rules cannot be. The
 * fallback reading says so in `fallback_reason` (a stable code, then the detail).
 */
export function createFallbackReader(options: FallbackReaderOptions): EmailReader {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    async read(email: SupplierEmail, context: ReadContext): Promise<EmailReading> {
      let failure: TriageError;
      try {
        const answer = await withTimeout(options.primary.read(email, context), timeoutMs);
        const parsed = emailReadingSchema.safeParse(answer);
        if (!parsed.success) throw new TriageError('triage_invalid_reading', parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
        // An injected email is the stronger reason: say that one, whatever else the answer got wrong.
        if (looksInjected(email)) throw new TriageError('triage_injection_suspected', 'the email contains instructions aimed at the bot');
        // Schema-valid is not enough: every date, quantity and percentage must come from the email.
        const unsupported = checkReadingAgainstEmail(parsed.data, email);
        if (unsupported.length > 0) throw new TriageError('triage_unsupported_reading', unsupported.join('; '));
        return parsed.data;
      } catch (err) {
        failure = err instanceof TriageError ? err : new TriageError('triage_provider_failed', err instanceof Error ? err.message : String(err), { cause: err });
      }
      const reason = `${failure.code}: ${failure.message}`.slice(0, 500);
      options.onFallback?.(reason, failure);
      const reading = await options.fallback.read(email, context);
      return emailReadingSchema.parse({ ...reading, fallback_reason: reason });
    },
  };
}

function looksInjected(email: SupplierEmail): boolean {
  return isInjectionSuspected(`${email.subject}\n${cleanEmail(email).fullText}`);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TriageError('triage_timeout', `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
