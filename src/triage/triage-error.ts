import { CodedError } from '../errors/coded-error.ts';

/** Stable codes for triage failures; the fallback reader writes them into `fallback_reason`. */
export type TriageErrorCode =
  | 'triage_invalid_reading'
  | 'triage_unsupported_reading'
  | 'triage_provider_failed'
  | 'triage_timeout'
  | 'triage_injection_suspected'
  | 'triage_provider_unavailable';

/** A triage provider could not produce a valid reading; retrying may help unless it is unavailable. */
export class TriageError extends CodedError {
  constructor(
    override readonly code: TriageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, code !== 'triage_provider_unavailable', options);
    this.name = 'TriageError';
  }
}
