import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * The load generator of the click benches, in its own process: POSTs prepared requests all at
 * once (`sockets` connections: one per request, as Slack's senders arrive, or a kept-alive pool)
 * and times each answer. Input (argv[2], JSON): { url, file (JSON array of {headers, body}),
 * sockets, keepAlive }. Prints { ms: [...ascending], statuses: {code: count}, wallMs }.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { url: string; file: string; sockets: number; keepAlive: boolean };
const requests = JSON.parse(readFileSync(input.file, 'utf8')) as Array<{ headers: Record<string, string>; body: string }>;
const target = new URL(input.url);
const agent = new Agent({ keepAlive: input.keepAlive, maxSockets: input.sockets });
const started = performance.now();
const results = await Promise.all(
  requests.map(
    (r) =>
      new Promise<{ ms: number; status: number }>((done) => {
        const t0 = performance.now();
        const req = request(target, { method: 'POST', agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } }, (res) => {
          res.resume();
          res.on('end', () => done({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
        });
        req.on('error', () => done({ ms: performance.now() - t0, status: 0 }));
        req.end(r.body);
      }),
  ),
);
const wallMs = performance.now() - started;
agent.destroy();
const statuses: Record<string, number> = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
console.log(JSON.stringify({ ms: results.map((r) => r.ms).sort((a, b) => a - b), statuses, wallMs }));
process.exit(0);
