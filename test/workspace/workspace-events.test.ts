import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySlackSignature } from '../../adapters/slack/verify-slack-signature.ts';
import type { WorkspaceMessage } from '../../adapters/workspace/workspace-store.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

// Demo mode, web process only: status questions are read-only and answered by the web process.
let bot: TestBot;
let token: string;
beforeAll(async () => {
  bot = await startTestBot({}, { workers: false });
  token = (await bot.redis.hget(`${bot.prefix}:workspace:credentials`, 'botToken'))!;
}, 60_000);
afterAll(async () => bot?.close());

const ui = async (path: string, body: unknown) => {
  const res = await fetch(`${bot.url}/workspace/ui/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const messages = (channel: string, viewer: string) => bot.workspace!.store.messages(channel, viewer);
const byBot = (m: WorkspaceMessage) => m.user === 'U0PROCUREBOT';
const shown = (m: WorkspaceMessage) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;

describe('messages to the bot in the local workspace (Events API)', () => {
  it("answers a plain-words question in the bot's DM, in the DM", async () => {
    const sent = await ui('message', { user: 'U0JORDAN', channel: 'D0JORDAN', text: "what's late from Sunvale?" });
    expect(sent).toMatchObject({ status: 200, body: { ok: true, event: 'message.im' } });
    await waitFor(async () => (await messages('D0JORDAN', 'U0JORDAN')).some(byBot), 15_000, 'the answer in the DM');
    const answer = (await messages('D0JORDAN', 'U0JORDAN')).find(byBot)!;
    expect(shown(answer)).toMatch(/Sunvale Foods Distribution/);
    expect(shown(answer)).not.toMatch(/Try one of these|didn.t understand/i);
    expect(answer.threadTs).toBeUndefined();
  }, 30_000);

  it('answers an @mention in a channel in the thread of the mention, and only a mention', async () => {
    const channel = 'C0POAPPROVALS';
    const before = (await messages(channel, 'U0CASEY')).length;
    const plain = await ui('message', { user: 'U0CASEY', channel, text: 'anything stuck at Joliet DC?' });
    expect(plain).toEqual({ status: 200, body: { ok: true } });

    const sent = await ui('message', { user: 'U0CASEY', channel, text: '@procurebot anything stuck at Joliet DC?' });
    expect(sent).toMatchObject({ status: 200, body: { ok: true, event: 'app_mention' } });
    const all = await messages(channel, 'U0CASEY');
    const mention = all.find((m) => m.text.includes('<@U0PROCUREBOT>'))!;
    expect(mention.text).toBe('<@U0PROCUREBOT> anything stuck at Joliet DC?');
    await waitFor(async () => (await messages(channel, 'U0CASEY')).some((m) => byBot(m) && m.threadTs === mention.ts), 15_000, 'the answer in the thread');
    const answer = (await messages(channel, 'U0CASEY')).find((m) => byBot(m) && m.threadTs === mention.ts)!;
    expect(shown(answer)).toMatch(/Joliet DC/);
    // The plain message got nothing: the app subscribes to app_mention, not message.channels.
    expect((await messages(channel, 'U0CASEY')).slice(before).filter(byBot)).toHaveLength(1);
  }, 30_000);

  it('signs the event_callback envelope with the signing secret, as Slack does', async () => {
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
      const { uiInteractionRoutes } = await import('../../adapters/workspace/ui/ui-interaction-routes.ts');
      const express = (await import('express')).default;
      const app = express();
      const link = { eventsUrl: `http://127.0.0.1:${(capture.address() as AddressInfo).port}/slack/events`, signingSecret: 'the-secret', ownUrl: bot.url, now: () => new Date() };
      app.use(uiInteractionRoutes({ store: bot.workspace!.store, channels: [{ id: 'C0POAPPROVALS', name: 'po-approvals' }], link, logger: (await import('pino')).pino({ level: 'silent' }) }));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((ok) => server.once('listening', ok));
      try {
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'U0AVERY', channel: 'D0AVERY', text: 'where is P00042 & <b>?' }) });
        expect(res.status).toBe(200);
      } finally {
        server.close();
      }
      expect(seen!.headers['content-type']).toBe('application/json');
      const verdict = verifySlackSignature({ signingSecret: 'the-secret', rawBody: seen!.body, signature: String(seen!.headers['x-slack-signature']), timestamp: String(seen!.headers['x-slack-request-timestamp']), nowMs: Date.now() });
      expect(verdict).toEqual({ ok: true });
      const envelope = JSON.parse(seen!.body) as { type: string; event: Record<string, unknown>; authorizations: unknown[]; event_id: string };
      expect(envelope).toMatchObject({ type: 'event_callback', team_id: 'T0WORKSPACE', api_app_id: 'A0PROCUREBOT', event_id: expect.stringMatching(/^Ev/), authorizations: [{ user_id: 'U0PROCUREBOT', is_bot: true }] });
      // What people type reaches the app escaped, as Slack escapes it.
      expect(envelope.event).toMatchObject({ type: 'message', channel_type: 'im', channel: 'D0AVERY', user: 'U0AVERY', text: 'where is P00042 &amp; &lt;b&gt;?' });
    } finally {
      await new Promise((r) => capture.close(r));
    }
  });
});

describe("a click's private answer", () => {
  const postCard = async () => {
    const res = await fetch(`${bot.url}/workspace/api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ channel: '#po-approvals', text: 'card', blocks: [{ type: 'actions', block_id: 'a', elements: [{ type: 'button', action_id: 'approval_open_odoo', text: { type: 'plain_text', text: 'Open' }, url: 'https://odoo.example/1' }] }] }) });
    return (await res.json()) as { ts: string; channel: string };
  };
  const ephemeral = async (user: string, text: string) => {
    const res = await fetch(`${bot.url}/workspace/api/chat.postEphemeral`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ channel: 'C0POAPPROVALS', user, text }) });
    const answer = (await res.json()) as { ok: boolean; message_ts: string };
    expect(answer.ok).toBe(true);
    return bot.workspace!.store.get('C0POAPPROVALS', answer.message_ts);
  };

  it('is shown under the card the person clicked, not at the bottom; a message typed since ends that', async () => {
    const card = await postCard();
    await postCard(); // a newer card below it
    expect((await ui('action', { user: 'U0RILEY', channel: card.channel, ts: card.ts, blockId: 'a', actionId: 'approval_open_odoo' })).status).toBe(200);
    expect((await ephemeral('U0RILEY', 'You are not an approver of this order.'))?.nearTs).toBe(card.ts);
    // Someone else's private answer is not tied to Riley's click.
    expect((await ephemeral('U0AVERY', 'not about a click'))?.nearTs).toBeUndefined();
    await ui('message', { user: 'U0RILEY', channel: card.channel, text: 'ok' });
    expect((await ephemeral('U0RILEY', 'later'))?.nearTs).toBeUndefined();
  });
});
