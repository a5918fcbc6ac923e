import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRequire } from 'node:module';
import { recordedXml } from './recorded.ts';

/** One XML-RPC call as the server saw it. */
export interface SeenCall {
  /** `authenticate`, `version`, `execute_kw`, ... */
  methodName: string;
  /** For execute_kw: the model and method. */
  model?: string;
  method?: string;
  body: string;
}

/** What to answer: raw XML (recorded bytes), a value to serialize, or a misbehaviour. */
export type Reply =
  | { xml: string; status?: number }
  | { value: unknown }
  | { status: number; html: string }
  | 'hang'
  | 'destroy';

export type ReplayHandler = (call: SeenCall, index: number) => Reply;

const requireFromOdooAwait = createRequire(createRequire(import.meta.url).resolve('odoo-await'));
const serializer = requireFromOdooAwait('xmlrpc/lib/serializer') as {
  serializeMethodResponse(value: unknown): string;
  serializeFault(fault: { faultCode: number; faultString: string }): string;
};

/** An XML-RPC response for a value, serialized like a real server would. */
export function xmlResponse(value: unknown): string {
  return serializer.serializeMethodResponse(value);
}

/** An XML-RPC fault response. */
export function xmlFault(faultCode: number, faultString: string): string {
  return serializer.serializeFault({ faultCode, faultString });
}

function parseCall(body: string): SeenCall {
  const methodName = /<methodName>([^<]*)<\/methodName>/.exec(body)?.[1] ?? '';
  if (methodName !== 'execute_kw') return { methodName, body };
  // params: db, uid, password, model, method: the strings are db, password, model, method
  const strings = [...body.matchAll(/<string>([^<]*)<\/string>/g)].map((m) => m[1]);
  return { methodName, model: strings[2], method: strings[3], body };
}

export interface ReplayServer {
  url: string;
  port: number;
  calls: SeenCall[];
  /** Sockets the client closed while we were still holding them (timeouts abort). */
  closedWhileHanging: () => number;
  stop(): Promise<void>;
}

/**
 * A tiny node:http XML-RPC server on port 0 answering from a handler (recorded Odoo bytes).
 * `common.version` (the gateway's connect handshake) is answered with the recorded bytes of
 * `options.version` (18) and not listed in `calls`, unless `version: false` leaves it to the handler.
 */
export async function startReplayServer(handler: ReplayHandler, options: { version?: 17 | 18 | false } = {}): Promise<ReplayServer> {
  const versionXml = options.version === false ? undefined : recordedXml(options.version ?? 18, 'version');
  const calls: SeenCall[] = [];
  const sockets = new Set<Socket>();
  let closedWhileHanging = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = parseCall(Buffer.concat(chunks).toString('utf8'));
      if (call.methodName === 'version' && versionXml !== undefined) {
        res.writeHead(200, { 'content-type': 'text/xml' }).end(versionXml);
        return;
      }
      calls.push(call);
      const reply = handler(call, calls.length - 1);
      if (reply === 'hang') {
        res.on('close', () => {
          if (!res.writableEnded) closedWhileHanging += 1;
        });
        return;
      }
      if (reply === 'destroy') {
        req.socket.destroy();
        return;
      }
      if ('html' in reply) {
        res.writeHead(reply.status, { 'content-type': 'text/html' }).end(reply.html);
        return;
      }
      const xml = 'xml' in reply ? reply.xml : xmlResponse(reply.value);
      res.writeHead('xml' in reply ? (reply.status ?? 200) : 200, { 'content-type': 'text/xml' }).end(xml);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    closedWhileHanging: () => closedWhileHanging,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on which nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
