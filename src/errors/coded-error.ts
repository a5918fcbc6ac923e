/**
 * An error with a stable string code callers branch on (never on message text), and whether
 * trying again can help. The queue maps `retryable: false` to BullMQ's UnrecoverableError.
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CodedError';
  }
}

/** A refusal that no retry will change (policy says no, record is gone, Odoo said UserError). */
export class BusinessRefusal extends CodedError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, false, options);
    this.name = 'BusinessRefusal';
  }
}

export function isRetryable(err: unknown): boolean {
  if (err && typeof err === 'object' && 'retryable' in err && typeof err.retryable === 'boolean') return err.retryable;
  return true;
}

/** Told to wait (HTTP 429, per-channel pacing): the queue delays the job without spending an attempt. */
export class RateLimited extends CodedError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('rate_limited', message, true);
    this.name = 'RateLimited';
  }
}
