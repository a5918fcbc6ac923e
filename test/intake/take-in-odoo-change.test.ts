import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import OdooAwait from 'odoo-await';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVED_VERSIONS } from '../../adapters/embedded-odoo/rpc/odoo-service.ts';
import { webhookTiming } from '../../adapters/embedded-odoo/automation/webhook-timing.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { ensureWebhookRule } from '../../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { RedisChangeLog } from '../../adapters/store/redis-change-log.ts';
import { odooWebhookEventSchema, toRecordChanged, type OdooRecordChanged } from '../../src/intake/odoo-webhook-event.ts';
import { takeInOdooChange, type TakeInOdooChangeDeps, type TakeInResult } from '../../src/intake/take-in-odoo-change.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

/**
 * The worker's side of an Odoo webhook, against the embedded Odoo (which POSTs before the commit
 * on 17/18, after it on 19): the payload is a hint; the record is re-read until Odoo committed at
 * least that version, and a change Odoo never commits is not acted on.
 */
describe.each(SERVED_VERSIONS)('taking in an Odoo %i webhook', (version) => {
  let odoo: EmbeddedOdoo;
  let gateway: OdooAwaitGateway;
  let buyer: OdooAwait;
  let redis: Redis;
  let hook: http.Server;
  const prefix = uniquePrefix('take-in');
  // What the listener saw, and how each webhook was taken in, by arrival.
  const seen: Array<{ change: OdooRecordChanged; state: string | null }> = [];
  const taken: Array<Promise<TakeInResult>> = [];

  const deps = (over: Partial<TakeInOdooChangeDeps> = {}): TakeInOdooChangeDeps => ({
    odoo: gateway,
    changes: new RedisChangeLog(redis, prefix),
    listeners: { 'purchase.order': [async (change) => void seen.push({ change, state: await gateway.readState(change.id) })] },
    sleep: (ms) => sleep(ms),
    ...over,
  });

  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ version, seed: (store) => void seedDistribution(store, { seed: 5, scale: 10, now: new Date() }) });
    gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000 });
    buyer = new OdooAwait({ baseUrl: odoo.url, db: odoo.db, username: 'buyer@northgate-supply.example', password: 'buyer' });
    await buyer.connect();
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    // Takes each webhook in while Odoo waits for the answer, as a worker racing Odoo's commit would.
    hook = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const event = odooWebhookEventSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        taken.push(takeInOdooChange(toRecordChanged(event, new Date()), deps()));
        setTimeout(() => res.writeHead(200).end('ok'), 20);
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', () => resolve()));
    await ensureWebhookRule(gateway, `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`);
  }, 30_000);
  afterAll(async () => {
    await odoo?.stop();
    hook.closeAllConnections();
    await new Promise<void>((resolve) => hook.close(() => resolve()));
    await deleteKeys(testRedisUrl(), prefix);
    redis?.disconnect();
  });

  const newPo = async (amount = 12_000): Promise<number> => {
    const [vendor] = await gateway.searchIds('res.partner', [['supplier_rank', '>', 0]], { limit: 1 });
    const [product] = await gateway.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
    const id = (await buyer.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: amount }]] })) as number;
    await Promise.all(taken.splice(0)); // the create's own webhook
    seen.splice(0);
    return id;
  };

  it(`waits for the commit when Odoo POSTs ${webhookTiming(version)}, and acts on the announced state`, async () => {
    const id = await newPo();
    await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
    const results = await Promise.all(taken.splice(0));
    expect(results.map((r) => r.outcome)).toEqual(['dispatched']);
    expect(seen.map((s) => s.state)).toEqual(['to approve']);
    // Before the commit the first read is old: the worker read again, and never more than it had to.
    if (webhookTiming(version) === 'before-commit') expect(results[0]!.reads).toBeGreaterThan(1);
    else expect(results[0]!.reads).toBe(1);
    expect(results[0]!.waitedMs).toBeLessThan(1_000);
  });

  it('does nothing for a change Odoo rolled back, and records nothing', async () => {
    const id = await newPo();
    const before = await new RedisChangeLog(redis, prefix).last('purchase.order', id);
    await expect(buyer.execute_kw('purchase.order', 'button_confirm', [[[id, 999999999]]])).rejects.toBeTruthy();
    const results = await Promise.all(taken.splice(0));
    // 17/18 sent the change before rolling it back: never caught up. 19 sent nothing.
    expect(results.map((r) => r.outcome)).toEqual(webhookTiming(version) === 'before-commit' ? ['rolled_back'] : []);
    if (results[0]) expect(results[0].waitedMs).toBe(5_000);
    expect(seen).toEqual([]);
    expect(await new RedisChangeLog(redis, prefix).last('purchase.order', id)).toEqual(before);
    expect(await gateway.readState(id)).toBe('draft');
  }, 15_000);

  it('changes nothing for a webhook older than the version already taken in', async () => {
    const id = await newPo();
    await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
    await Promise.all(taken.splice(0));
    seen.splice(0);
    const last = await new RedisChangeLog(redis, prefix).last('purchase.order', id);
    const older = { ...toRecordChanged(odooWebhookEventSchema.parse({ _action: 'x', _id: id, _model: 'purchase.order', id, state: 'draft', write_date: '2020-01-01 00:00:00.000001' }), new Date()) };
    let reads = 0;
    const counting = { ...gateway, read: (...a: Parameters<OdooAwaitGateway['read']>) => ((reads += 1), gateway.read(...a)), searchIds: gateway.searchIds.bind(gateway) } as unknown as OdooAwaitGateway;
    expect((await takeInOdooChange(older, deps({ odoo: counting }))).outcome).toBe('stale');
    expect({ reads, seen, last: await new RedisChangeLog(redis, prefix).last('purchase.order', id) }).toEqual({ reads: 0, seen: [], last });
  });

  it('takes a record newer than the payload at once, and drops one Odoo does not have', async () => {
    const id = await newPo();
    const stale = toRecordChanged(odooWebhookEventSchema.parse({ _action: 'x', _id: id, _model: 'purchase.order', id, state: 'sent', write_date: '2021-05-05 10:00:00.5' }), new Date());
    // A change log that has not seen this record (a webhook lost, or older than Odoo's last write).
    const fresh = new RedisChangeLog(redis, `${prefix}:fresh`);
    expect(await takeInOdooChange(stale, deps({ changes: fresh }))).toMatchObject({ outcome: 'dispatched', reads: 1, waitedMs: 0 });
    expect(seen.map((s) => s.state)).toEqual(['draft']);
    const missing = toRecordChanged(odooWebhookEventSchema.parse({ _action: 'x', _id: 987654321, _model: 'purchase.order', id: 987654321, write_date: '2021-05-05 10:00:00.5' }), new Date());
    expect(await takeInOdooChange(missing, deps({ catchUp: { firstDelayMs: 10, maxWaitMs: 50 } }))).toMatchObject({ outcome: 'gone', waitedMs: 50 });
  });

  it('in the same second, waits for the payload state', async () => {
    const id = await newPo();
    const [po] = await gateway.read('purchaseOrder', [id]);
    const second = po!.writeDate.toISOString().slice(0, 19).replace('T', ' ');
    const sameSecondOtherState = toRecordChanged(odooWebhookEventSchema.parse({ _action: 'x', _id: id, _model: 'purchase.order', id, state: 'to approve', write_date: `${second}.999999` }), new Date());
    expect(await takeInOdooChange(sameSecondOtherState, deps({ catchUp: { firstDelayMs: 10, maxWaitMs: 70 } }))).toMatchObject({ outcome: 'rolled_back', reads: 4, waitedMs: 70 });
    expect(seen).toEqual([]);
  });
});
