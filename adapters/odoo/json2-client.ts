import { performance } from 'node:perf_hooks';
import { Agent, fetch } from 'undici';
import { OdooError, isOdooError } from '../../src/errors/odoo-error.ts';
import type { OdooCallObserver } from '../../src/ports/odoo-gateway.ts';
import { type Json2ErrorBody, mapJson2Error } from './map-json2-error.ts';
import { type CallSite, mapOdooFault } from './map-odoo-fault.ts';
import type { OdooRpc } from './odoo-rpc-client.ts';
import type { WireValue } from './odoo-wire.ts';

export interface Json2Config {
  url: string;
  db: string;
  /** Who the key belongs to, for messages only (JSON-2 authenticates by the key). */
  username: string;
  apiKey: string;
  /** @defaultValue 10000 */
  timeoutMs?: number;
  /** @defaultValue 16 */
  maxSockets?: number;
  observer?: OdooCallObserver;
  clock?: () => number;
}

/**
 * The positional arguments of the model methods the gateway calls, by name (JSON-2 takes named
 * arguments only: `args` is a 422). Record methods take `ids` first.
 */
const MODEL_METHOD_PARAMS: Record<string, readonly string[]> = {
  search: ['domain', 'offset', 'limit', 'order'],
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  create: ['vals_list'],
  fields_get: ['allfields', 'attributes'],
  name_search: ['name', 'domain', 'operator', 'limit'],
  context_get: [],
};
const RECORD_METHOD_PARAMS: Record<string, readonly string[]> = {
  read: ['fields'],
  write: ['vals'],
};

/** Reads are safe to send again after a kept-alive socket was closed under us. */
const IDEMPOTENT = new Set(['read', 'search_read', 'search', 'search_count', 'fields_get', 'context_get', 'read_group', 'formatted_read_group']);

/**
 * Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with `Authorization: bearer <key>` and
 * `X-Odoo-Database`, named arguments in a JSON body, the bare result back (no envelope).
 * Speaks the same positional `executeKw` as the XML-RPC client so the gateway does not care.
 */
export class Json2Client implements OdooRpc {
  readonly protocol = 'json2' as const;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly agent: Agent;
  private readonly clock: () => number;

  constructor(private readonly config: Json2Config) {
    this.base = config.url.replace(/\/+$/, '');
    this.timeoutMs = config.timeoutMs ?? 10_000;
    this.clock = config.clock ?? (() => performance.now());
    this.agent = new Agent({ connections: config.maxSockets ?? 16, keepAliveTimeout: 30_000 });
  }

  /** `execute_kw`'s positional shape, sent as JSON-2 named arguments. */
  async executeKw(model: string, method: string, args: WireValue[], kwargs: Record<string, WireValue> = {}): Promise<unknown> {
    const body: Record<string, WireValue> = {};
    const modelParams = MODEL_METHOD_PARAMS[method];
    let single = false;
    if (modelParams) {
      modelParams.forEach((name, i) => {
        if (args[i] !== undefined) body[name] = args[i];
      });
      // XML-RPC's create(dict) answers an id; JSON-2 takes a list and answers [id]
      if (method === 'create' && body.vals_list !== undefined && !Array.isArray(body.vals_list)) {
        body.vals_list = [body.vals_list];
        single = true;
      }
    } else {
      const [ids, ...rest] = args;
      if (ids !== undefined) body.ids = ids;
      (RECORD_METHOD_PARAMS[method] ?? []).forEach((name, i) => {
        if (rest[i] !== undefined) body[name] = rest[i];
      });
    }
    Object.assign(body, kwargs);
    const send = (attempt: number): Promise<unknown> =>
      this.post(model, method, body).catch((err: unknown) => {
        if (attempt === 0 && IDEMPOTENT.has(method) && isStaleSocket(err)) return send(1);
        throw err;
      });
    const result = await send(0);
    return single && Array.isArray(result) && result.length === 1 ? result[0] : result;
  }

  /** The uid behind the API key (`res.users.context_get`); rejects with odoo_auth_failed on a bad key. */
  async authenticate(): Promise<number> {
    const ctx = await this.post('res.users', 'context_get', {});
    const uid = (ctx as { uid?: unknown } | null)?.uid;
    if (typeof uid !== 'number') {
      throw new OdooError('odoo_invalid_response', `Odoo answered res.users.context_get without a uid`, { model: 'res.users', method: 'context_get' });
    }
    return uid;
  }

  uid(): Promise<number> {
    return this.authenticate();
  }

  /**
   * The server version without credentials: `/web/webclient/version_info` (a JSON-RPC web route
   * on 17.0 to 19.0, answering `common.version`'s struct; JSON-2 itself has no version call).
   */
  version(): Promise<unknown> {
    return this.timed('common', 'version', async (signal) => {
      const res = await fetch(`${this.base}/web/webclient/version_info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }),
        dispatcher: this.agent,
        signal,
      });
      const text = await res.text();
      if (res.status !== 200) throw mapJson2Error(res.status, undefined, this.site('common', 'version'));
      return (parseJson(text)?.value as { result?: unknown } | undefined)?.result;
    });
  }

  close(): void {
    void this.agent.close();
  }

  private post(model: string, method: string, body: Record<string, WireValue>): Promise<unknown> {
    return this.timed(model, method, async (signal) => {
      const res = await fetch(`${this.base}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `bearer ${this.config.apiKey}`,
          'X-Odoo-Database': this.config.db,
        },
        body: JSON.stringify(body),
        dispatcher: this.agent,
        signal,
      });
      const text = await res.text();
      const parsed = parseJson(text);
      if (res.status === 200) {
        if (parsed === undefined) {
          throw new OdooError('odoo_invalid_response', `Odoo at ${this.config.url} sent an unreadable answer to ${model}.${method}`, { model, method });
        }
        return parsed.value;
      }
      const errBody = parsed && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Json2ErrorBody) : undefined;
      throw mapJson2Error(res.status, errBody, this.site(model, method));
    });
  }

  private site(model: string, method: string): CallSite {
    return { url: this.config.url, db: this.config.db, username: this.config.username, model, method };
  }

  private async timed<T>(model: string, method: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const started = this.clock();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const result = await fn(controller.signal);
      this.observe(model, method, started, 'ok');
      return result;
    } catch (err) {
      const mapped = controller.signal.aborted
        ? new OdooError('odoo_transient', `Odoo at ${this.config.url} timed out after ${this.timeoutMs} ms (${model}.${method})`, {
            model,
            method,
            timeoutMs: this.timeoutMs,
          })
        : mapOdooFault(causeOf(err), this.site(model, method));
      this.observe(model, method, started, mapped.code);
      throw mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  private observe(model: string, method: string, started: number, outcome: Parameters<OdooCallObserver>[3]): void {
    try {
      this.config.observer?.(model, method, this.clock() - started, outcome);
    } catch {
      // a broken metrics hook must not fail an Odoo call
    }
  }
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** fetch wraps socket errors in `TypeError: fetch failed` with the socket error as cause. */
function causeOf(err: unknown): unknown {
  if (isOdooError(err)) return err;
  if (err instanceof TypeError && err.cause !== undefined) return err.cause;
  return err;
}

function isStaleSocket(err: unknown): boolean {
  if (!isOdooError(err, 'odoo_transient') || err.timeoutMs !== undefined) return false;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /socket hang up|closed the connection/.test(err.message);
}
