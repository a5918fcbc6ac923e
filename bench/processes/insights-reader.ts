import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createInsightsReader } from '../../adapters/insights/create-insights-reader.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { OdooRpcClient } from '../../adapters/odoo/odoo-rpc-client.ts';
import type { BusinessCalendar } from '../../src/time/business-calendar.ts';

/**
 * The bot side of the insights bench, in its own process so its peak RSS is its own: the
 * control tower's reader (createInsightsReader over XML-RPC and Redis, as the bot builds it)
 * behind a tiny HTTP server the bench drives:
 * - POST /snapshot {from, to}: the snapshot (cold or cached: the reader decides), answered with
 *   its size and the reader's own time;
 * - POST /raw {from, to}: the baseline, search_read of the same records (orders, receipts, bills
 *   of the period, the fields the measures use) over the same XML-RPC transport, pages of 2000;
 * - GET /rss: the process's peak RSS (resourceUsage().maxRSS) and current heap.
 * Input (argv[2], JSON): { url, db, redisUrl, prefix, now }. Prints { url } when it listens.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { url: string; db: string; redisUrl: string; prefix: string; now: string };
const now = new Date(input.now);
const day = [{ startMinute: 8 * 60, endMinute: 18 * 60 }];
const calendar: BusinessCalendar = { timeZone: 'America/Chicago', week: [[], day, day, day, day, day, []], holidays: new Set() };
const redis = new Redis(input.redisUrl, { maxRetriesPerRequest: null });
const gateway = new OdooAwaitGateway({ url: input.url, db: input.db, username: 'admin', password: 'admin', timeoutMs: 300_000 });
const rpc = new OdooRpcClient({ url: input.url, db: input.db, username: 'admin', password: 'admin', timeoutMs: 300_000 });
const reader = createInsightsReader({ redis, prefix: input.prefix, odoo: gateway, calendar, now: () => now, logger: { warn: () => {}, info: () => {} } });

const odooDt = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** search_read of every record the measures aggregate, page by page (the bot would have to do this without read_group). */
async function raw(from: Date, to: Date): Promise<number> {
  const reads: Array<[string, unknown[], string[]]> = [
    ['purchase.order', [['state', 'in', ['purchase', 'done']], ['date_approve', '>=', odooDt(from)], ['date_approve', '<', odooDt(to)]], ['partner_id', 'date_approve', 'mail_reception_confirmed', 'company_id', 'user_id']],
    ['stock.picking', [['picking_type_code', '=', 'incoming'], ['state', '=', 'done'], ['date_done', '>=', odooDt(from)], ['date_done', '<', odooDt(to)]], ['partner_id', 'date_done', 'scheduled_date', 'backorder_ids']],
    ['account.move', [['move_type', '=', 'in_invoice'], ['state', '!=', 'cancel'], ['invoice_date', '>=', from.toISOString().slice(0, 10)], ['invoice_date', '<', to.toISOString().slice(0, 10)]], ['partner_id', 'invoice_date']],
  ];
  let records = 0;
  for (const [model, domain, fields] of reads) {
    for (let offset = 0; ; offset += 2000) {
      const page = (await rpc.executeKw(model, 'search_read', [domain as never], { fields, offset, limit: 2000, order: 'id asc' })) as unknown[];
      records += page.length;
      if (page.length < 2000) break;
    }
  }
  return records;
}

function body(req: http.IncomingMessage): Promise<{ from: string; to: string }> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { from: string; to: string }));
  });
}

const server = http.createServer((req, res) => {
  const answer = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  void (async () => {
    try {
      if (req.url === '/rss') return answer(200, { maxRssKiB: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed });
      const q = await body(req);
      const started = performance.now();
      if (req.url === '/snapshot') {
        const s = await reader.snapshot({ from: new Date(q.from), to: new Date(q.to) });
        return answer(200, { ms: performance.now() - started, weeks: s.weeks.length, approvals: s.approvals.length, exceptions: s.exceptions.length, suppliers: s.suppliers.length, computedAt: s.computedAt, bytes: JSON.stringify(s).length });
      }
      if (req.url === '/raw') {
        const records = await raw(new Date(q.from), new Date(q.to));
        return answer(200, { ms: performance.now() - started, records });
      }
      answer(404, { error: 'not found' });
    } catch (err) {
      answer(500, { error: String(err) });
    }
  })();
});
await gateway.searchIds('res.company', [], { limit: 1 }); // log in before the clock starts
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
process.on('SIGTERM', () => {
  server.close();
  gateway.close();
  redis.disconnect();
  process.exit(0);
});
