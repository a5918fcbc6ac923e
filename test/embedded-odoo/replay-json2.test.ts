/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON answers are untyped data; the tests check their shape */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { odooRecordingPath } from '../support/paths.ts';

/**
 * Replays what real Odoo 19.0 answered over JSON-2 (test/fixtures/odoo/19/json2.json) against the
 * embedded Odoo 19: the recorded request (our key for `<api-key>`, our record ids for the
 * recorded ones), in the recorded order, must get the recorded status and body (errors: name,
 * message, arguments, context; the traceback in `debug` is not compared).
 */
interface Entry {
  request: { path: string; headers: Record<string, string>; body: Record<string, unknown> };
  status: number;
  json: any;
  response_headers: Record<string, string>;
}

const recorded = JSON.parse(readFileSync(odooRecordingPath(19, 'json2.json'), 'utf8')) as Record<string, Entry>;
const shape = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(shape) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;

describe('replay of the Odoo 19 JSON-2 recording', () => {
  let odoo: EmbeddedOdoo;
  const ids = new Map<number, number>();
  const names = new Map<string, string>();

  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ port: 0, version: 19, db: 'odoo19' });
    // P00037 (draft) and P00038 (to approve), as the recorder made them
    const vendor = odoo.store.ref('base.res_partner_12');
    const product = odoo.store.ref('product.product_product_5');
    const post = async (path: string, body: unknown) => (await fetch(`${odoo.url}${path}`, { method: 'POST', headers: { Authorization: `bearer ${odoo.adminApiKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;
    for (const recordedId of [37, 38]) {
      const [id] = await post('/json/2/purchase.order/create', { vals_list: [{ partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 10, price_unit: 1200 }]] }] });
      ids.set(recordedId, id);
      const [row] = await post('/json/2/purchase.order/read', { ids: [id], fields: ['name'] });
      names.set(`P000${recordedId}`, row.name);
    }
    odoo.store.update('purchase.order', ids.get(38)!, { state: 'to approve' });
    // a confirmed order for the unlink refusal (34 in the recording)
    ids.set(34, odoo.store.insert('purchase.order', { ...odoo.store.get('purchase.order', ids.get(37)!)!, id: undefined, name: 'P00034', state: 'purchase', order_line: [] } as any));
  });
  afterAll(async () => {
    await odoo?.stop();
  });

  const ours = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(ours);
    if (typeof v === 'number') return ids.get(v) ?? v;
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'ids' || k === 'domain' ? ours(x) : x]));
    return v;
  };
  const answerIds = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(answerIds);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'id' && typeof x === 'number' ? (ids.get(x) ?? x) : answerIds(x)]));
    return v;
  };
  const withOurNames = (s: string) => [...names].reduce((t, [from, to]) => t.replaceAll(from, to), s);

  async function replay(name: string, check: 'exact' | 'shape' = 'exact') {
    const entry = recorded[name]!;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(entry.request.headers)) headers[k] = v.replace('<api-key>', odoo.adminApiKey!);
    const res = await fetch(`${odoo.url}${entry.request.path}`, { method: 'POST', headers, body: JSON.stringify(ours(entry.request.body)) });
    const got = (await res.json()) as any;
    expect(res.status, `${name}: ${JSON.stringify(got).slice(0, 300)}`).toBe(entry.status);
    expect(res.headers.get('content-type')).toBe(entry.response_headers['Content-Type']);
    if (entry.status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
    if (entry.status !== 200) {
      const { debug, ...want } = entry.json;
      expect(typeof got.debug).toBe('string');
      expect(got.debug.trim().split('\n').at(-1)).toContain(want.message.split('\n')[0] ? withOurNames(want.message.split('\n')[0]) : '');
      expect(debug).toBeTypeOf('string');
      const { debug: _d, ...rest } = got;
      expect(rest).toEqual(JSON.parse(withOurNames(JSON.stringify(want))));
      return got;
    }
    if (check === 'shape') expect(shape(got)).toEqual(shape(entry.json));
    else expect(got).toEqual(answerIds(entry.json));
    return got;
  }

  it('refuses a request without a key, and a wrong key, with 401 and WWW-Authenticate: Bearer', async () => {
    await replay('unauthenticated_no_key');
    await replay('unauthenticated_bad_key');
  });

  it('answers context_get with and without X-Odoo-Database (one database)', async () => {
    odoo.store.update('res.users', 2, { tz: 'Europe/Brussels' });
    await replay('context_get');
    await replay('no_database_header');
    const res = await fetch(`${odoo.url}/json/2/res.users/context_get`, { method: 'POST', headers: { Authorization: `bearer ${odoo.adminApiKey}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(await res.json()).toMatchObject({ lang: 'en_US', uid: 2 });
  });

  it('names unknown models and methods (404), private methods (403) and bad arguments (422) as Odoo does', async () => {
    await replay('unknown_model');
    await replay('unknown_method');
    await replay('private_method');
    await replay('positional_args_not_accepted');
    await replay('unexpected_argument');
    await replay('write_invalid_field');
  });

  it('answers reads and searches with bare results: [] for a missing id, records as search_read gives them', async () => {
    await replay('read_missing_id');
    await replay('search_read_purchase_order', 'shape');
  });

  it('runs the recorded button sequence: confirm, approve, cancel (null), lock, locked cancel refused, unlock', async () => {
    await replay('button_confirm_as_manager');
    await replay('button_confirm_on_confirmed');
    await replay('button_approve_as_manager');
    await replay('button_cancel_returns_none');
    await replay('states_after_buttons');
    await replay('button_lock_returns_none');
    await replay('read_locked_order');
    await replay('button_cancel_on_locked_user_error');
    await replay('button_unlock_returns_none');
    await replay('unlink_confirmed_po_user_error');
  });
});
