import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeRelay } from '../../adapters/queue/relay-intake.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const TOKEN = 'intake-backlog-token-0123456789';
// `npm run web` without any worker: what it takes in waits in the intake stream, visibly.
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ ODOO_WEBHOOK_TOKEN: TOKEN }, { workers: false });
}, 60_000);
afterAll(async () => bot?.close());

const backlogOnMetrics = async () => Number(/^chatops_intake_backlog (\d+)$/m.exec(await (await fetch(`${bot.url}/metrics`)).text())?.[1] ?? NaN);

describe('what the web process took in and no worker has moved yet', () => {
  it('is counted on /metrics and the operations page, and lands in its queue once a worker relays it', async () => {
    const [order] = await bot.odoo.gateway.search('purchaseOrder', { domain: [['state', '=', 'purchase']], limit: 1 });
    const body = { _action: 'Send Webhook Notification(#421)', _id: order!.id, _model: 'purchase.order', id: order!.id, state: 'purchase', write_date: '2026-12-05 03:50:01.120000' };
    const post = () => fetch(`${bot.url}/webhooks/odoo/${TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post()).status).toBe(202);
    expect((await post()).status).toBe(200); // Odoo's repeat of the same version
    expect(await backlogOnMetrics()).toBe(1);
    expect(await bot.queues.scan.getWaitingCount()).toBe(0);
    const page = await (await fetch(`${bot.url}/workspace/ops`)).text();
    expect(page).toMatch(/Taken in, not yet in a queue: 1 \(/);

    // A worker starts: its relay moves the entry into the scan queue, as one job.
    const relay = await startIntakeRelay({ connection: bot.redis, prefix: bot.prefix, queues: bot.queues, logger: pino({ level: 'silent' }), blockMs: 200 });
    try {
      await waitFor(async () => (await backlogOnMetrics()) === 0, 5_000, 'the relay to empty the intake stream');
      const jobs = await bot.queues.scan.getJobs(['waiting']);
      expect(jobs.map((j) => [j.name, j.data.id])).toEqual([['odoo-record-changed', order!.id]]);
      expect(await (await fetch(`${bot.url}/workspace/ops`)).text()).toMatch(/Taken in, not yet in a queue: 0 \(/);
    } finally {
      await relay.close();
    }
  }, 30_000);
});
