import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { verifySlackSignature } from '../../adapters/slack/verify-slack-signature.ts';
import { startFakeSlackApi } from '../fakes/fake-slack-api.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint, signSlackRequest } from '../support/slack-sign.ts';

const SECRET = 'test-signing-secret';
const T = 1_772_000_000;

describe('verifySlackSignature', () => {
  const body = 'payload=%7B%7D';
  const headers = signSlackRequest(SECRET, body, T);
  const check = (over: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
    verifySlackSignature({ signingSecret: SECRET, rawBody: body, signature: headers['x-slack-signature'], timestamp: headers['x-slack-request-timestamp'], nowMs: T * 1000, ...over });

  it('accepts Slack\'s v0 HMAC within five minutes either way', () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ nowMs: (T + 299) * 1000 })).toEqual({ ok: true });
    expect(check({ nowMs: (T - 299) * 1000 })).toEqual({ ok: true });
  });

  it('refuses stale or future timestamps, wrong secrets, changed bodies and missing headers', () => {
    expect(check({ nowMs: (T + 6 * 60) * 1000 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check({ nowMs: (T - 6 * 60) * 1000 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check({ signingSecret: 'other' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ rawBody: `${body}x` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing_signature' });
    expect(check({ timestamp: 'soon' })).toEqual({ ok: false, reason: 'missing_signature' });
    expect(check({ signingSecret: '' })).toEqual({ ok: false, reason: 'missing_signature' });
  });
});

describe('Bolt verifies again behind the guard', () => {
  it('refuses a request our (skewed) clock accepts but the wall clock calls stale', async () => {
    const fake = await startFakeSlackApi();
    const logger = pino({ level: 'silent' });
    const app = createHttpApp(logger);
    const calls: unknown[] = [];
    const tenMinutesAgo = () => new Date(Date.now() - 10 * 60 * 1000);
    mountSlack(app, { signingSecret: SECRET, botToken: 'xoxb-test-token', apiUrl: fake.url, logger, now: tenMinutesAgo, onApprovalClick: async (c) => void calls.push(c) });
    finishHttpApp(app, logger);
    const server: Server = await listen(app, 0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      const value = JSON.stringify({ r: 'req-po-42', v: 'v7a1b2c3d4' });
      const res = await postToSlackEndpoint(url, interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value }), Math.floor(tenMinutesAgo().getTime() / 1000)));
      expect(res.status).toBe(401);
      await new Promise((r) => setTimeout(r, 100));
      expect(calls).toHaveLength(0);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await fake.stop();
    }
  });
});
