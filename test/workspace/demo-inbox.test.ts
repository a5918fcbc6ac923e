import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoInbox } from '../../adapters/workspace/demo-inbox/send-demo-inbox.ts';
import type { WorkspaceMessage } from '../../adapters/workspace/workspace-store.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const run = promisify(execFile);
const DM = 'D0JORDAN';
let bot: TestBot;
let started: number;
beforeAll(async () => {
  started = Date.now();
  // Demo mode as `npm start` runs it, the demo mail gateway sooner than its 3/15/27 s.
  bot = await startTestBot({}, { demoInbox: { delaysMs: [300, 600, 900] } });
}, 60_000);
afterAll(async () => bot?.close());

const triageCards = async () => (await bot.workspace!.store.messages(DM, 'U0JORDAN')).filter((m: WorkspaceMessage) => m.user === 'U0PROCUREBOT' && JSON.stringify(m.blocks ?? []).includes('triage_actions'));

describe('demo mode: supplier emails arrive after start, through the webhook', () => {
  it("puts three triage cards in the demo buyer's DM: a delay, a partial shipment and a price change", async () => {
    await waitFor(async () => (await triageCards()).length >= 3, 45_000, 'three triage cards in the buyer DM');
    expect(Date.now() - started).toBeLessThan(60_000);
    const cards = (await triageCards()).map((m) => JSON.stringify(m.blocks));
    expect(cards.some((c) => /Delay/i.test(c) && /new ETA/i.test(c))).toBe(true);
    expect(cards.some((c) => /Partial shipment/i.test(c))).toBe(true);
    expect(cards.some((c) => /Price change/i.test(c) && /\+6%/.test(c))).toBe(true);
    // They came the way a mail gateway delivers: signed POSTs, accepted.
    const intake = await (await fetch(`${bot.url}/metrics`)).text();
    expect(intake).toMatch(/chatops_webhook_requests_total\{source="supplier-email",outcome="accepted"\} 3/);
    // The 45 emails already in the PO chatter are history, not news: only these three are cards.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await triageCards()).toHaveLength(3);
  }, 60_000);

  it('sends each email once per Redis prefix: a restart delivers nothing again', async () => {
    let requests = 0;
    const capture = createServer((_req, res) => {
      requests += 1;
      res.writeHead(202).end('{"status":"accepted"}');
    });
    await new Promise<void>((ok) => capture.listen(0, '127.0.0.1', ok));
    try {
      const stop = startDemoInbox({ redis: bot.redis, prefix: bot.prefix, odoo: bot.odoo.gateway, ownUrl: `http://127.0.0.1:${(capture.address() as AddressInfo).port}`, secret: 'x', logger: pino({ level: 'silent' }), delaysMs: [0, 0, 0] });
      await new Promise((r) => setTimeout(r, 1_500));
      stop();
      expect(requests).toBe(0);
      expect(Object.keys(await bot.redis.hgetall(`${bot.prefix}:workspace:demo-inbox`)).sort()).toEqual(['delay', 'partial-shipment', 'price-change']);
    } finally {
      await new Promise((r) => capture.close(r));
    }
  });
});

describe('the operations page: the demo supplier-email webhook', () => {
  const curlOf = async () => {
    const page = await (await fetch(`${bot.url}/workspace/ops`)).text();
    const pre = /<pre id="supplier-email-curl">([\s\S]*?)<\/pre>/.exec(page)?.[1];
    expect(pre).toBeDefined();
    return pre!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  };

  it('shows the demo secret and a curl example that, pasted into bash, is accepted and makes a card', async () => {
    const secret = await bot.redis.hget(`${bot.prefix}:workspace:credentials`, 'supplierEmailSecret');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const page = await (await fetch(`${bot.url}/workspace/ops`)).text();
    expect(page).toContain(secret!);
    expect(page).toContain(`${new URL(bot.url).host}/webhooks/supplier-email`);
    const before = (await triageCards()).length;
    const script = await curlOf();
    const first = await run('bash', ['-c', script]);
    expect(JSON.parse(first.stdout)).toEqual({ status: 'accepted' });
    // Each paste is a new email (a new Message-ID), not a duplicate.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(JSON.parse((await run('bash', ['-c', script])).stdout)).toEqual({ status: 'accepted' });
    await waitFor(async () => (await triageCards()).length >= before + 1, 20_000, 'the confirmation card');
    expect(JSON.stringify((await triageCards()).slice(before))).toMatch(/Confirmation/i);
    // The same example with a guessed secret is refused and changes nothing.
    const forged = await run('bash', ['-c', script.replace(secret!, 'a'.repeat(64))]);
    expect(JSON.parse(forged.stdout)).toMatchObject({ error: 'bad_signature' });
  }, 40_000);
});
