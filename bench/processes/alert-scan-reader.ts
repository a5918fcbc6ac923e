import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { parseMethodResponse } from '../../adapters/xmlrpc/parse-xmlrpc.ts';
import { parseAlertThresholds } from '../../src/alerts/alert-thresholds.ts';
import type { FirstPromiseStore } from '../../src/alerts/lifecycle/exception-store.ts';
import { readBillPages } from '../../src/alerts/sources/read-bills.ts';
import { readLateReceiptPages } from '../../src/alerts/sources/read-late-receipts.ts';
import { readOrderPages } from '../../src/alerts/sources/read-orders.ts';
import { detectOn } from '../../src/alerts/sources/run-scan.ts';
import type { BusinessCalendar } from '../../src/time/business-calendar.ts';

/**
 * One side of the alert-scan bench, in its own process so its peak RSS is its own:
 * - `bot`: the alert scan's three sources through the gateway (XML-RPC), then the detectors,
 *   each source timed apart (reading, detecting); the first-promise memory is in process memory
 *   (this measures reading and detecting, not Redis);
 * - `raw`: the same XML-RPC requests the bot sent (recorded by the embedded Odoo process),
 *   replayed one after the other over the same transport (node:http keep-alive, the project's
 *   XML-RPC parser), the answers parsed and dropped.
 * Input (argv[2], JSON): { mode, url, db?, now?, file? }. Prints the figures as JSON.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { mode: 'bot' | 'raw'; url: string; db: string; now: string; file?: string };
const cpu0 = process.cpuUsage();

if (input.mode === 'bot') {
  const now = new Date(input.now);
  const h = (from: number, to: number) => [{ startMinute: from * 60, endMinute: to * 60 }];
  const calendar: BusinessCalendar = { timeZone: 'America/Chicago', week: [[], h(8, 18), h(8, 18), h(8, 18), h(8, 18), h(8, 18), []], holidays: new Set() };
  const m = new Map<number, Date>();
  const firstPromises: FirstPromiseStore = {
    getMany: async (ids) => new Map(ids.flatMap((id) => (m.has(id) ? [[id, m.get(id)!] as const] : []))),
    remember: async (p) => void p.forEach((d, id) => (m.has(id) ? undefined : m.set(id, d))),
    forget: async (ids) => void ids.forEach((id) => m.delete(id)),
  };
  const gateway = new OdooAwaitGateway({ url: input.url, db: input.db, username: 'admin', password: 'admin', timeoutMs: 300_000 });
  await gateway.searchIds('res.company', [], { limit: 1 }); // log in before the clock starts
  const thresholds = parseAlertThresholds({}, calendar);
  const sources = [];
  // The scan reads a page and detects on it before reading the next (as runScan does), so the
  // reading time is summed over the pages' reads and the detecting time over their detections.
  for (const [name, source] of [
    ['receipts', readLateReceiptPages(gateway, thresholds, now)],
    ['orders', readOrderPages(gateway)],
    ['bills', readBillPages(gateway, { since: null, recheck: [] })],
  ] as const) {
    let readMs = 0;
    let detectMs = 0;
    let recordsRead = 0;
    let found = 0;
    const pages = source.pages()[Symbol.asyncIterator]();
    for (;;) {
      const t0 = performance.now();
      const next = await pages.next();
      readMs += performance.now() - t0;
      if (next.done) break;
      const t1 = performance.now();
      found += (await detectOn(next.value, { thresholds, firstPromises }, now)).length;
      detectMs += performance.now() - t1;
      recordsRead += next.value.recordsRead;
    }
    sources.push({ name, recordsRead, exceptions: found, readMs, detectMs });
  }
  gateway.close();
  finish({ sources });
} else {
  const calls = JSON.parse(readFileSync(input.file!, 'utf8')) as Array<{ path: string; body: string }>;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(input.url);
  let bytes = 0;
  const t0 = performance.now();
  for (const call of calls) {
    const text = await new Promise<string>((ok, fail) => {
      const req = request({ hostname: target.hostname, port: target.port, path: call.path, method: 'POST', agent, headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(call.body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(call.body);
    });
    bytes += text.length;
    if (!parseMethodResponse(text).ok) throw new Error(`a replayed call failed: ${call.body.slice(0, 200)}`);
  }
  agent.destroy();
  finish({ ms: performance.now() - t0, requests: calls.length, responseMiB: bytes / 2 ** 20 });
}

function finish(figures: Record<string, unknown>): void {
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ ...figures, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}
