/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON is untyped data */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { SERVED_VERSIONS } from '../../adapters/embedded-odoo/rpc/odoo-service.ts';
import { webhookTiming } from '../../adapters/embedded-odoo/automation/webhook-timing.ts';
import { odooRecordingPath } from '../support/paths.ts';
import { call, client } from './rpc-helpers.ts';
import { asNewAs, observeWebhookTiming, type TimingTransition } from './webhook-timing-probe.ts';

/**
 * The embedded Odoo sends automation webhooks when real Odoo does (flows.json,
 * `webhook_before_commit`): 17/18 from inside the transaction, before the commit (and also for a
 * call that then rolls back), 19 after the commit. The recorder's probe runs against it and must
 * see what it saw on the real servers.
 */
const recorded = (v: number) => JSON.parse(readFileSync(odooRecordingPath(v, 'flows.json'), 'utf8')).webhook_before_commit;

async function uidOf(odoo: EmbeddedOdoo, login: string, password: string): Promise<number> {
  const r = await call(odoo.url, 'common', 'authenticate', [odoo.db, login, password, {}]);
  if (!r.ok || typeof r.value !== 'number') throw new Error(`cannot log in as ${login}`);
  return r.value;
}

async function seededOdoo(version: (typeof SERVED_VERSIONS)[number]): Promise<EmbeddedOdoo> {
  return startEmbeddedOdoo({ version, seed: (store) => void seedDistribution(store, { seed: 3, scale: 10, now: new Date() }) });
}

describe.each(SERVED_VERSIONS)('webhooks and the commit on the embedded Odoo %i', (version) => {
  let odoo: EmbeddedOdoo;
  let seen: TimingTransition[];
  const ref = recorded(version);

  beforeAll(async () => {
    odoo = await seededOdoo(version);
    const admin = { uid: await uidOf(odoo, 'admin', 'admin'), password: 'admin' };
    const buyer = { uid: await uidOf(odoo, 'buyer@northgate-supply.example', 'buyer'), password: 'buyer' };
    seen = await observeWebhookTiming(odoo, admin, buyer);
  }, 30_000);
  afterAll(async () => odoo?.stop());

  it('POSTs per transition and rule as recorded (3 for the filter rule, 1 per state change)', () => {
    expect(seen.map((t) => t.postsPerRule)).toEqual(ref.summary.map((s: any) => s.posts_per_rule));
    expect(seen.map((t) => t.payloadStates)).toEqual(ref.summary.map((s: any) => s.payload_states));
  });

  it(`POSTs ${webhookTiming(version)}: a reader on another connection sees what it saw on real Odoo ${version}`, () => {
    expect(seen.map((t) => t.immediateReadStates)).toEqual(ref.summary.map((s: any) => s.immediate_read_states));
    expect(seen.map((t) => t.committedAfter)).toEqual(ref.summary.map((s: any) => s.committed_after));
    for (const [i, t] of seen.entries()) {
      const r = ref.transitions[i];
      expect(t.rpcFault?.faultCode ?? null, t.transition).toBe(r.rpc_fault?.faultCode ?? null);
      // The user's database id differs between the recorded database and the embedded one (on 19
      // the buyer is user 7 there, 8 here): compare the fault with it masked.
      const masked = (line: string | undefined) => line?.replace(/User: \d+/, 'User: N');
      if (r.rpc_fault) expect(masked(t.rpcFault?.last), t.transition).toBe(masked(String(r.rpc_fault.faultString).trim().split('\n').at(-1)));
    }
  });

  it('the write catches up for the reader after the commit, and never when it rolled back', () => {
    for (const t of seen) {
      const rolledBack = t.transition.startsWith('rolled back');
      for (const p of t.posts) {
        expect(p.reread?.asNew, `${t.transition} (${p.rule})`).toBe(!rolledBack);
        // Old state and write_date until then: a receiver can tell an old read from a new one.
        expect(asNewAs(p.immediateRead, p.payload), `${t.transition} (${p.rule})`).toBe(webhookTiming(version) === 'after-commit');
      }
    }
  });
});

async function draftPo(x: ReturnType<typeof client>): Promise<number> {
  const [vendor] = await x('res.partner', 'search', [[['supplier_rank', '>', 0]]], { limit: 1 });
  const [product] = await x('product.product', 'search', [[['purchase_ok', '=', true]]], { limit: 1 });
  return x('purchase.order', 'create', [{ partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 2, price_unit: 10 }]] }]);
}

describe.each(SERVED_VERSIONS.filter((v) => webhookTiming(v) === 'before-commit'))('a webhook receiver that does not answer, on the embedded Odoo %i', (version) => {
  let odoo: EmbeddedOdoo;
  let silent: http.Server;
  beforeAll(async () => {
    odoo = await seededOdoo(version);
    silent = http.createServer(() => undefined); // reads the POST, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    await odoo?.stop();
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('holds the write out of sight until the 1 s timeout, then commits it', async () => {
    const x = client(odoo.url, odoo.db, await uidOf(odoo, 'admin', 'admin'), 'admin');
    const [modelId] = await x('ir.model', 'search', [[['model', '=', 'purchase.order']]]);
    const stateField = await x('ir.model.fields', 'search', [[['model', '=', 'purchase.order'], ['name', '=', 'state']]]);
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
    await x('base.automation', 'create', [{ name: 'silent', model_id: modelId, trigger: 'on_create_or_write', trigger_field_ids: [[6, 0, stateField]], action_server_ids: [[0, 0, { name: 'silent', model_id: modelId, state: 'webhook', webhook_url: url }]] }]);
    const po = await draftPo(x);
    const started = Date.now();
    const cancelling = x('purchase.order', 'button_cancel', [[po]]).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 500));
    const during = (await x('purchase.order', 'read', [[po]], { fields: ['state'] }))[0].state;
    expect(await cancelling).toMatch(/cannot marshal None/); // committed, then None cannot be marshalled
    const took = Date.now() - started;
    const after = (await x('purchase.order', 'read', [[po]], { fields: ['state'] }))[0].state;
    expect({ during, after }).toEqual({ during: 'draft', after: 'cancel' });
    expect(took).toBeGreaterThanOrEqual(1000);
    expect(took).toBeLessThan(2500);
  });

  it('rolls a failed call back: nothing it wrote stays', async () => {
    const x = client(odoo.url, odoo.db, await uidOf(odoo, 'admin', 'admin'), 'admin');
    const po = await draftPo(x);
    const before = (await x('purchase.order', 'read', [[po]], { fields: ['state', 'write_date', 'message_ids'] }))[0];
    await expect(x('purchase.order', 'button_cancel', [[po, 999999999]])).rejects.toThrow(/fault 2: Record does not exist/);
    const after = (await x('purchase.order', 'read', [[po]], { fields: ['state', 'write_date', 'message_ids'] }))[0];
    expect(after).toEqual(before);
  });
});
