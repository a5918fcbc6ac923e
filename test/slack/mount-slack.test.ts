import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalClick } from '../../src/approvals/approval-click.ts';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { buttonClickPayload, eventsRequest, interactivityRequest, postToSlackEndpoint, rejectSubmissionPayload, signedRawRequest, type SlackHttpRequest } from '../support/slack-sign.ts';

const SECRET = 'test-signing-secret';
const TOKEN = 'xoxb-test-token';
const VALUE = JSON.stringify({ r: 'req-po-42', v: 'v7a1b2c3d4' });

let fake: FakeSlackApi;
let server: Server;
let endpoint: string;
const clicks: ApprovalClick[] = [];
let sinkDelayMs = 0;
let sinkFails = false;
let sinkHangs = false;

/** Waits until `check` holds: listeners run after the HTTP answer, so effects land just after. */
async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const settle = () => new Promise((r) => setTimeout(r, 150));
const post = (req: SlackHttpRequest) => postToSlackEndpoint(endpoint, req);
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  fake = await startFakeSlackApi({ users: [{ id: 'U0JANE', email: 'jane@example.com', name: 'Jane Approver' }] });
  const logger = pino({ level: 'silent' });
  const app = createHttpApp(logger);
  mountSlack(app, {
    signingSecret: SECRET,
    botToken: TOKEN,
    apiUrl: fake.url,
    logger,
    onApprovalClick: async (click) => {
      if (sinkHangs) return new Promise<void>(() => undefined);
      if (sinkDelayMs) await new Promise((r) => setTimeout(r, sinkDelayMs));
      if (sinkFails) throw new Error('queue down');
      clicks.push(click);
    },
  });
  finishHttpApp(app, logger);
  server = await listen(app, 0, '127.0.0.1');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await fake.stop();
});

beforeEach(() => {
  clicks.length = 0;
  fake.calls.length = 0;
  sinkDelayMs = 0;
  sinkFails = false;
  sinkHangs = false;
});

describe('POST /slack/events: buttons', () => {
  it('hands a signed approve click to onApprovalClick, and acks only once it is handed over', async () => {
    sinkDelayMs = 300; // the queue add: the ack waits for it, so an acked click is a recorded one
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE })));
    expect(res.status).toBe(200);
    expect(res.ms).toBeGreaterThanOrEqual(290);
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({
      requestId: 'req-po-42',
      version: 'v7a1b2c3d4',
      action: 'approve',
      actor: { platform: 'slack', userId: 'U0JANE', displayName: 'jane' },
      source: { platform: 'slack', channel: 'C0APPROVALS', messageId: '1700000000.000100' },
      clickId: '1700000123.456789-U0JANE',
    });
    expect(Number.isNaN(Date.parse(clicks[0]!.clickedAt))).toBe(false);
  });

  it('acks in time when the hand-off hangs, and tells the clicker privately to click again', async () => {
    sinkHangs = true; // Redis hanging: the queue add never answers
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE, responseUrl: fake.responseUrl, actionTs: '1700000124.100000' })));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(2_900);
    await eventually(() => fake.callsOf('response_url').length === 1);
    expect(String(fake.callsOf('response_url')[0]!.body.text)).toContain('could not record your click');
  });

  it('acks a click on an action no listener knows at once, and hands nothing over', async () => {
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'some_old_button', value: VALUE, responseUrl: fake.responseUrl })));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1_000);
    await settle();
    expect(clicks).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('acks 50 clicks in a row and hands each one over once', async () => {
    for (let i = 0; i < 50; i++) {
      const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE, actionTs: `1700000200.${String(i).padStart(6, '0')}` })));
      expect(res.status).toBe(200);
    }
    await eventually(() => clicks.length === 50);
    expect(new Set(clicks.map((c) => c.clickId)).size).toBe(50);
  });

  it('acks a burst of 50 concurrent clicks well within the 3 s Slack allows', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE, userId: `U0USER${i}` })))),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    // Slack gives up after 3 s; the latency figures themselves come from `npm run bench`.
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(3_000);
    await eventually(() => clicks.length === 50);
  });

  it('forwards retry and details clicks with their action', async () => {
    await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_retry', value: JSON.stringify({ r: 'req-po-42', v: 'v7a1b2c3d4', u: 'U0JANE' }) })));
    await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_details', value: VALUE, actionTs: '1700000124.000001' })));
    await eventually(() => clicks.length === 2);
    expect(clicks.map((c) => c.action).sort()).toEqual(['details', 'retry']);
  });

  it('answers an invalid button value with an ephemeral message, never a crash', async () => {
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: '{"r":"../etc","v":"x"}', responseUrl: fake.responseUrl })));
    expect(res.status).toBe(200);
    await eventually(() => fake.callsOf('response_url').length === 1);
    expect(fake.callsOf('response_url')[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(clicks).toHaveLength(0);
  });

  it('tells the clicker privately when the core cannot take the click', async () => {
    sinkFails = true;
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE })));
    expect(res.status).toBe(200);
    await eventually(() => fake.callsOf('chat.postEphemeral').length === 1);
    expect(fake.callsOf('chat.postEphemeral')[0]!.body).toMatchObject({ channel: 'C0APPROVALS', user: 'U0JANE' });
  });

  it('takes a message click with a response_url on the fast path, and tells the clicker there when the core cannot take it', async () => {
    sinkFails = true;
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE, responseUrl: fake.responseUrl })));
    expect(res.status).toBe(200);
    await eventually(() => fake.callsOf('response_url').length === 1);
    expect(fake.callsOf('response_url')[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(fake.callsOf('response_url')[0]!.body.text)).toContain('could not record your click');
  });

  it('acks an Open in Odoo link click without touching the core', async () => {
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_open_odoo', value: '' })));
    expect(res.status).toBe(200);
    await settle();
    expect(clicks).toHaveLength(0);
  });
});

describe('POST /slack/events: reject and its modal', () => {
  it('opens the reject modal with the trigger id', async () => {
    const value = JSON.stringify({ r: 'req-po-42', v: 'v7a1b2c3d4', n: 'P00042' });
    const res = await post(interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_reject', value, triggerId: '111.222.trigger' })));
    expect(res.status).toBe(200);
    await eventually(() => fake.callsOf('views.open').length === 1);
    const { body } = fake.callsOf('views.open')[0]!;
    expect(body.trigger_id).toBe('111.222.trigger');
    const view = body.view as { callback_id: string; private_metadata: string; blocks: Array<{ type: string }> };
    expect(view.callback_id).toBe('approval_reject_modal');
    expect(JSON.parse(view.private_metadata)).toEqual({ r: 'req-po-42', v: 'v7a1b2c3d4', c: 'C0APPROVALS', m: '1700000000.000100' });
    expect(view.blocks.some((b) => b.type === 'input')).toBe(true);
    expect(clicks).toHaveLength(0);
  });

  const metadata = JSON.stringify({ r: 'req-po-42', v: 'v7a1b2c3d4', c: 'C0APPROVALS', m: '1700000000.000100' });

  it('keeps the modal open with an error when the reason is empty or too short', async () => {
    for (const reason of [null, '', '  a ']) {
      const res = await post(interactivityRequest(SECRET, rejectSubmissionPayload({ privateMetadata: metadata, reason })));
      expect(res.status).toBe(200);
      const answer = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
      expect(answer.response_action).toBe('errors');
      expect(answer.errors.reason_block).toMatch(/at least 3 characters/);
    }
    await settle();
    expect(clicks).toHaveLength(0);
  });

  it('hands a valid submission to the core as a reject with the reason', async () => {
    const res = await post(interactivityRequest(SECRET, rejectSubmissionPayload({ privateMetadata: metadata, reason: '  Price is above the framework agreement  ' })));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await eventually(() => clicks.length === 1);
    expect(clicks[0]).toMatchObject({
      requestId: 'req-po-42',
      version: 'v7a1b2c3d4',
      action: 'reject',
      reason: 'Price is above the framework agreement',
      actor: { platform: 'slack', userId: 'U0JANE' },
      source: { platform: 'slack', channel: 'C0APPROVALS', messageId: '1700000000.000100' },
      clickId: 'V00000001-U0JANE',
    });
  });

  it('refuses a submission whose metadata was not written by the bot', async () => {
    const res = await post(interactivityRequest(SECRET, rejectSubmissionPayload({ privateMetadata: '{"r":"x"}', reason: 'valid reason' })));
    expect(JSON.parse(res.text)).toMatchObject({ response_action: 'errors' });
    await settle();
    expect(clicks).toHaveLength(0);
  });
});

describe('POST /slack/events: refusals', () => {
  const click = () => buttonClickPayload({ actionId: 'approval_approve', value: VALUE });

  it('answers 401 to a bad signature and calls nothing', async () => {
    const req = interactivityRequest('not-the-secret', click());
    const res = await post(req);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'bad_signature' });
    const unsigned = await post({ body: req.body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(401);
    await settle();
    expect(clicks).toHaveLength(0);
  });

  it('answers 401 to a body changed after signing', async () => {
    const req = interactivityRequest(SECRET, click());
    const res = await post({ ...req, body: req.body.replace('U0JANE', 'U0EVIL') });
    expect(res.status).toBe(401);
  });

  it('answers 401 to a 6-minute-old timestamp, correctly signed', async () => {
    const res = await post(interactivityRequest(SECRET, click(), now() - 6 * 60));
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'stale_timestamp' });
    await settle();
    expect(clicks).toHaveLength(0);
  });

  it('answers 400 to malformed payloads that are correctly signed', async () => {
    const form = 'application/x-www-form-urlencoded';
    const cases: SlackHttpRequest[] = [
      signedRawRequest(SECRET, 'payload=%7Bnot-json', form),
      signedRawRequest(SECRET, `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`, form),
      signedRawRequest(SECRET, 'hello=world', form),
      signedRawRequest(SECRET, '{"type":', 'application/json'),
      signedRawRequest(SECRET, '{"type":"event_callback"}', 'application/json'),
      signedRawRequest(SECRET, 'payload=x', 'text/plain'),
    ];
    for (const req of cases) {
      const res = await post(req);
      expect(res.status, req.body).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ error: 'malformed_payload' });
    }
    await settle();
    expect(clicks).toHaveLength(0);
  });

  it('still answers Slack\'s url_verification (a signed JSON events POST)', async () => {
    const res = await post(eventsRequest(SECRET, { type: 'url_verification', challenge: 'abc123', token: 'x' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'abc123' });
  });
});
