import { createHmac } from 'node:crypto';

export interface SignedPostResult {
  status: number;
  text: string;
  ms: number;
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function slackSignature(signingSecret: string, timestampSeconds: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

/**
 * POSTs to the bot's /slack/events as Slack does: signed with the signing secret and the current
 * time, and given up after 3 s (Slack shows the person an error when the app is slower).
 */
export async function postSignedToBot(options: { eventsUrl: string; signingSecret: string; body: string; contentType: string; now: () => Date; timeoutMs?: number }): Promise<SignedPostResult> {
  const timestamp = Math.floor(options.now().getTime() / 1000);
  const started = performance.now();
  try {
    const res = await fetch(options.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': options.contentType,
        'x-slack-signature': slackSignature(options.signingSecret, timestamp, options.body),
        'x-slack-request-timestamp': String(timestamp),
        'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots) local-workspace',
      },
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
    });
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return { status: timedOut ? 408 : 502, text: timedOut ? 'operation_timeout' : String(err), ms: performance.now() - started };
  }
}

/** Interactivity (clicks, submissions) travels form-encoded as `payload=<json>`. */
export function interactivityBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
