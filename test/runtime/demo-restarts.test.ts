/**
 * The demo restarted keeps its word: the embedded Odoo keeps its data under STATE_DIR/odoo and
 * the bot its state in Redis, so after each of three restarts every approval card, the PO's state
 * in Odoo and the `/po` answer agree, and no card is posted twice. `demo:reset` then starts both
 * afresh, and refuses while the demo runs or when the bot works on a real Odoo.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { DemoResetRefused, resetDemo } from '../../adapters/runtime/reset-demo.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import { STATE_WORDS } from '../../src/status/state-words.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { blocksOf, buttonsOf, CHANNEL, SIGNING_SECRET, SLACK_USERS } from '../support/approval-harness.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint, rejectSubmissionPayload } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { waitingPoFactory } from '../support/waiting-po.ts';
import { slashCommandRequest } from '../status/status-harness.ts';

const reuse = { prefix: uniquePrefix('restarts'), stateDir: mkdtempSync(join(tmpdir(), 'demo-restarts-')) };
const ENV = {
  EMBEDDED_ODOO_SCALE: '30', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET,
  POLICY_FILE: resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'),
};
let slack: FakeSlackApi;
let bot: TestBot | undefined;
let seq = 0;
const approved = { id: 0, name: '', ts: '' };
const rejected = { id: 0, name: '', ts: '' };

const start = async () => (bot = await startTestBot({ ...ENV, SLACK_API_URL: slack.url }, { reuse }));
const admin = () => new OdooAwaitGateway({ url: bot!.odoo.url, db: bot!.odoo.db, username: 'admin', password: 'admin', timeoutMs: 10_000 });
const cardPosts = (name: string) => slack.callsOf('chat.postMessage').filter((c) => c.body.channel === CHANNEL && String(c.body.text ?? '').includes(name) && c.response?.ok);
const cardText = (ts: string) => {
  const last = slack.calls.filter((c) => c.response?.ok && ((c.method === 'chat.update' && c.body.ts === ts) || (c.method === 'chat.postMessage' && c.response.ts === ts))).at(-1);
  return last ? `${String(last.body.text ?? '')}\n${JSON.stringify(blocksOf(last.body))}` : '';
};
const click = (ts: string, buttons: Record<string, string>, action: 'approve' | 'reject') => {
  seq += 1;
  const u = SLACK_USERS.avery;
  const payload = buttonClickPayload({ actionId: `approval_${action}`, value: buttons[`approval_${action}`]!, userId: u.id, userName: u.name, channel: CHANNEL, messageTs: ts, actionTs: `1800000000.${String(seq).padStart(6, '0')}`, responseUrl: slack.responseUrl });
  return postToSlackEndpoint(`${bot!.url}/slack/events`, interactivityRequest(SIGNING_SECRET, payload));
};
async function poAnswer(name: string): Promise<string> {
  const from = slack.calls.length;
  const u = SLACK_USERS.avery;
  await postToSlackEndpoint(`${bot!.url}/slack/events`, slashCommandRequest(SIGNING_SECRET, { command: '/po', text: name, userId: u.id, userName: u.name, channelId: 'C0PROCURE', responseUrl: slack.responseUrl }));
  let text = '';
  await waitFor(() => {
    const call = slack.calls.slice(from).find((c) => c.method === 'response_url');
    text = call ? `${String(call.body.text ?? '')}\n${JSON.stringify(call.body.blocks ?? [])}` : '';
    return call !== undefined;
  }, 15_000, `the /po ${name} answer`);
  return text;
}
async function firstCard(name: string): Promise<{ ts: string; buttons: Record<string, string> }> {
  await waitFor(() => cardPosts(name).length > 0, 20_000, `the card of ${name}`);
  const post = cardPosts(name)[0]!;
  return { ts: String(post.response!.ts), buttons: buttonsOf(post.body) };
}

beforeAll(async () => {
  slack = await startFakeSlackApi({ users: Object.values(SLACK_USERS) });
  await start();
  const pos = await waitingPoFactory(bot!.odoo, admin(), 'buyer@northgate-supply.example');
  Object.assign(approved, await pos.create({ amount: 9000 }));
  Object.assign(rejected, await pos.create({ amount: 8000 }));
  const a = await firstCard(approved.name);
  const r = await firstCard(rejected.name);
  approved.ts = a.ts;
  rejected.ts = r.ts;
  expect((await click(a.ts, a.buttons, 'approve')).status).toBe(200);
  expect((await click(r.ts, r.buttons, 'reject')).status).toBe(200);
  await waitFor(() => slack.callsOf('views.open').length > 0, 10_000, 'the reject modal');
  const opened = slack.callsOf('views.open').at(-1)!;
  const view = (typeof opened.body.view === 'string' ? JSON.parse(opened.body.view) : opened.body.view) as { private_metadata: string };
  await postToSlackEndpoint(`${bot!.url}/slack/events`, interactivityRequest(SIGNING_SECRET, rejectSubmissionPayload({ privateMetadata: view.private_metadata, reason: 'Over the framework price', userId: SLACK_USERS.avery.id, viewId: 'V0RESTART' })));
  await waitFor(() => /written to Odoo/i.test(cardText(a.ts)) && /Rejected by Avery Quinn/i.test(cardText(r.ts)), 30_000, 'both decisions written to Odoo');
}, 120_000);

afterAll(async () => {
  await bot?.close();
  await slack?.stop();
  await deleteKeys(testRedisUrl(), reuse.prefix);
  rmSync(reuse.stateDir, { recursive: true, force: true });
});

/** Cards, Odoo and /po agree; every PO waiting in Odoo has exactly one open request and one card. */
async function expectAgreement(): Promise<void> {
  const odoo = admin();
  try {
    expect(await odoo.readState(approved.id)).toBe('purchase');
    expect(await odoo.readState(rejected.id)).toBe('cancel');
    expect(cardText(approved.ts)).toMatch(/Approved by Avery Quinn.*written to Odoo/is);
    expect(cardText(rejected.ts)).toMatch(/Rejected by Avery Quinn/i);
    expect(await bot!.approvals.store.openFor(approved.id)).toBeNull();
    expect(await bot!.approvals.store.openFor(rejected.id)).toBeNull();
    expect(await poAnswer(approved.name)).toContain(STATE_WORDS.purchase);
    const rejectedAnswer = await poAnswer(rejected.name);
    expect(rejectedAnswer).toContain(STATE_WORDS.cancel);
    expect(rejectedAnswer).toContain('Over the framework price');

    const waiting = await odoo.searchIds('purchase.order', [['state', '=', 'to approve']]);
    await waitFor(async () => (await bot!.approvals.store.openIds()).length === waiting.length, 20_000, 'an open request for every PO waiting in Odoo');
    for (const id of waiting) {
      const request = await bot!.approvals.store.openFor(id);
      expect(request, `PO ${id} waits in Odoo`).not.toBeNull();
      await waitFor(() => cardPosts(request!.snapshot.orderName).length > 0, 20_000, `the card of ${request!.snapshot.orderName}`);
      expect(cardPosts(request!.snapshot.orderName)).toHaveLength(1);
    }
    expect(cardPosts(approved.name)).toHaveLength(1);
    expect(cardPosts(rejected.name)).toHaveLength(1);
  } finally {
    odoo.close();
  }
}

describe('the demo across restarts', () => {
  it('agrees before any restart', async () => {
    expect(bot!.odoo.embedded).toBe(true);
    await expectAgreement();
  }, 60_000);

  it.each([1, 2, 3])('agrees after restart %i: Odoo kept its data, no card is posted again', async () => {
    await bot!.close();
    await start();
    // The reconciliation runs at start: give it the time to (wrongly) post or reopen anything.
    await new Promise((r) => setTimeout(r, 1500));
    await expectAgreement();
  }, 90_000);

  it('demo:reset refuses while the demo runs and for a real Odoo, then starts both afresh', async () => {
    const config = parseConfig({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: reuse.prefix, REDIS_AUTOSTART: 'false', STATE_DIR: reuse.stateDir });
    await expect(resetDemo(config)).rejects.toThrow(/the demo is running \(process \d+ holds .*odoo\): stop it/);
    await expect(resetDemo(parseConfig({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: reuse.prefix, STATE_DIR: reuse.stateDir, ODOO_URL: 'http://odoo.example', ODOO_DB: 'x', ODOO_USERNAME: 'a', ODOO_PASSWORD: 'b', ODOO_WEBHOOK_TOKEN: 'a-random-token-0123456789' }))).rejects.toBeInstanceOf(DemoResetRefused);
    expect(existsSync(join(reuse.stateDir, 'odoo', 'snapshot.json'))).toBe(true);

    await bot!.close();
    const outcome = await resetDemo(config);
    expect(outcome).toMatchObject({ odooRemoved: true, keyPrefix: reuse.prefix });
    expect(outcome.keysDeleted).toBeGreaterThan(0);
    expect(existsSync(join(reuse.stateDir, 'odoo'))).toBe(false);
    const redis = new Redis(testRedisUrl());
    try {
      expect(await redis.keys(`${reuse.prefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }

    await start();
    const odoo = admin();
    try {
      // Seeded afresh: the POs made in this test are gone with the rest.
      expect(await odoo.searchIds('purchase.order', [['id', '=', approved.id], ['state', '=', 'purchase'], ['name', '=', approved.name]])).toEqual([]);
    } finally {
      odoo.close();
    }
  }, 90_000);
});
