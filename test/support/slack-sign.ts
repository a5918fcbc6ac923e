import { createHmac } from 'node:crypto';

/** Slack's v0 signature headers for a raw body, computed the way Slack computes them. */
export function signSlackRequest(secret: string, body: string, timestampSeconds: number = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestampSeconds) };
}

export interface SlackHttpRequest {
  body: string;
  headers: Record<string, string>;
}

/** An interactivity POST (button click, modal submission): form-encoded `payload=<json>`. */
export function interactivityRequest(secret: string, payload: unknown, timestampSeconds?: number): SlackHttpRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(secret, body, timestampSeconds) } };
}

/** An Events API POST: JSON. */
export function eventsRequest(secret: string, envelope: unknown, timestampSeconds?: number): SlackHttpRequest {
  const body = JSON.stringify(envelope);
  return { body, headers: { 'content-type': 'application/json', ...signSlackRequest(secret, body, timestampSeconds) } };
}

/** A raw body signed as is (malformed payloads must still pass the signature to reach parsing). */
export function signedRawRequest(secret: string, body: string, contentType: string, timestampSeconds?: number): SlackHttpRequest {
  return { body, headers: { 'content-type': contentType, ...signSlackRequest(secret, body, timestampSeconds) } };
}

/** POSTs a prepared request and measures the time to the answer. */
export async function postToSlackEndpoint(url: string, request: SlackHttpRequest): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** The handle Slack puts in a payload's `user.name` ("Wes Warehouse" -> `wes.warehouse`): a handle, never the person's name. */
export function slackHandle(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '.');
}

/** A block_actions payload for a click on one of the approval card's buttons (`userName` is sent as Slack does: as the handle). */
export function buttonClickPayload(options: { actionId: string; value: string; userId?: string; userName?: string; channel?: string; messageTs?: string; actionTs?: string; responseUrl?: string; triggerId?: string }): Record<string, unknown> {
  const channel = options.channel ?? 'C0APPROVALS';
  const messageTs = options.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: options.userId ?? 'U0JANE', username: slackHandle(options.userName ?? 'jane'), name: slackHandle(options.userName ?? 'jane'), team_id: 'T0FAKE' },
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: options.triggerId ?? '1234.5678.abcdef',
    channel: { id: channel, name: 'approvals' },
    message: { type: 'message', ts: messageTs, text: 'card', blocks: [] },
    ...(options.responseUrl ? { response_url: options.responseUrl } : {}),
    actions: [{ type: 'button', block_id: 'approval_actions', action_id: options.actionId, text: { type: 'plain_text', text: 'x' }, value: options.value, action_ts: options.actionTs ?? '1700000123.456789' }],
  };
}

/** A view_submission payload for the reject modal. */
export function rejectSubmissionPayload(options: { privateMetadata: string; reason: string | null; userId?: string; viewId?: string }): Record<string, unknown> {
  return {
    type: 'view_submission',
    api_app_id: 'A0FAKE',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: options.userId ?? 'U0JANE', username: 'jane', name: 'jane', team_id: 'T0FAKE' },
    trigger_id: '9999.8888.fedcba',
    view: {
      id: options.viewId ?? 'V00000001',
      type: 'modal',
      callback_id: 'approval_reject_modal',
      private_metadata: options.privateMetadata,
      hash: '1700000000.abc',
      state: { values: { reason_block: { reason_input: { type: 'plain_text_input', value: options.reason } } } },
    },
  };
}
