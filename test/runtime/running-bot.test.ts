import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../adapters/store/ensure-redis.ts';
import { RedisChangeLog } from '../../adapters/store/redis-change-log.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { waitFor } from '../support/spawn-bot.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ ODOO_WEBHOOK_TOKEN: 'running-bot-token-0123456789' });
});
afterAll(async () => bot?.close());

describe('the running bot (npm start on embedded defaults)', () => {
  it('is healthy and ready with Redis and the embedded Odoo', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const res = await fetch(`${bot.url}/readyz`);
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(res.status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.checks.redis?.ok).toBe(true);
    expect(body.checks.odoo).toMatchObject({ ok: true });
    expect(body.checks.odoo?.detail).toMatch(/^Odoo 19\.0 at http:\/\/127\.0\.0\.1:\d+ over JSON-2 \(embedded\)$/);
  });

  it('serves Prometheus metrics with queue gauges and the Odoo call histogram', async () => {
    await fetch(`${bot.url}/readyz`);
    const text = await (await fetch(`${bot.url}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/chatops_queue_jobs\{queue="writeback",state="waiting"\} \d+/);
    expect(text).toMatch(/chatops_queue_failed_jobs\{queue="scan"\} \d+/);
    expect(text).toMatch(/chatops_odoo_call_duration_seconds_count\{model="common",method="version",outcome="ok"\} \d+/);
  });

  it('takes an Odoo webhook through the scan queue into the change log', async () => {
    const [order] = await bot.odoo.gateway.search('purchaseOrder', { domain: [['state', '=', 'purchase']], limit: 1 });
    expect(order).toBeDefined();
    const body = { _action: 'Send Webhook Notification(#421)', _id: order!.id, _model: 'purchase.order', id: order!.id, state: 'purchase', write_date: '2026-11-26 22:17:21.480189' };
    const res = await fetch(`${bot.url}/webhooks/odoo/running-bot-token-0123456789`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    const changes = new RedisChangeLog(bot.redis, bot.prefix);
    await waitFor(async () => (await changes.last('purchase.order', order!.id)) !== null, 5_000, 'the change to be taken in');
    expect(await changes.last('purchase.order', order!.id)).toMatchObject({ version: '2026-11-26 22:17:21.480189' });
  });

  it('drops a webhook about a record that does not exist in Odoo', { timeout: 20_000 }, async () => {
    const body = { _action: 'x', _id: 987654, _model: 'purchase.order', id: 987654, write_date: '2026-11-26 22:17:21.000001' };
    const res = await fetch(`${bot.url}/webhooks/odoo/running-bot-token-0123456789`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    const done = async () => (await bot.queues.scan.getCompleted()).find((j) => j.name === 'odoo-record-changed' && j.data.id === 987654);
    // It waits up to 5 s for Odoo to commit it (17/18 POST before the commit, also for new records).
    await waitFor(async () => (await done()) !== undefined, 10_000, 'the job to complete');
    expect((await done())?.returnvalue).toBe('gone');
    expect(await new RedisChangeLog(bot.redis, bot.prefix).last('purchase.order', 987654)).toBeNull();
  });
});

describe('webhook rules in demo mode', () => {
  it('registers the automation rules on the embedded Odoo, and a receipt change reaches the bot', async () => {
    const names = await bot.odoo.gateway.searchIds('base.automation', [['name', 'ilike', 'Chatops bot:']]);
    expect(names).toHaveLength(3);
    const [picking] = await bot.odoo.gateway.search('receipt', { domain: [['state', '=', 'assigned']], limit: 1 });
    expect(picking).toBeDefined();
    await bot.odoo.gateway.write('stock.picking', [picking!.id], { scheduled_date: new Date(Date.now() - 3 * 86_400_000) });
    const changes = new RedisChangeLog(bot.redis, bot.prefix);
    await waitFor(async () => (await changes.last('stock.picking', picking!.id)) !== null, 10_000, 'the receipt webhook to be taken in');
  });
});

describe('readiness when Odoo is down', () => {
  it('stays ready (Redis answers), reports Odoo down in the body and in /metrics', async () => {
    const port = await freePort();
    const down = await startTestBot({ ODOO_URL: `http://127.0.0.1:${port}`, ODOO_DB: 'prod', ODOO_USERNAME: 'bot', ODOO_PASSWORD: 'secret', ODOO_WEBHOOK_TOKEN: 'x'.repeat(20), ODOO_TIMEOUT_MS: '1000', POLICY_FILE: 'policy.example.yaml' }, { workers: false });
    try {
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
      const res = await fetch(`${down.url}/readyz`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; required: boolean; detail?: string }>; warnings: string[] };
      expect(body.status).toBe('ready, degraded');
      expect(body.checks.redis).toMatchObject({ ok: true, required: true });
      expect(body.checks.odoo).toMatchObject({ ok: false, required: false });
      expect(body.checks.odoo?.detail).toContain(`Odoo at http://127.0.0.1:${port} refused the connection`);
      expect(body.warnings.join('\n')).toMatch(/odoo is not answering .*retried/);
      const metrics = await (await fetch(`${down.url}/metrics`)).text();
      expect(metrics).toContain('chatops_dependency_up{dependency="odoo",required="false"} 0');
      expect(metrics).toContain('chatops_dependency_up{dependency="redis",required="true"} 1');
    } finally {
      await down.close();
    }
  });
});
