import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { receiveApprovalClick } from '../../src/approvals/receive-approval-click.ts';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { BullJobQueue, closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { createIntakeRedis, whenReady } from '../../adapters/store/redis-connection.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint } from '../support/slack-sign.ts';
import { startToggleProxy, type ToggleProxy } from '../support/toggle-proxy.ts';

const SECRET = 'test-signing-secret';
const VALUE = JSON.stringify({ r: 'req-po-42', v: 'v7a1b2c3d4' });
const prefix = uniquePrefix('click-intake');

let proxy: ToggleProxy;
let intake: Redis;
let queues: BullQueues;
let direct: Redis;
let fake: FakeSlackApi;
let server: Server;
let endpoint: string;
let n = 0;

/** A signed approve click on the card, with a response_url, each one a new click (its own action_ts). */
const click = () =>
  postToSlackEndpoint(endpoint, interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: VALUE, responseUrl: fake.responseUrl, actionTs: `1700000300.${String(++n).padStart(6, '0')}` })));
const decideJobs = async () => (await direct.keys(`${prefix}:writeback:decide-*`)).length;

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  // The web process's intake connection, through a TCP proxy that can take "Redis" down or hang it.
  proxy = await startToggleProxy(Number(new URL(testRedisUrl()).port || 6379));
  intake = createIntakeRedis(proxy.url.replace('http:', 'redis:'));
  intake.on('error', () => undefined);
  await whenReady(intake);
  queues = createQueues(intake, prefix);
  direct = new Redis(testRedisUrl());
  fake = await startFakeSlackApi({ users: [] });
  const logger = pino({ level: 'silent' });
  const app = createHttpApp(logger);
  const queue = new BullJobQueue(queues);
  mountSlack(app, { signingSecret: SECRET, botToken: 'xoxb-test-token', apiUrl: fake.url, logger, onApprovalClick: (c) => receiveApprovalClick(c, queue) });
  finishHttpApp(app, logger);
  server = await listen(app, 0, '127.0.0.1');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  await whenReady(intake);
});

afterAll(async () => {
  proxy.up();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await closeQueues(queues).catch(() => undefined);
  intake.disconnect();
  await proxy.stop();
  await fake.stop();
  await deleteKeys(testRedisUrl(), prefix);
  direct.disconnect();
});

beforeEach(() => {
  fake.calls.length = 0;
});

describe('an approve click is acked only once it is queued', () => {
  it('queues the click before the ack: the job is in Redis when the 200 arrives', async () => {
    const before = await decideJobs();
    const res = await click();
    expect(res.status).toBe(200);
    expect(await decideJobs()).toBe(before + 1);
    expect(fake.callsOf('response_url')).toHaveLength(0);
  });

  it('Redis down: answers in time and tells the clicker privately to click again; nothing is queued', async () => {
    proxy.down();
    await eventually(() => intake.status !== 'ready');
    const before = await decideJobs();
    const res = await click();
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(2_500);
    await eventually(() => fake.callsOf('response_url').length === 1);
    expect(fake.callsOf('response_url')[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(fake.callsOf('response_url')[0]!.body.text)).toContain('could not record your click');
    expect(await decideJobs()).toBe(before);
  });

  it('Redis hanging: the ack still goes out within the budget, with the same private answer', async () => {
    proxy.up();
    await eventually(async () => (await intake.ping().catch(() => '')) === 'PONG');
    proxy.stall();
    const before = await decideJobs();
    const res = await click();
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(2_500);
    await eventually(() => fake.callsOf('response_url').length === 1);
    expect(String(fake.callsOf('response_url')[0]!.body.text)).toContain('could not record your click');
    expect(await decideJobs()).toBe(before);
  });

  it('Redis back: clicks are queued again', async () => {
    proxy.up();
    // The stalled connection times out its commands; ioredis reconnects when it is cut.
    proxy.down();
    proxy.up();
    await eventually(async () => (await intake.ping().catch(() => '')) === 'PONG');
    const before = await decideJobs();
    const res = await click();
    expect(res.status).toBe(200);
    expect(await decideJobs()).toBe(before + 1);
    expect(fake.callsOf('response_url')).toHaveLength(0);
  });
});
