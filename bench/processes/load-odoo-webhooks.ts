import autocannon from 'autocannon';

/**
 * The load generator of the webhook-intake bench, in its own process: autocannon POSTing
 * automation-rule payloads as Odoo does, each record version `repeats` times in a row on one
 * connection (Odoo fired one version three times in the recorded transition). Input (argv[2],
 * JSON): { url, connections, durationS, repeats, firstId? } (a warm-up run and the measured run
 * after it use different ids, so the measured run's versions are new to the server). Prints autocannon's figures and the number of
 * record versions it started.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { url: string; connections: number; durationS: number; repeats: number; firstId?: number };
const target = new URL(input.url);
const firstId = input.firstId ?? 1;
let nextId = firstId;
const bodyFor = (id: number) =>
  JSON.stringify({ _action: 'Send Webhook Notification(#421)', _id: id, _model: 'purchase.order', id, name: `P${String(id).padStart(5, '0')}`, state: 'to approve', partner_id: 15, user_id: 8, amount_total: 12000.0, write_date: '2026-11-26 22:17:21.480189' });
type Ctx = { body?: string };
const requests = Array.from({ length: input.repeats }, (_, i) => ({
  method: 'POST' as const,
  path: target.pathname,
  headers: { 'content-type': 'application/json', 'user-agent': 'python-requests/2.28.1' },
  setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
    if (i === 0) ctx.body = bodyFor(nextId++);
    return { ...req, body: ctx.body };
  },
}));
const result = await autocannon({ url: target.origin, connections: input.connections, duration: input.durationS, requests: requests as unknown as autocannon.Request[] });
console.log(JSON.stringify({
  requestsPerSecond: result.requests.average,
  total: result.requests.total,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  failures: result.errors + result.timeouts + result.non2xx,
  versionsStarted: nextId - firstId,
}));
process.exit(0);
