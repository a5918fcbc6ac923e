import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

let bot: TestBot;
let token: string;
let api: string;

// Demo mode, web process only: the workspace's Web API answers without any worker running.
beforeAll(async () => {
  bot = await startTestBot({}, { workers: false });
  token = (await bot.redis.hget(`${bot.prefix}:workspace:credentials`, 'botToken'))!;
  api = `${bot.url}/workspace/api/`;
});
afterAll(async () => bot?.close());

const call = async (method: string, body: string | Record<string, unknown>, auth: string | null = token) => {
  const form = typeof body === 'string';
  const res = await fetch(`${api}${method}`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json; charset=utf-8', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: form ? body : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown> & { ok: boolean; error?: string };
};

describe('the workspace Web API', () => {
  it('has random demo credentials per Redis prefix, never a fixed value', async () => {
    expect(token).toMatch(/^xoxb-workspace-[0-9a-f]{36}$/);
    const secret = await bot.redis.hget(`${bot.prefix}:workspace:credentials`, 'signingSecret');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks the Bearer token (or a token argument) with Slack envelopes', async () => {
    expect(await call('auth.test', {}, null)).toEqual({ ok: false, error: 'not_authed' });
    expect(await call('auth.test', {}, 'xoxb-wrong')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await call('auth.test', `token=${token}`, null)).toMatchObject({ ok: true, user_id: 'U0PROCUREBOT', bot_id: 'B0PROCUREBOT' });
    expect(await call('chat.delete', {})).toEqual({ ok: false, error: 'unknown_method' });
    const bad = await fetch(`${api}auth.test`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{nope' });
    expect(await bad.json()).toEqual({ ok: false, error: 'invalid_json' });
  });

  it('posts by channel name (form body, blocks as JSON text) and answers with the channel id; updates by id (JSON body)', async () => {
    const blocks = JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: '*hello*' } }]);
    const posted = await call('chat.postMessage', new URLSearchParams({ channel: '#po-approvals', text: 'hello', blocks }).toString());
    expect(posted).toMatchObject({ ok: true, channel: 'C0POAPPROVALS', message: { text: 'hello', bot_id: 'B0PROCUREBOT' } });
    expect(String(posted.ts)).toMatch(/^\d{10}\.\d{6}$/);
    expect(await call('chat.update', { channel: 'C0POAPPROVALS', ts: posted.ts, text: 'changed' })).toMatchObject({ ok: true, ts: posted.ts, text: 'changed' });
    expect(await call('chat.update', { channel: 'C0POAPPROVALS', ts: '1.000001', text: 'x' })).toEqual({ ok: false, error: 'message_not_found' });
    expect(await call('chat.postMessage', { channel: '#nowhere', text: 'x' })).toEqual({ ok: false, error: 'channel_not_found' });
    expect(await call('chat.postMessage', { channel: 'C0POAPPROVALS' })).toEqual({ ok: false, error: 'no_text' });
    expect(await call('chat.postMessage', { channel: 'C0POAPPROVALS', text: 'x', blocks: '[not json' })).toEqual({ ok: false, error: 'invalid_blocks_format' });
    const reply = await call('chat.postMessage', { channel: 'C0POAPPROVALS', thread_ts: posted.ts, text: 'lines' });
    expect(reply).toMatchObject({ ok: true, message: { thread_ts: posted.ts } });
  });

  it('maps the seeded staff: users.info and users.lookupByEmail give Odoo logins; conversations.open gives the DM', async () => {
    const info = await call('users.info', { user: 'U0AVERY' });
    expect(info).toMatchObject({ ok: true, user: { id: 'U0AVERY', real_name: 'Avery Quinn', is_bot: false, profile: { email: 'approver@northgate-supply.example', display_name: 'Avery Quinn' } } });
    expect(await call('users.lookupByEmail', { email: 'BUYER@northgate-supply.example' })).toMatchObject({ ok: true, user: { id: 'U0JORDAN', real_name: 'Jordan Blake' } });
    expect(await call('users.info', { user: 'U0NOBODY' })).toEqual({ ok: false, error: 'user_not_found' });
    expect(await call('users.lookupByEmail', { email: 'nobody@example.com' })).toEqual({ ok: false, error: 'users_not_found' });
    expect(await call('conversations.open', { users: 'U0AVERY' })).toMatchObject({ ok: true, channel: { id: 'D0AVERY' } });
    expect(await call('conversations.open', { users: 'U0PROCUREBOT' })).toEqual({ ok: false, error: 'cannot_dm_bot' });
  });

  it('keeps ephemeral messages and DMs to their person', async () => {
    expect(await call('chat.postEphemeral', { channel: 'C0POAPPROVALS', user: 'U0AVERY', text: 'only Avery' })).toMatchObject({ ok: true });
    expect(await call('chat.postEphemeral', { channel: 'D0AVERY', user: 'U0JORDAN', text: 'x' })).toEqual({ ok: false, error: 'user_not_in_channel' });
    expect(await call('chat.postMessage', { channel: 'U0AVERY', text: 'a DM for Avery' })).toMatchObject({ ok: true, channel: 'D0AVERY' });
    const seen = async (user: string, channel: string) => (await (await fetch(`${bot.url}/workspace/ui/state?user=${user}&channel=${channel}`)).json()) as { messages?: Array<{ text: string }> };
    expect((await seen('U0AVERY', 'C0POAPPROVALS')).messages?.map((m) => m.text)).toContain('only Avery');
    expect((await seen('U0JORDAN', 'C0POAPPROVALS')).messages?.map((m) => m.text)).not.toContain('only Avery');
    expect((await seen('U0AVERY', 'D0AVERY')).messages?.map((m) => m.text)).toEqual(['a DM for Avery']);
    expect((await fetch(`${bot.url}/workspace/ui/state?user=U0JORDAN&channel=D0AVERY`)).status).toBe(404);
  });

  it('opens a modal only with a live trigger_id, once, and refuses invalid views as Slack does', async () => {
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Reject order' }, submit: { type: 'plain_text', text: 'Reject' }, blocks: [] };
    expect(await call('views.open', { trigger_id: '123.456.abc', view })).toEqual({ ok: false, error: 'expired_trigger_id' });
    const trigger = await bot.workspace!.store.issueTrigger('U0AVERY');
    expect(await call('views.open', { trigger_id: trigger, view: { ...view, title: { type: 'plain_text', text: 'x'.repeat(25) } } })).toEqual({ ok: false, error: 'invalid_arguments' });
    const opened = await call('views.open', { trigger_id: trigger, view });
    expect(opened).toMatchObject({ ok: true, view: { id: expect.stringMatching(/^V0/), title: { text: 'Reject order' } } });
    expect(await call('views.open', { trigger_id: trigger, view })).toEqual({ ok: false, error: 'expired_trigger_id' });
    const id = (opened.view as { id: string; hash: string }).id;
    expect(await call('views.update', { view_id: id, hash: 'stale', view })).toEqual({ ok: false, error: 'hash_conflict' });
    expect(await call('views.update', { view_id: id, view: { ...view, title: { type: 'plain_text', text: 'Changed' } } })).toMatchObject({ ok: true, view: { id } });
    expect(await call('views.publish', { user_id: 'U0AVERY', view: { type: 'home', blocks: [] } })).toMatchObject({ ok: true });
  });

  it("is what Slack's own WebClient expects: the bot's client runs unchanged against it", async () => {
    const client = new webApi.WebClient(token, { slackApiUrl: api, retryConfig: { retries: 0 } });
    const posted = await client.chat.postMessage({ channel: '#po-approvals', text: 'from WebClient', blocks: [{ type: 'divider' }] });
    expect(posted.channel).toBe('C0POAPPROVALS');
    const wrong = new webApi.WebClient('xoxb-not-it', { slackApiUrl: api, retryConfig: { retries: 0 } });
    await expect(wrong.auth.test()).rejects.toMatchObject({ data: { ok: false, error: 'invalid_auth' } });
  });
});
