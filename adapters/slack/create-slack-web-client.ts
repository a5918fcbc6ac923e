import { LogLevel, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { toSlackLogger } from './slack-logger.ts';

export interface SlackClientOptions {
  /** Base URL of the Web API (SLACK_API_URL); tests and the local workspace point it elsewhere. */
  apiUrl?: string;
  logger?: Logger;
  /**
   * Per-call timeout, so a hung Slack never holds a queue worker.
   * @defaultValue 10_000
   */
  timeoutMs?: number;
  /**
   * Quick retries for a dropped connection or a 5xx. Kept small on purpose: the notify queue owns
   * retries (with per-channel pacing), and a 429 is never retried here.
   * @defaultValue 1
   */
  retries?: number;
}

/** The `clientOptions` shared by our WebClient and the one Bolt hands to listeners. */
export function slackClientOptions(options: SlackClientOptions): webApi.WebClientOptions {
  return {
    ...(options.apiUrl ? { slackApiUrl: withTrailingSlash(options.apiUrl) } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: options.retries ?? 1, factor: 2, minTimeout: 200, maxTimeout: 1_000, randomize: true },
    timeout: options.timeoutMs ?? 10_000,
    ...(options.logger ? { logger: toSlackLogger(options.logger), logLevel: LogLevel.WARN } : {}),
  };
}

export function createSlackWebClient(token: string, options: SlackClientOptions = {}): webApi.WebClient {
  return new webApi.WebClient(token, slackClientOptions(options));
}

// WebClient appends the method name to the base URL as is.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
