import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OdooService } from './odoo-service.ts';

/**
 * The node:http handler of the embedded Odoo: POST /xmlrpc/2/{common,object,db} (and the legacy
 * /xmlrpc/{common,object,db}). Odoo answers every XML-RPC outcome, faults included, with HTTP
 * 200 and text/xml; only transport problems get other statuses here (404 unknown path, 405 not
 * POST, 413 body over the limit). Returns false for paths it does not serve, so a host app
 * can mount it beside its own routes.
 */
export interface RpcHandlerOptions {
  /** @defaultValue 64 MiB */
  maxBodyBytes?: number;
  /** Runs after each call, before it is answered (the on-disk journal syncs what the call changed). */
  afterCall?: () => void;
}

const PATH = /^\/xmlrpc(?:\/2)?\/(common|object|db)\/?$/;

export function createRpcRequestHandler(service: OdooService, opts: RpcHandlerOptions = {}) {
  const limit = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  return function handleRpcRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const m = PATH.exec(path);
    if (!m?.[1]) return false;
    const name = m[1];
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain' }).end('Method Not Allowed');
      return true;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Request Entity Too Large');
      req.resume();
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      if (tooBig) return;
      size += c.length;
      if (size > limit) {
        tooBig = true;
        res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Request Entity Too Large');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) return;
      service.handle(name, Buffer.concat(chunks).toString('utf8')).then(
        (out) => {
          opts.afterCall?.();
          const body = Buffer.from(out, 'utf8');
          res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(body.length) }).end(body);
        },
        (e: unknown) => {
          console.error('embedded-odoo: unexpected error', e);
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
        },
      );
    });
    req.on('error', () => res.destroy());
    return true;
  };
}
