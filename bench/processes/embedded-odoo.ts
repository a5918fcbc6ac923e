import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { createEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';

/**
 * The embedded Odoo of the benches, in its own process (so the bot's memory and CPU are measured
 * apart from Odoo's). Input (argv[2], JSON): { seed, scale, now? (ISO: Odoo's clock, fixed) }.
 * Prints { url, db, seedMs } once the dataset is loaded and the server listens.
 * For the raw baselines it can record the XML-RPC requests it is sent: POST /__bench/record
 * starts (and clears) a recording, GET /__bench/recorded answers it as [{ path, body }].
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { seed: number; scale: number; now?: string };
const fixed = input.now ? new Date(input.now) : undefined;
const started = performance.now();
const odoo = await createEmbeddedOdoo({
  ...(fixed ? { now: () => fixed } : {}),
  seed: (store) => void seedDistribution(store, { seed: input.seed, scale: input.scale, now: fixed ?? new Date() }),
});
let recording: Array<{ path: string; body: string }> | null = null;
const server = http.createServer((req, res) => {
  if (req.url === '/__bench/record' && req.method === 'POST') {
    recording = [];
    res.writeHead(204).end();
    return;
  }
  if (req.url === '/__bench/recorded') {
    const recorded = recording ?? [];
    recording = null;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
    return;
  }
  if (recording && req.method === 'POST') {
    const chunks: Buffer[] = [];
    const log = recording;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => log.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') }));
  }
  if (!odoo.handler(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, db: odoo.db, seedMs: performance.now() - started }));
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void odoo.webhooks.flush().then(() => process.exit(0));
});
