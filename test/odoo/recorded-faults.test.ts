import { afterEach, describe, expect, it } from 'vitest';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import { VERSIONS, type OdooVersion, recordedXml } from './support/recorded.ts';
import { type ReplayHandler, type ReplayServer, startReplayServer, xmlFault } from './support/replay-server.ts';

/**
 * The fault mapping, fed with the bytes real Odoo 17 and 18 sent (raw_xmlrpc.json), parsed by the
 * real odoo-await + xmlrpc client through a node:http server.
 */
let server: ReplayServer | undefined;
let gateway: OdooAwaitGateway | undefined;

afterEach(async () => {
  gateway?.close();
  await server?.stop();
  server = undefined;
  gateway = undefined;
});

async function replay(v: OdooVersion, onExecute: ReplayHandler): Promise<OdooAwaitGateway> {
  server = await startReplayServer((call, i) => {
    if (call.methodName === 'authenticate') return { xml: recordedXml(v, 'authenticate_ok') };
    if (call.methodName === 'version') return { xml: recordedXml(v, 'version') };
    return onExecute(call, i);
  }, { version: v });
  gateway = new OdooAwaitGateway({ url: server.url, db: `odoo${v}`, username: 'admin', password: 'admin', timeoutMs: 2000 });
  return gateway;
}

async function rejection(p: Promise<unknown>): Promise<OdooError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OdooError);
  return err as OdooError;
}

describe.each(VERSIONS)('recorded faults of Odoo %i', (v) => {
  it('invalid field on write: odoo_invalid_request naming model and field from the traceback', async () => {
    const gw = await replay(v, () => ({ xml: recordedXml(v, 'write_invalid_field') }));
    const err = await rejection(gw.write('purchase.order', [1], { x_no_such_field: 1 }));
    expect(err).toMatchObject({
      code: 'odoo_invalid_request',
      retryable: false,
      model: 'purchase.order',
      field: 'x_no_such_field',
      method: 'write',
      faultCode: 1,
    });
    expect(err.message).toContain('x_no_such_field');
  });

  it('unknown model (fault 2): odoo_invalid_request, not a business refusal', async () => {
    const gw = await replay(v, () => ({ xml: recordedXml(v, 'unknown_model') }));
    const err = await rejection(gw.searchIds('no.such.model', []));
    expect(err).toMatchObject({ code: 'odoo_invalid_request', model: 'no.such.model', faultCode: 2, retryable: false });
  });

  it('UserError (fault 2): odoo_business_refusal with Odoo message, not retryable', async () => {
    const gw = await replay(v, () => ({ xml: recordedXml(v, 'unlink_confirmed_po_user_error') }));
    const err = await rejection(gw.callMethod('purchase.order', 'unlink', [18]));
    expect(err).toMatchObject({
      code: 'odoo_business_refusal',
      retryable: false,
      faultCode: 2,
      odooMessage: 'In order to delete a purchase order, you must cancel it first.',
    });
  });

  it('Access Denied (fault 3) on execute_kw: re-authenticates once, then odoo_auth_failed', async () => {
    const gw = await replay(v, () => ({ xml: recordedXml(v, 'execute_kw_wrong_password') }));
    const err = await rejection(gw.searchIds('res.partner', [], { limit: 1 }));
    expect(err).toMatchObject({ code: 'odoo_auth_failed', retryable: false, faultCode: 3 });
    const methods = server!.calls.map((c) => c.methodName);
    expect(methods).toEqual(['authenticate', 'execute_kw', 'authenticate', 'execute_kw']);
  });

  it('authenticate answering false (odoo-await rejects a plain string): odoo_auth_failed', async () => {
    server = await startReplayServer((call) =>
      call.methodName === 'version' ? { xml: recordedXml(v, 'version') } : { xml: recordedXml(v, 'authenticate_wrong_password') },
    );
    gateway = new OdooAwaitGateway({ url: server.url, db: `odoo${v}`, username: 'admin', password: 'wrong' });
    const err = await rejection(gateway.readState(1));
    expect(err).toMatchObject({ code: 'odoo_auth_failed', method: 'authenticate' });
    expect(err.message).toBe(`authentication failed for user admin on db odoo${v}`);
    expect(await gateway.checkReachable()).toEqual({ ok: false, reason: `authentication failed for user admin on db odoo${v}` });
  });

  it('button_cancel "cannot marshal None" (fault 1 after commit): success, then re-read', async () => {
    const states = ['to approve', 'cancel'];
    const gw = await replay(v, (call) => {
      if (call.method === 'read') return { value: [{ id: 17, state: states.shift() ?? 'cancel' }] };
      return { xml: recordedXml(v, 'button_cancel_returns_none') };
    });
    expect(await gw.cancelPurchaseOrder(17)).toEqual({ orderId: 17, before: 'to approve', after: 'cancel', changed: true });
    expect(await gw.callMethod('purchase.order', 'button_cancel', [17])).toBeNull();
  });

  it('the same marshal-None text on a method that really failed elsewhere stays a server error', async () => {
    const gw = await replay(v, () => ({ xml: xmlFault(1, 'Traceback...\nZeroDivisionError: division by zero\n') }));
    const err = await rejection(gw.callMethod('purchase.order', 'button_cancel', [17]));
    expect(err).toMatchObject({ code: 'odoo_server_error', retryable: true, odooMessage: 'ZeroDivisionError: division by zero' });
  });

  it('button_approve by a non-manager answers {} and changes nothing: changed false', async () => {
    const gw = await replay(v, (call) => {
      if (call.method === 'read') return { value: [{ id: 17, state: 'to approve' }] };
      return { xml: recordedXml(v, 'button_approve_as_buyer') };
    });
    expect(await gw.approvePurchaseOrder(17)).toEqual({ orderId: 17, before: 'to approve', after: 'to approve', changed: false });
  });

  it('read of a missing id answers [] (no fault): null state, no records, odoo_record_missing on approve', async () => {
    const gw = await replay(v, () => ({ xml: recordedXml(v, 'read_missing_id') }));
    expect(await gw.readState(999999)).toBeNull();
    expect(await gw.read('company', [999999])).toEqual([]);
    const err = await rejection(gw.approvePurchaseOrder(999999));
    expect(err).toMatchObject({ code: 'odoo_record_missing', recordId: 999999 });
  });

  it('recorded search_read answer parses into typed records', async () => {
    const gw = await replay(v, () => ({ xml: recordedXml(v, 'search_read_purchase_order') }));
    // the recording asked for fewer fields than the gateway does: only its shape is checked here
    const err = await rejection(gw.search('purchaseOrder', { limit: 2 }));
    expect(err).toMatchObject({ code: 'odoo_invalid_response', model: 'purchase.order', recordId: 7 });
  });

  it('checkReachable reports the recorded server version', async () => {
    const gw = await replay(v, () => ({ value: true }));
    expect(await gw.checkReachable()).toEqual({ ok: true, version: `${v}.0` });
  });

  it('AccessError (fault 4): odoo_access_denied', async () => {
    // not in the recordings: the text is Odoo 17/18's AccessError for a private method
    const gw = await replay(v, () => ({
      xml: xmlFault(4, 'Private methods (such as _compute_amount) cannot be called remotely.'),
    }));
    const err = await rejection(gw.callMethod('purchase.order', '_compute_amount', [1]));
    expect(err).toMatchObject({ code: 'odoo_access_denied', retryable: false, faultCode: 4 });
  });
});

describe('transport failures', () => {
  it.each([502, 503, 504])('HTTP %i from a proxy: odoo_transient with the status', async (status) => {
    server = await startReplayServer((call) =>
      call.methodName === 'authenticate' ? { xml: recordedXml(18, 'authenticate_ok') } : { status, html: '<html>Bad Gateway</html>' },
    );
    gateway = new OdooAwaitGateway({ url: server.url, db: 'odoo18', username: 'admin', password: 'admin' });
    const err = await rejection(gateway.readState(1));
    expect(err).toMatchObject({ code: 'odoo_transient', retryable: true, httpStatus: status });
  });

  it('a socket closed mid-call: odoo_transient; a read is retried once on a fresh socket', async () => {
    server = await startReplayServer((call, i) => {
      if (call.methodName === 'authenticate') return { xml: recordedXml(18, 'authenticate_ok') };
      return i === 1 ? 'destroy' : { value: [{ id: 1, state: 'draft' }] };
    });
    gateway = new OdooAwaitGateway({ url: server.url, db: 'odoo18', username: 'admin', password: 'admin' });
    expect(await gateway.readState(1)).toBe('draft');
    await server.stop();
    server = await startReplayServer((call) => (call.methodName === 'authenticate' ? { xml: recordedXml(18, 'authenticate_ok') } : 'destroy'));
    gateway.close();
    gateway = new OdooAwaitGateway({ url: server.url, db: 'odoo18', username: 'admin', password: 'admin' });
    const err = await rejection(gateway.callMethod('purchase.order', 'button_confirm', [1]));
    expect(err).toMatchObject({ code: 'odoo_transient', retryable: true });
    // not idempotent: sent once only
    expect(server.calls.filter((c) => c.method === 'button_confirm')).toHaveLength(1);
  });
});
