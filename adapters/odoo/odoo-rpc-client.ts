import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import OdooAwait from 'odoo-await';
import { OdooError, isOdooError } from '../../src/errors/odoo-error.ts';
import type { OdooCallObserver } from '../../src/ports/odoo-gateway.ts';
import { type CallSite, mapOdooFault } from './map-odoo-fault.ts';
import type { WireValue } from './odoo-wire.ts';
import type { RpcValue } from '../xmlrpc/rpc-value.ts';
import { xmlRpcCall } from './xmlrpc-http-call.ts';

export interface OdooRpcConfig {
  /** e.g. `https://odoo.example.com` (a port in the URL is honoured). */
  url: string;
  db: string;
  username: string;
  /** Password or API key. */
  password: string;
  /** Per call, connect to last byte. @defaultValue 10000 */
  timeoutMs?: number;
  /** Sockets kept open to Odoo (keep-alive). @defaultValue 16 */
  maxSockets?: number;
  observer?: OdooCallObserver;
  /** Monotonic milliseconds, for measuring calls. @defaultValue performance.now */
  clock?: () => number;
}

interface TransportOptions {
  agent: HttpAgent;
  signal: AbortSignal;
}

/**
 * odoo-await with a transport: its xmlrpc client passes these options straight to
 * http.request, so a keep-alive agent (throughput) and an AbortSignal (timeouts) ride along.
 */
class TransportOdooAwait extends OdooAwait {
  // instance fields odoo-await sets in its constructor (its typings wrongly call them static)
  declare uid: number;
  declare secure: boolean;

  constructor(
    opts: ConstructorParameters<typeof OdooAwait>[0],
    private readonly transport: TransportOptions,
  ) {
    super(opts);
  }

  override createClientOptions(path: string) {
    return { ...super.createClientOptions(path), agent: this.transport.agent, signal: this.transport.signal };
  }

  /** `common.version`: odoo-await has no call for it, so its own xmlrpc client does it. */
  version(): Promise<unknown> {
    const options = this.createClientOptions('/xmlrpc/2/common');
    const client = this.secure ? xmlrpc.createSecureClient(options) : xmlrpc.createClient(options);
    return new Promise((resolve, reject) => {
      client.methodCall('version', [], (err, value) => (err ? reject(err) : resolve(value)));
    });
  }
}

interface XmlRpcModule {
  createClient(o: object): { methodCall(m: string, p: unknown[], cb: (err: unknown, v: unknown) => void): void };
  createSecureClient(o: object): { methodCall(m: string, p: unknown[], cb: (err: unknown, v: unknown) => void): void };
}
// the xmlrpc package is odoo-await's own transport: resolve it from there, not from our tree
const requireFromOdooAwait = createRequire(createRequire(import.meta.url).resolve('odoo-await'));
const xmlrpc = requireFromOdooAwait('xmlrpc') as XmlRpcModule;

/** What the gateway needs from a transport (XML-RPC here, JSON-2 in json2-client.ts). */
export interface OdooRpc {
  readonly protocol: 'xmlrpc' | 'json2';
  /** `execute_kw(model, method, args, kwargs)` semantics, whatever the wire. */
  executeKw(model: string, method: string, args: WireValue[], kwargs?: Record<string, WireValue>): Promise<unknown>;
  /** The uid, authenticating once for concurrent callers where the protocol has sessions. */
  uid(): Promise<number>;
  /** A fresh credentials check: rejects with odoo_auth_failed when they are refused. */
  authenticate(): Promise<number>;
  /** `common.version`'s struct, no credentials needed. */
  version(): Promise<unknown>;
  close(): void;
}

/** Reads are safe to send again after a keep-alive socket was closed under us. */
const IDEMPOTENT = new Set(['read', 'search_read', 'search', 'search_count', 'fields_get', 'read_group', 'formatted_read_group']);

/**
 * One XML-RPC connection to Odoo: lazy authentication shared by concurrent callers,
 * re-authentication when Odoo forgets us, a timeout and a measurement around every call.
 */
export class OdooRpcClient implements OdooRpc {
  readonly protocol = 'xmlrpc' as const;
  readonly url: string;
  private readonly endpoint: URL;
  readonly db: string;
  readonly username: string;
  readonly timeoutMs: number;
  private readonly password: string;
  private readonly agent: HttpAgent;
  private readonly observer?: OdooCallObserver;
  private readonly clock: () => number;
  private session: Promise<number> | null = null;

  constructor(config: OdooRpcConfig) {
    this.url = config.url;
    this.endpoint = new URL(config.url);
    this.db = config.db;
    this.username = config.username;
    this.password = config.password;
    this.timeoutMs = config.timeoutMs ?? 10_000;
    this.observer = config.observer;
    this.clock = config.clock ?? (() => performance.now());
    const agentOptions = { keepAlive: true, maxSockets: config.maxSockets ?? 16 };
    this.agent = new URL(config.url).protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  }

  /** `execute_kw(db, uid, password, model, method, args, kwargs)`. */
  async executeKw(model: string, method: string, args: WireValue[], kwargs: Record<string, WireValue> = {}): Promise<unknown> {
    const session = this.uid();
    const uid = await session;
    const call = (u: number, attempt: number): Promise<unknown> =>
      this.timed(model, method, (odoo, transport) => {
        // Reads are the bulk of the traffic (scans): they go through the lean reader.
        if (IDEMPOTENT.has(method)) {
          return xmlRpcCall(this.endpoint, '/xmlrpc/2/object', 'execute_kw', [this.db, u, this.password, model, method, args as RpcValue[], kwargs as RpcValue], transport);
        }
        odoo.uid = u;
        // odoo-await unshifts db/uid/password into the array it is given: always a fresh one
        return odoo.execute_kw(model, method, [args, kwargs]);
      }).catch(async (err: unknown) => {
        if (attempt > 0) throw err;
        // Access Denied on a call: the password/key changed or the session was dropped; try once more
        if (isOdooError(err, 'odoo_auth_failed')) {
          if (this.session === session) this.session = null;
          return call(await this.uid(), attempt + 1);
        }
        if (IDEMPOTENT.has(method) && isStaleSocket(err)) return call(u, attempt + 1);
        throw err;
      });
    return call(uid, 0);
  }

  /** The uid, authenticating once for all concurrent callers. */
  uid(): Promise<number> {
    if (!this.session) {
      const pending = this.authenticate();
      this.session = pending;
      pending.catch(() => {
        if (this.session === pending) this.session = null;
      });
    }
    return this.session;
  }

  /** A fresh `common.authenticate` (not the cached session): rejects with odoo_auth_failed on false. */
  authenticate(): Promise<number> {
    return this.timed('common', 'authenticate', (odoo) => odoo.connect() as Promise<number>);
  }

  /** `common.version`, no credentials needed. */
  version(): Promise<unknown> {
    return this.timed('common', 'version', (odoo) => odoo.version());
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private site(model: string, method: string): CallSite {
    return { url: this.url, db: this.db, username: this.username, model, method };
  }

  private async timed<T>(model: string, method: string, fn: (odoo: TransportOdooAwait, transport: TransportOptions) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const transport = { agent: this.agent, signal: controller.signal };
    const odoo = new TransportOdooAwait({ baseUrl: this.url, db: this.db, username: this.username, password: this.password }, transport);
    const started = this.clock();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // abort the socket too, so a hung Odoo does not keep it
        controller.abort();
        reject(
          new OdooError('odoo_transient', `Odoo at ${this.url} timed out after ${this.timeoutMs} ms (${model}.${method})`, {
            model,
            method,
            timeoutMs: this.timeoutMs,
          }),
        );
      }, this.timeoutMs);
    });
    try {
      const result = await Promise.race([fn(odoo, transport), timeout]);
      this.observe(model, method, started, 'ok');
      return result;
    } catch (err) {
      const mapped = mapOdooFault(err, this.site(model, method));
      this.observe(model, method, started, mapped.code);
      throw mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  private observe(model: string, method: string, started: number, outcome: Parameters<OdooCallObserver>[3]): void {
    if (!this.observer) return;
    try {
      this.observer(model, method, this.clock() - started, outcome);
    } catch {
      // a broken metrics hook must not fail an Odoo call
    }
  }
}

function isStaleSocket(err: unknown): boolean {
  if (!isOdooError(err, 'odoo_transient') || err.timeoutMs !== undefined) return false;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return code === 'ECONNRESET' || /socket hang up/.test(err.message);
}
