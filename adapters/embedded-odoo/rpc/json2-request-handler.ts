import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStruct, PyFloat, type RpcStruct, type RpcValue } from '../../xmlrpc/rpc-value.ts';
import { AccessDenied, AccessError, OdooError, PythonError, UserError, frame, traceback } from '../odoo-errors.ts';
import { type OdooService, versionInfo } from './odoo-service.ts';

/**
 * Odoo 19.0's JSON-2 API (addons/rpc/controllers/json2.py) for the embedded Odoo, answering as
 * test/fixtures/odoo/19/json2.json recorded: `POST /json/2/<model>/<method>`, `Authorization:
 * bearer <api key>`, `X-Odoo-Database` (optional: one database), named arguments only; the bare
 * result with 200, or `{name, message, arguments, context, debug}` with 401 / 403 / 404 / 422 /
 * 500. Also `/web/webclient/version_info` (JSON-RPC, no credentials) for the version.
 */
export class ApiKeys {
  private readonly keys = new Map<string, number>();

  /** A new 40-character key for the user (as Preferences > Account Security > New API Key). */
  issue(uid: number): string {
    const key = randomBytes(20).toString('hex');
    this.keys.set(key, uid);
    return key;
  }

  /** Registers a known key (tests, demo). */
  add(key: string, uid: number): void {
    this.keys.set(key, uid);
  }

  uidOf(key: string): number | undefined {
    return this.keys.get(key);
  }
}

const PATH = /^\/json\/2\/([^/]+)\/([^/]+)\/?$/;

/** Model methods (no `ids`) and their parameters; record methods take `ids` first. */
const MODEL_METHODS: Record<string, { params: readonly string[]; required: readonly string[]; extra?: boolean }> = {
  search: { params: ['domain', 'offset', 'limit', 'order'], required: ['domain'] },
  search_count: { params: ['domain', 'limit'], required: ['domain'] },
  search_read: { params: ['domain', 'fields', 'offset', 'limit', 'order'], required: [], extra: true },
  create: { params: ['vals_list'], required: ['vals_list'] },
  fields_get: { params: ['allfields', 'attributes'], required: [] },
  name_search: { params: ['name', 'domain', 'operator', 'limit'], required: [] },
  check_access_rights: { params: ['operation', 'raise_exception'], required: ['operation'] },
  context_get: { params: [], required: [] },
  read_group: { params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'], required: ['domain', 'fields', 'groupby'] },
  formatted_read_group: { params: ['domain', 'groupby', 'aggregates', 'having', 'offset', 'limit', 'order'], required: ['domain'] },
};
const RECORD_METHODS: Record<string, { params: readonly string[]; required: readonly string[] }> = {
  read: { params: ['fields', 'load'], required: [] },
  write: { params: ['vals'], required: ['vals'] },
  unlink: { params: [], required: [] },
  exists: { params: [], required: [] },
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly werkzeug: string,
    message: string,
  ) {
    super(message);
  }
}

export function createJson2RequestHandler(service: OdooService, keys: ApiKeys, opts: { maxBodyBytes?: number; /** Each answered call is durable before it is answered (the demo's on-disk Odoo). */ afterCall?: () => void } = {}) {
  const limit = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  return function handleJson2Request(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const versionRoute = path === '/web/webclient/version_info';
    const m = PATH.exec(path);
    if (!versionRoute && !m) return false;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => void (async () => {
      if (size > limit) return sendError(res, service, new HttpError(413, 'RequestEntityTooLarge', 'Request Entity Too Large'));
      const text = Buffer.concat(chunks).toString('utf8');
      if (versionRoute) {
        const id = parseBody(text)?.id ?? null;
        return sendJson(res, 200, { jsonrpc: '2.0', id, result: versionInfo(service.version) });
      }
      try {
        if (req.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'The method is not allowed for the requested URL.');
        const uid = authenticate(req, keys);
        const db = req.headers['x-odoo-database'];
        if (typeof db === 'string' && db !== '' && db !== service.db) throw new HttpError(404, 'NotFound', `the database '${db}' does not exist`);
        const body = parseBody(text);
        if (body === undefined || !isStruct(body as RpcValue)) throw new HttpError(400, 'BadRequest', 'The request body is not a JSON object.');
        const result = await call(service, uid, decodeURIComponent(m?.[1] ?? ''), decodeURIComponent(m?.[2] ?? ''), body as RpcStruct);
        opts.afterCall?.();
        sendJson(res, 200, toJson(result));
      } catch (e) {
        sendError(res, service, e);
      }
    })());
    req.on('error', () => res.destroy());
    return true;
  };
}

function authenticate(req: IncomingMessage, keys: ApiKeys): number {
  const header = req.headers.authorization ?? '';
  const match = /^bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'Unauthorized', 'User not authenticated, use an API Key with a Bearer Authorization header.');
  const uid = keys.uidOf(match[1]);
  if (uid === undefined) throw new HttpError(401, 'Unauthorized', 'Invalid apikey');
  return uid;
}

async function call(service: OdooService, uid: number, model: string, method: string, body: RpcStruct): Promise<RpcValue> {
  if (!service.hasModel(model)) throw new HttpError(404, 'NotFound', `the model '${model}' does not exist`);
  if (method.startsWith('_')) throw new AccessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  const { ids, context, ...named } = body;
  if ('args' in named) throw new HttpError(422, 'UnprocessableEntity', `missing a required argument: '${MODEL_METHODS[method]?.required[0] ?? 'args'}'`);
  const signature = MODEL_METHODS[method] ?? RECORD_METHODS[method];
  if (signature) {
    for (const k of Object.keys(named)) {
      if (!signature.params.includes(k) && !(MODEL_METHODS[method]?.extra ?? false)) {
        throw new HttpError(422, 'UnprocessableEntity', `got an unexpected keyword argument '${k}'`);
      }
    }
    const missing = signature.required.find((k) => named[k] === undefined);
    if (missing) throw new HttpError(422, 'UnprocessableEntity', `missing a required argument: '${missing}'`);
  }
  // One transaction, as an XML-RPC call: rolled back on error, its webhooks timed per version.
  try {
    return await service.transactions.run((events) => {
      const env = service.callEnv(uid, isStruct(context ?? null) ? (context as RpcStruct) : {}, events);
      return MODEL_METHODS[method] ? service.callModel(env, model, method, [], named) : service.callModel(env, model, method, [ids ?? []], named);
    });
  } catch (e) {
    if (e instanceof PythonError && e.pythonType === 'AttributeError' && /does not exist on the model/.test(e.message)) {
      throw new HttpError(404, 'NotFound', `The method '${model}.${method}' does not exist`);
    }
    throw e;
  }
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function toJson(v: RpcValue): unknown {
  if (v instanceof PyFloat) return v.value;
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (Array.isArray(v)) return v.map(toJson);
  if (isStruct(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), ...headers }).end(body);
}

/** Odoo's JSON-2 error body; werkzeug errors put the status in `arguments`. */
function sendError(res: ServerResponse, service: OdooService, e: unknown): void {
  if (e instanceof HttpError) {
    const debug = `Traceback (most recent call last):\n${frame('/opt/odoo/addons/rpc/controllers/json2.py', 84, 'web_json_2_rpc', 'raise')}\nwerkzeug.exceptions.${e.werkzeug}: ${e.status} ${e.werkzeug}: ${e.message}\n`;
    const headers: Record<string, string> = e.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    return sendJson(res, e.status, { name: `werkzeug.exceptions.${e.werkzeug}`, message: e.message, arguments: [e.message, e.status], context: {}, debug }, headers);
  }
  const message = e instanceof Error ? e.message : String(e);
  let status = 500;
  let name = 'builtins.Exception';
  if (e instanceof PythonError) name = `builtins.${e.pythonType}`;
  else if (e instanceof AccessError) [status, name] = [403, 'odoo.exceptions.AccessError'];
  else if (e instanceof AccessDenied) [status, name] = [401, 'odoo.exceptions.AccessDenied'];
  else if (e instanceof UserError) {
    status = 422;
    name = /^Record does not exist or has been deleted/.test(message) ? 'odoo.exceptions.MissingError' : 'odoo.exceptions.UserError';
  } else if (!(e instanceof OdooError)) console.error('embedded-odoo: unexpected error', e);
  const debug = e instanceof PythonError ? traceback(service.version, e) : `Traceback (most recent call last):\n${name}: ${message}\n`;
  sendJson(res, status, { name, message, arguments: [message], context: {}, debug });
}
