import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySlackSignature } from '../../adapters/slack/verify-slack-signature.ts';
import { interactivityBody, postSignedToBot } from '../../adapters/workspace/interactions/post-signed.ts';
import { interactivityRequest, postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

let bot: TestBot;
let token: string;
beforeAll(async () => {
  bot = await startTestBot({}, { workers: false });
  token = (await bot.redis.hget(`${bot.prefix}:workspace:credentials`, 'botToken'))!;
});
afterAll(async () => bot?.close());

const postCard = async (blocks: unknown[]) => {
  const res = await fetch(`${bot.url}/workspace/api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ channel: '#po-approvals', text: 'card', blocks }) });
  return (await res.json()) as { ts: string; channel: string };
};
const ui = async (path: string, body: unknown) => {
  const res = await fetch(`${bot.url}/workspace/ui/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('what the workspace sends to /slack/events', () => {
  it("is signed the way Slack signs: the bot's own verifier accepts it, and only with the right secret", async () => {
    let seen: { body: string; headers: Record<string, string | string[] | undefined> } | undefined;
    const capture = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += String(d)));
      req.on('end', () => {
        seen = { body, headers: req.headers };
        res.end();
      });
    });
    await new Promise<void>((ok) => capture.listen(0, '127.0.0.1', ok));
    try {
      const now = () => new Date('2026-03-02T10:00:00Z');
      const payload = { type: 'block_actions', user: { id: 'U0AVERY' }, actions: [{ action_id: 'approval_approve', value: '{"r":"x & y"}' }] };
      const sent = await postSignedToBot({ eventsUrl: `http://127.0.0.1:${(capture.address() as AddressInfo).port}/slack/events`, signingSecret: 'the-secret', body: interactivityBody(payload), contentType: 'application/x-www-form-urlencoded', now });
      expect(sent.status).toBe(200);
      const check = (secret: string, nowMs = now().getTime()) =>
        verifySlackSignature({ signingSecret: secret, rawBody: seen!.body, signature: String(seen!.headers['x-slack-signature']), timestamp: String(seen!.headers['x-slack-request-timestamp']), nowMs });
      expect(seen!.headers['x-slack-request-timestamp']).toBe(String(Date.parse('2026-03-02T10:00:00Z') / 1000));
      expect(JSON.parse(new URLSearchParams(seen!.body).get('payload')!)).toEqual(payload);
      expect(check('the-secret')).toEqual({ ok: true });
      expect(check('another-secret')).toEqual({ ok: false, reason: 'bad_signature' });
      expect(check('the-secret', now().getTime() + 6 * 60_000)).toEqual({ ok: false, reason: 'stale_timestamp' });
    } finally {
      await new Promise((r) => capture.close(r));
    }
  });

  it("reaches the bot's listeners in demo mode: a click on a card button is verified and acknowledged", async () => {
    const card = await postCard([{ type: 'actions', block_id: 'approval_actions', elements: [{ type: 'button', action_id: 'approval_open_odoo', text: { type: 'plain_text', text: 'Open in Odoo' }, url: 'https://odoo.example/po/1' }] }]);
    const answer = await ui('action', { user: 'U0AVERY', channel: card.channel, ts: card.ts, blockId: 'approval_actions', actionId: 'approval_open_odoo' });
    expect(answer).toEqual({ status: 200, body: { ok: true, ms: expect.any(Number) } });
    // The browser names an element; it cannot make up one the message does not have.
    expect((await ui('action', { user: 'U0AVERY', channel: card.channel, ts: card.ts, blockId: 'approval_actions', actionId: 'approval_approve' })).status).toBe(404);
    expect((await ui('action', { user: 'U0JORDAN', channel: 'D0AVERY', ts: card.ts, blockId: 'approval_actions', actionId: 'approval_open_odoo' })).status).toBe(404);
  });

  it('is refused by /slack/events when signed with anything but the demo secret', async () => {
    const res = await postToSlackEndpoint(`${bot.url}/slack/events`, interactivityRequest('a-guessed-secret', { type: 'block_actions', user: { id: 'U0AVERY' }, actions: [] }));
    expect(res.status).toBe(401);
  });

  it("delivers the bot's respond() through the response_url: ephemeral to the clicker, or replacing the message", async () => {
    const card = await postCard([{ type: 'section', text: { type: 'mrkdwn', text: 'original' } }]);
    const store = bot.workspace!.store;
    const url = `${bot.url}/workspace/respond/${await store.issueResponseToken({ channel: card.channel, user: 'U0AVERY', messageTs: card.ts })}`;
    const respond = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await respond({ response_type: 'ephemeral', replace_original: false, text: 'only for you' })).status).toBe(200);
    expect((await store.messages(card.channel, 'U0AVERY')).map((m) => m.text)).toContain('only for you');
    expect((await store.messages(card.channel, 'U0JORDAN')).map((m) => m.text)).not.toContain('only for you');
    expect((await respond({ replace_original: true, text: 'replaced' })).status).toBe(200);
    expect((await store.get(card.channel, card.ts))?.text).toBe('replaced');
    expect((await fetch(`${bot.url}/workspace/respond/not-a-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});

describe('the operations page', () => {
  it('shows queue depths and failed jobs, and retries a failed job', async () => {
    const failing = new Worker('triage', async () => {
      throw new UnrecoverableError('the model answered nonsense');
    }, { connection: bot.redis.duplicate(), prefix: bot.prefix });
    try {
      await bot.queues.triage.add('summarise-email', { id: 1 }, { jobId: 'ops-page-job' });
      await waitFor(async () => (await bot.queues.triage.getFailedCount()) === 1, 5_000, 'the job to fail');
      await failing.close();
      const page = await (await fetch(`${bot.url}/workspace/ops`)).text();
      expect(page).toContain('<h2>Failed jobs (1)</h2>');
      expect(page).toContain('the model answered nonsense');
      expect(page).toMatch(/<th scope="row">triage<\/th><td class="">0<\/td>/);
      const retried = await fetch(`${bot.url}/workspace/ops/retry`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'queue=triage&jobId=ops-page-job', redirect: 'manual' });
      expect(retried.status).toBe(303);
      expect(decodeURIComponent(retried.headers.get('location') ?? '')).toContain('Job ops-page-job of triage is queued again.');
      expect(await (await bot.queues.triage.getJob('ops-page-job'))?.getState()).toBe('waiting');
      const data = (await (await fetch(`${bot.url}/workspace/ops/data`)).json()) as { queues: Array<{ name: string; counts: Record<string, number> }>; approvals: unknown[] };
      expect(data.queues.find((q) => q.name === 'triage')?.counts).toMatchObject({ waiting: 1, failed: 0 });
      expect(Array.isArray(data.approvals)).toBe(true);
    } finally {
      await failing.close();
    }
  });
});

describe('when the workspace is not there', () => {
  it('is not mounted at all with real Slack credentials', async () => {
    const real = await startTestBot({ SLACK_BOT_TOKEN: 'xoxb-real-token', SLACK_SIGNING_SECRET: 'real-signing-secret-0123456789', SLACK_API_URL: 'http://127.0.0.1:9/api/' }, { workers: false });
    try {
      expect((await fetch(`${real.url}/workspace`)).status).toBe(404);
      expect((await fetch(`${real.url}/workspace/api/auth.test`, { method: 'POST', headers: { authorization: 'Bearer xoxb-real-token' } })).status).toBe(404);
      expect((await fetch(`${real.url}/workspace/ops`)).status).toBe(404);
      expect(real.workspace).toBeUndefined();
      expect(await real.redis.exists(`${real.prefix}:workspace:credentials`)).toBe(0);
      // Slack itself is mounted, verifying with the real secret: a request signed otherwise is refused.
      expect((await postToSlackEndpoint(`${real.url}/slack/events`, interactivityRequest('a-guessed-secret', { type: 'block_actions', user: { id: 'U1' }, actions: [] }))).status).toBe(401);
    } finally {
      await real.close();
    }
  });

  it('is not mounted with NODE_ENV=production, even without Slack credentials', async () => {
    const prod = await startTestBot({ NODE_ENV: 'production' }, { workers: false });
    try {
      expect((await fetch(`${prod.url}/workspace`)).status).toBe(404);
      expect((await fetch(`${prod.url}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
