import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseMethodResponse } from '../xmlrpc/parse-xmlrpc.ts';
import type { RpcValue } from '../xmlrpc/rpc-value.ts';
import { writeMethodCall } from '../xmlrpc/write-xmlrpc.ts';

/**
 * One XML-RPC call over node:http with the project's own codec. The gateway sends its reads this
 * way: odoo-await's `xmlrpc` client parses responses with a SAX parser at about 1.4 MB/s, which
 * made a page of 200 purchase orders (460 KB) cost 320 ms of parsing; this reader is one linear
 * pass. Failures are thrown in the shapes map-odoo-fault.ts already knows (a fault object, an
 * error carrying `res.statusCode`, a socket error with its `code`).
 */
export function xmlRpcCall(url: URL, path: string, method: string, params: RpcValue[], options: { agent: HttpAgent; signal: AbortSignal }): Promise<unknown> {
  const body = Buffer.from(writeMethodCall(method, params), 'utf8');
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname.replace(/\/+$/, '')}${path}`,
        method: 'POST',
        agent: options.agent,
        signal: options.signal,
        headers: { 'content-type': 'text/xml', 'content-length': body.length, accept: 'text/xml' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { res: { statusCode: res.statusCode } }));
            return;
          }
          let parsed;
          try {
            parsed = parseMethodResponse(Buffer.concat(chunks).toString('utf8'));
          } catch (err) {
            reject(new Error(`Invalid method response: ${err instanceof Error ? err.message : String(err)}`));
            return;
          }
          if (parsed.ok) resolve(parsed.value);
          else reject({ faultCode: parsed.faultCode, faultString: parsed.faultString });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
