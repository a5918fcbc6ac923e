/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON and RPC answers are untyped data; the tests check their shape */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMethodResponse, type MethodResponse } from '../../adapters/xmlrpc/parse-xmlrpc.ts';
import { PyFloat, type RpcValue } from '../../adapters/xmlrpc/rpc-value.ts';
import { writeMethodCall } from '../../adapters/xmlrpc/write-xmlrpc.ts';
import { odooRecordingPath } from '../support/paths.ts';

/** Helpers of the embedded Odoo tests: raw XML-RPC over HTTP, recordings, value shapes. */
export interface RawEntry {
  request: string | null;
  response: string;
  result: unknown;
  fault: { faultCode: number; faultString: string } | null;
}

export function recording<T = Record<string, RawEntry>>(version: 17 | 18, file: string): T {
  return JSON.parse(readFileSync(odooRecordingPath(version, file), 'utf8')) as T;
}

export async function postXml(url: string, service: string, xml: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/xmlrpc/2/${service}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: xml });
  return { status: res.status, body: await res.text() };
}

/** One XML-RPC call; doubles come back as PyFloat so tests can check value types. */
export async function call(url: string, service: string, method: string, params: RpcValue[]): Promise<MethodResponse> {
  const { body } = await postXml(url, service, writeMethodCall(method, params));
  return parseMethodResponse(body, { keepDoubles: true });
}

/** execute_kw that throws on a fault; plain numbers for doubles. */
export function client(url: string, db: string, uid: number, password: string) {
  return async function x(model: string, method: string, args: RpcValue[], kwargs: Record<string, RpcValue> = {}): Promise<any> {
    const r = await call(url, 'object', 'execute_kw', [db, uid, password, model, method, args, kwargs]);
    if (!r.ok) throw new Error(`fault ${r.faultCode}: ${r.faultString}`);
    return plain(r.value);
  };
}

export function plain(v: RpcValue): any {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && !Buffer.isBuffer(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** The type skeleton of a value: 'int', 'double', 'string', 'bool', m2o pairs, struct keys. */
export function shape(v: RpcValue): unknown {
  if (v instanceof PyFloat) return 'double';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'nil';
  if (Array.isArray(v)) return v.length === 0 ? [] : [shape(v[0] as RpcValue)];
  if (Buffer.isBuffer(v)) return 'base64';
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape(v[k] as RpcValue)]));
}

export interface Captured {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  raw: string;
}

/** A local webhook listener like the recorder's (answers 200 'ok'). */
export async function startListener(): Promise<{ url: string; captured: Captured[]; close(): Promise<void> }> {
  const captured: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      captured.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || 'null'), raw });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    captured,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
