import type { EmailReader, EmailReading, ReadContext, SupplierEmail } from './email-reading.ts';

/**
 * The preferred provider (an LLM) with the offline heuristic behind it: if the LLM fails, times
 * out or answers something that fails the schema, the heuristic reading is used and says why in
 * `fallback_reason`. Injection is judged by both: if either suspects it, the reading says so,
 * because an LLM that was talked into ignoring an instruction will not report it.
 */
export class FallbackEmailReader implements EmailReader {
  constructor(
    private readonly primary: EmailReader,
    private readonly fallback: EmailReader,
  ) {}

  async read(email: SupplierEmail, context: ReadContext): Promise<EmailReading> {
    const heuristic = await this.fallback.read(email, context);
    try {
      const reading = await this.primary.read(email, context);
      return heuristic.injection_suspected && !reading.injection_suspected ? { ...reading, injection_suspected: true } : reading;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'triage_provider_failed';
      return { ...heuristic, fallback_reason: `${code}: ${reason}`.slice(0, 500) };
    }
  }
}
