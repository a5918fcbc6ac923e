import { CodedError, RateLimited } from '../../src/errors/coded-error.ts';

/** Bot Connector said "slow down": the notify queue waits `retryAfterMs`, then tries again. */
export class TeamsRateLimitedError extends RateLimited {
  constructor(
    readonly operation: string,
    retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`the Bot Connector rate-limited ${operation}; retry after ${Math.ceil(retryAfterMs / 1000)} s`, retryAfterMs);
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause });
    this.name = 'TeamsRateLimitedError';
  }
}

/** Connector answers no retry will fix, with what to do about them. */
const PERMANENT: Record<number, { code: string; hint: string }> = {
  400: { code: 'teams_bad_request', hint: 'the Bot Connector rejected the activity (a bug in the card or message: please report it)' },
  401: { code: 'teams_unauthorized', hint: 'MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD are not accepted by the Bot Connector' },
  403: { code: 'teams_forbidden', hint: 'the bot is not allowed in this conversation (removed from the team or chat, or blocked by the user)' },
  404: { code: 'teams_not_found', hint: 'the conversation or message no longer exists, or the bot is not installed there' },
  413: { code: 'teams_too_large', hint: 'the message is larger than Teams accepts (about 28 KB)' },
};

const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * Turns whatever the Bot Connector client threw into a CodedError with a stable `teams_*` code:
 * 429 becomes a RateLimited with the Retry-After the connector sent, 5xx and network failures are
 * retryable, other 4xx are not.
 */
export function toTeamsCodedError(err: unknown, operation: string): CodedError {
  if (err instanceof CodedError) return err;
  const e = err as { statusCode?: unknown; response?: { status?: unknown; headers?: unknown }; code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.response?.status === 'number' ? e.response.status : 0;
  if (status === 429) return new TeamsRateLimitedError(operation, retryAfterMs(e?.response?.headers), { cause: err });
  const permanent = PERMANENT[status];
  if (permanent) return new CodedError(permanent.code, `Teams ${operation} failed with HTTP ${status}: ${permanent.hint}`, false, { cause: err });
  if (status >= 500 || status === 408) return new CodedError('teams_http_error', `the Bot Connector answered HTTP ${status} to ${operation}; it will be retried`, true, { cause: err });
  if (status >= 400) return new CodedError('teams_http_error', `Teams ${operation} failed with HTTP ${status}: ${message}`, false, { cause: err });
  return new CodedError('teams_unreachable', `the Bot Connector could not be reached for ${operation}: ${message}`, true, { cause: err });
}

/** Retry-After in seconds (or an HTTP date), from a Headers-like object or a plain record. */
function retryAfterMs(headers: unknown): number {
  let raw: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') raw = (headers as { get(name: string): unknown }).get('retry-after');
  else if (headers && typeof headers === 'object') raw = (headers as Record<string, unknown>)['retry-after'] ?? (headers as Record<string, unknown>)['Retry-After'];
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : DEFAULT_RETRY_AFTER_MS;
}
