/* eslint-disable @typescript-eslint/no-explicit-any -- RPC answers and webhook bodies are untyped data */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { client } from './rpc-helpers.ts';

/**
 * What scripts/record-odoo-fixtures.py does to record `webhook_before_commit` on a real Odoo, in
 * TypeScript: a listener reads the PO over another connection the moment each webhook POST
 * arrives, before answering it, then re-reads with a backoff (50 ms doubling) until Odoo's record
 * is at least as new as the payload. Used to replay the recordings against the embedded Odoo.
 */
export interface ProbePost {
  transition: string | null;
  rule: string;
  payload: any;
  immediateRead: any;
  reread?: { asNew: boolean; tries: number; record: any };
}

export interface TimingTransition {
  transition: string;
  rpcFault: { faultCode: number; last: string } | null;
  committedAfter: string | undefined;
  postsPerRule: Record<string, number>;
  payloadStates: string[];
  immediateReadStates: string[];
  posts: ProbePost[];
}

/** The recorder's as_new_as: a later second, or the same second with the payload's state. */
export function asNewAs(rec: any, payload: any): boolean {
  if (!rec) return false;
  const second = String(payload.write_date).slice(0, 19);
  return rec.write_date > second || (rec.write_date === second && rec.state === payload.state);
}

export async function observeWebhookTiming(odoo: { url: string; db: string }, admin: { uid: number; password: string }, buyer: { uid: number; password: string }, opts: { rereadForMs?: number } = {}): Promise<TimingTransition[]> {
  const asAdmin = client(odoo.url, odoo.db, admin.uid, admin.password);
  const asBuyer = client(odoo.url, odoo.db, buyer.uid, buyer.password);
  const poNow = async (id: number) => ((await asAdmin('purchase.order', 'read', [[id]], { fields: ['state', 'write_date'] })) as any[])[0] ?? null;
  const posts: ProbePost[] = [];
  const rereads: Array<Promise<void>> = [];
  let doing: string | null = null;

  const listener = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const entry: ProbePost = { transition: doing, rule: String(req.url).split('/').at(-1) ?? '', payload, immediateRead: null };
      posts.push(entry);
      void poNow(payload._id).then(async (seen) => {
        entry.immediateRead = seen;
        res.writeHead(200).end('ok');
        rereads.push((async () => {
          let delay = 50;
          let waited = 0;
          let tries = 0;
          let rec: any = null;
          while (waited < (opts.rereadForMs ?? 2000)) {
            await sleep(delay);
            waited += delay;
            tries += 1;
            rec = await poNow(payload._id);
            if (asNewAs(rec, payload)) break;
            delay = Math.min(delay * 2, 1000);
          }
          entry.reread = { asNew: asNewAs(rec, payload), tries, record: rec };
        })());
      });
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/webhook-timing`;
  try {
    const [modelId] = await asAdmin('ir.model', 'search', [[['model', '=', 'purchase.order']]]);
    const fieldIds = await asAdmin('ir.model.fields', 'search', [[['model', '=', 'purchase.order'], ['name', 'in', ['name', 'state', 'amount_total', 'partner_id', 'user_id', 'write_date']]]]);
    const stateField = await asAdmin('ir.model.fields', 'search', [[['model', '=', 'purchase.order'], ['name', '=', 'state']]]);
    const action = (name: string) => [[0, 0, { name, model_id: modelId, state: 'webhook', webhook_url: `${base}/${name}`, webhook_field_ids: [[6, 0, fieldIds]] }]];
    const rules: Record<string, number> = {
      filter: await asAdmin('base.automation', 'create', [{ name: 'probe filter', model_id: modelId, trigger: 'on_create_or_write', filter_domain: "[('state', '=', 'to approve')]", action_server_ids: action('filter') }]),
      'state-change': await asAdmin('base.automation', 'create', [{ name: 'probe state change', model_id: modelId, trigger: 'on_create_or_write', trigger_field_ids: [[6, 0, stateField]], action_server_ids: action('state-change') }]),
    };
    const [vendor] = await asAdmin('res.partner', 'search', [[['supplier_rank', '>', 0]]], { limit: 1 });
    const [product] = await asAdmin('product.product', 'search', [[['purchase_ok', '=', true]]], { limit: 1 });
    const newPo = () => asBuyer('purchase.order', 'create', [{ partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 100, price_unit: 120 }]] }]);
    const poT: number = await newPo();
    const poRb: number = await newPo();
    const steps: Array<[string, number, () => Promise<any>]> = [
      ['draft -> to approve: button_confirm by the buyer', poT, () => asBuyer('purchase.order', 'button_confirm', [[poT]])],
      ['to approve -> purchase: button_approve by a purchase manager', poT, () => asAdmin('purchase.order', 'button_approve', [[poT]])],
      ['purchase -> cancel: button_cancel', poT, () => asAdmin('purchase.order', 'button_cancel', [[poT]])],
      ['rolled back: button_confirm by the buyer on [draft PO, missing id]', poRb, () => asBuyer('purchase.order', 'button_confirm', [[poRb, 999999999]])],
    ];
    const out: TimingTransition[] = [];
    for (const [label, poId, run] of steps) {
      doing = label;
      let rpcFault: TimingTransition['rpcFault'] = null;
      try {
        await run();
      } catch (e) {
        const m = /^fault (\d+): ([\s\S]*)$/.exec((e as Error).message);
        rpcFault = { faultCode: Number(m?.[1]), last: String(m?.[2]).trim().split('\n').at(-1) ?? '' };
      }
      const after = await poNow(poId);
      doing = null;
      await Promise.all(rereads.splice(0));
      const mine = posts.filter((p) => p.transition === label);
      out.push({
        transition: label,
        rpcFault,
        committedAfter: after?.state,
        postsPerRule: Object.fromEntries(Object.keys(rules).map((r) => [r, mine.filter((p) => p.rule === r).length])),
        payloadStates: mine.map((p) => p.payload.state),
        immediateReadStates: mine.map((p) => p.immediateRead?.state),
        posts: mine,
      });
    }
    await asAdmin('base.automation', 'write', [Object.values(rules), { active: false }]);
    return out;
  } finally {
    await new Promise<void>((resolve) => {
      listener.close(() => resolve());
      listener.closeAllConnections();
    });
  }
}
