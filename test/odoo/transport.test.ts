import { afterEach, describe, expect, it } from 'vitest';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import { recordedXml } from './support/recorded.ts';
import { type ReplayServer, closedPort, startReplayServer } from './support/replay-server.ts';

let server: ReplayServer | undefined;
let gateway: OdooAwaitGateway | undefined;

afterEach(async () => {
  gateway?.close();
  await server?.stop();
  server = undefined;
  gateway = undefined;
});

async function rejection(p: Promise<unknown>): Promise<OdooError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OdooError);
  return err as OdooError;
}

describe('timeouts', () => {
  it('an Odoo that never answers: odoo_transient within the timeout, and the socket is dropped', async () => {
    server = await startReplayServer((call) => (call.methodName === 'authenticate' ? { xml: recordedXml(18, 'authenticate_ok') } : 'hang'));
    const seen: Array<[string, string, string]> = [];
    gateway = new OdooAwaitGateway({
      url: server.url,
      db: 'odoo18',
      username: 'admin',
      password: 'admin',
      timeoutMs: 300,
      observer: (model, method, _ms, outcome) => seen.push([model, method, outcome]),
    });
    const started = Date.now();
    const err = await rejection(gateway.read('purchaseOrder', [1]));
    const elapsed = Date.now() - started;
    expect(err).toMatchObject({ code: 'odoo_transient', retryable: true, timeoutMs: 300, method: 'fields_get' });
    expect(err.message).toContain('timed out after 300 ms');
    expect(elapsed).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.closedWhileHanging()).toBe(1);
    expect(seen).toEqual([
      ['common', 'version', 'ok'],
      ['common', 'authenticate', 'ok'],
      ['purchase.order', 'fields_get', 'odoo_transient'],
    ]);
  });

  it('checkReachable says it timed out', async () => {
    server = await startReplayServer(() => 'hang', { version: false });
    gateway = new OdooAwaitGateway({ url: server.url, db: 'odoo18', username: 'admin', password: 'admin', timeoutMs: 200 });
    expect(await gateway.checkReachable()).toEqual({ ok: false, reason: `Odoo at ${server.url} timed out after 200 ms (common.version)` });
  });
});

describe('Odoo down', () => {
  it('connection refused: odoo_transient, and checkReachable gives the reason', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    gateway = new OdooAwaitGateway({ url, db: 'odoo18', username: 'admin', password: 'admin', timeoutMs: 2000 });
    const err = await rejection(gateway.search('purchaseOrder', { limit: 1 }));
    // the connect handshake asks the version first
    expect(err).toMatchObject({ code: 'odoo_transient', retryable: true, method: 'version' });
    expect(await gateway.checkReachable()).toEqual({ ok: false, reason: `Odoo at ${url} refused the connection` });
  });

  it('after a failed authentication the next call tries again (no poisoned session)', async () => {
    let up = false;
    server = await startReplayServer((call) => {
      if (!up) return 'destroy';
      if (call.methodName === 'authenticate') return { xml: recordedXml(18, 'authenticate_ok') };
      return { value: [{ id: 3, state: 'purchase' }] };
    });
    gateway = new OdooAwaitGateway({ url: server.url, db: 'odoo18', username: 'admin', password: 'admin' });
    await rejection(gateway.readState(3));
    up = true;
    expect(await gateway.readState(3)).toBe('purchase');
  });
});

describe('concurrency', () => {
  it('authenticates once for concurrent first calls, and keeps the params of each call apart', async () => {
    server = await startReplayServer((call) => {
      if (call.methodName === 'authenticate') return { xml: recordedXml(18, 'authenticate_ok') };
      const id = Number(/<int>(\d+)<\/int><\/value>\s*<\/data>\s*<\/array>/.exec(call.body)?.[1]);
      return { value: [{ id, state: 'draft' }] };
    });
    gateway = new OdooAwaitGateway({ url: server.url, db: 'odoo18', username: 'admin', password: 'admin' });
    const ids = Array.from({ length: 25 }, (_, i) => i + 1);
    const states = await Promise.all(ids.map((id) => gateway!.readState(id)));
    expect(states.every((s) => s === 'draft')).toBe(true);
    expect(server.calls.filter((c) => c.methodName === 'authenticate')).toHaveLength(1);
    const asked = server.calls.filter((c) => c.method === 'read').map((c) => Number(/<int>(\d+)<\/int><\/value>\s*<\/data>\s*<\/array>/.exec(c.body)?.[1]));
    expect(asked.sort((a, b) => a - b)).toEqual(ids);
  });
});
