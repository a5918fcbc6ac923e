import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import { odooRecordingPath } from '../support/paths.ts';

/**
 * The JSON-2 transport's error mapping, fed with the statuses and bodies real Odoo 19.0 sent
 * (test/fixtures/odoo/19/json2.json) through a node:http server: the same coded OdooError as the
 * XML-RPC fault of the same cause, retryable only where a retry can help.
 */
interface Entry {
  status: number;
  response_body: string;
  response_headers: Record<string, string>;
}
const recorded = JSON.parse(readFileSync(odooRecordingPath(19, 'json2.json'), 'utf8')) as Record<string, Entry>;
const VERSION = JSON.stringify({ jsonrpc: '2.0', id: null, result: { server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''], server_serie: '19.0', protocol_version: 1 } });

type Reply = { status: number; body: string; type?: string };
let server: Server | undefined;
let gateway: OdooAwaitGateway | undefined;
const seen: Array<{ path: string; auth?: string; db?: string; body: string }> = [];

afterEach(async () => {
  gateway?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  gateway = undefined;
  seen.length = 0;
});

async function serve(reply: (path: string) => Reply): Promise<OdooAwaitGateway> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      seen.push({ path, auth: req.headers.authorization, db: req.headers['x-odoo-database'] as string | undefined, body: Buffer.concat(chunks).toString('utf8') });
      const r = path === '/web/webclient/version_info' ? { status: 200, body: VERSION } : path.endsWith('/fields_get') ? { status: 200, body: '{}' } : reply(path);
      res.writeHead(r.status, { 'content-type': r.type ?? 'application/json; charset=utf-8' }).end(r.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  gateway = new OdooAwaitGateway({ url: `http://127.0.0.1:${port}`, db: 'odoo19', username: 'admin', password: '', apiKey: 'k'.repeat(40), protocol: 'json2', timeoutMs: 2000 });
  return gateway;
}

const recordedReply = (name: string): Reply => ({ status: recorded[name]!.status, body: recorded[name]!.response_body });

async function rejection(p: Promise<unknown>): Promise<OdooError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OdooError);
  return err as OdooError;
}

describe('JSON-2 errors of Odoo 19 map to the XML-RPC codes', () => {
  it('sends named arguments with the bearer key and the database header', async () => {
    const gw = await serve(() => ({ status: 200, body: '[]' }));
    expect(await gw.searchIds('purchase.order', [['state', '=', 'to approve']], { limit: 5 })).toEqual([]);
    const call = seen.find((c) => c.path === '/json/2/purchase.order/search')!;
    expect(call.auth).toBe(`bearer ${'k'.repeat(40)}`);
    expect(call.db).toBe('odoo19');
    expect(JSON.parse(call.body)).toEqual({ domain: [['state', '=', 'to approve']], limit: 5 });
  });

  it.each([
    ['unauthenticated_no_key', { code: 'odoo_auth_failed', retryable: false, httpStatus: 401 }],
    ['unauthenticated_bad_key', { code: 'odoo_auth_failed', retryable: false, httpStatus: 401 }],
    ['access_error_create_api_key', { code: 'odoo_access_denied', retryable: false, httpStatus: 403 }],
    ['private_method', { code: 'odoo_access_denied', retryable: false, httpStatus: 403 }],
    ['unknown_model', { code: 'odoo_invalid_request', retryable: false, model: 'no.such.model', httpStatus: 404 }],
    ['unknown_method', { code: 'odoo_invalid_request', retryable: false, httpStatus: 404 }],
    ['positional_args_not_accepted', { code: 'odoo_invalid_request', retryable: false, httpStatus: 422 }],
    ['unexpected_argument', { code: 'odoo_invalid_request', retryable: false, httpStatus: 422 }],
    ['button_cancel_on_locked_user_error', { code: 'odoo_business_refusal', retryable: false, httpStatus: 422 }],
    ['unlink_confirmed_po_user_error', { code: 'odoo_business_refusal', retryable: false, httpStatus: 422 }],
    ['write_invalid_field', { code: 'odoo_invalid_request', retryable: false, model: 'purchase.order', field: 'x_no_such_field', httpStatus: 500 }],
  ])('%s', async (name, want) => {
    const gw = await serve(() => recordedReply(name));
    const err = await rejection(gw.callMethod('purchase.order', 'button_cancel', [1]));
    expect(err).toMatchObject(want);
    expect(err.message).not.toContain('\n');
    if (want.code === 'odoo_business_refusal') expect(err.odooMessage).toBe(JSON.parse(recorded[name]!.response_body).message);
  });

  it('a proxy page (502) or an unknown server exception is retryable; a UserError is not retried', async () => {
    let calls = 0;
    const gw = await serve(() => {
      calls += 1;
      return { status: 502, body: '<html>Bad Gateway</html>', type: 'text/html' };
    });
    expect(await rejection(gw.callMethod('purchase.order', 'button_confirm', [1]))).toMatchObject({ code: 'odoo_transient', retryable: true, httpStatus: 502 });
    expect(calls).toBe(1);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    gateway?.close();
    const gw2 = await serve(() => ({ status: 500, body: JSON.stringify({ name: 'psycopg2.errors.SerializationFailure', message: 'could not serialize access', arguments: [], context: {}, debug: '' }) }));
    expect(await rejection(gw2.callMethod('purchase.order', 'button_confirm', [1]))).toMatchObject({ code: 'odoo_server_error', retryable: true });
  });

  it('button_cancel answering null is a success over JSON-2 (no marshal-None quirk)', async () => {
    const gw = await serve((path) => (path.endsWith('/read') ? { status: 200, body: '[{"id": 38, "state": "cancel", "locked": false}]' } : recordedReply('button_cancel_returns_none')));
    expect(await gw.callMethod('purchase.order', 'button_cancel', [38])).toBeNull();
    expect(await gw.readState(38)).toBe('cancel');
  });
});
