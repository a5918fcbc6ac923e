import { webApi } from '@slack/bolt';
import { CodedError } from '../../src/errors/coded-error.ts';

/** Slack said "slow down": the notify queue waits `retryAfterMs`, then tries again. */
export class SlackRateLimitedError extends CodedError {
  constructor(
    readonly method: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super('slack_rate_limited', `Slack rate-limited ${method}; retry after ${Math.ceil(retryAfterMs / 1000)} s`, true, options);
    this.name = 'SlackRateLimitedError';
  }
}

/** Platform errors no retry will fix, with what to do about them. */
const PERMANENT: Record<string, string> = {
  channel_not_found: 'the channel does not exist or the bot cannot see it (private channel: invite the bot)',
  not_in_channel: 'the bot is not a member of the channel: invite it with /invite @bot',
  is_archived: 'the channel is archived: unarchive it or route the card elsewhere in the policy',
  invalid_auth: 'SLACK_BOT_TOKEN is not valid for this workspace',
  not_authed: 'no token was sent: set SLACK_BOT_TOKEN',
  account_inactive: 'the bot token belongs to a deleted user or an uninstalled app: reinstall the app',
  token_revoked: 'the bot token was revoked: reinstall the app and update SLACK_BOT_TOKEN',
  user_not_found: 'the Slack user does not exist in this workspace',
  cannot_dm_bot: 'the target user is a bot and cannot be messaged',
  user_disabled: 'the Slack user is deactivated',
  missing_scope: 'the app lacks an OAuth scope: reinstall it from manifest/slack.yaml',
  message_not_found: 'the card message no longer exists (deleted?)',
  cant_update_message: 'the message was not posted by this bot and cannot be updated',
  invalid_blocks: 'Slack rejected the card blocks (a bug in the renderer: please report it)',
  msg_too_long: 'the message text is too long',
  expired_trigger_id: 'the click is older than 3 seconds; click again',
  invalid_trigger_id: 'the click cannot open a dialog; click again',
};

/** Platform errors that mean Slack itself is struggling. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * Turns whatever @slack/web-api threw into a CodedError with a stable `slack_*` code, so the notify
 * queue branches on `retryable` (and `retryAfterMs`) without reading messages.
 */
export function toSlackCodedError(err: unknown, method: string): CodedError {
  if (err instanceof CodedError) return err;
  const e = err as { code?: unknown; retryAfter?: unknown; data?: { error?: unknown }; statusCode?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  switch (e?.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : DEFAULT_RETRY_AFTER_MS / 1000;
      return new SlackRateLimitedError(method, seconds * 1000, { cause: err });
    }
    case webApi.ErrorCode.PlatformError: {
      const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      if (code === 'ratelimited') return new SlackRateLimitedError(method, DEFAULT_RETRY_AFTER_MS, { cause: err });
      if (TRANSIENT.has(code)) return new CodedError(`slack_${code}`, `Slack answered ${code} to ${method}; it will be retried`, true, { cause: err });
      const hint = PERMANENT[code] ?? 'Slack refused the call';
      return new CodedError(`slack_${code}`, `Slack ${method} failed with ${code}: ${hint}`, false, { cause: err });
    }
    case webApi.ErrorCode.HTTPError: {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      const retryable = status >= 500 || status === 408 || status === 0;
      return new CodedError('slack_http_error', `Slack ${method} answered HTTP ${status}${retryable ? '; it will be retried' : ''}`, retryable, { cause: err });
    }
    case webApi.ErrorCode.RequestError:
      return new CodedError('slack_unreachable', `Slack ${method} could not be reached: ${message}`, true, { cause: err });
    default:
      return new CodedError('slack_unexpected_error', `Slack ${method} failed: ${message}`, true, { cause: err });
  }
}
