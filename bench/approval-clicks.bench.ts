import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import OdooAwait from 'odoo-await';
import { Redis } from 'ioredis';
import { seedDistribution } from '../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo } from '../adapters/embedded-odoo/start-embedded-odoo.ts';
import { ensureWebhookRule } from '../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import { ensureRedis, freePort } from '../adapters/store/ensure-redis.ts';
import { RedisApprovalStore } from '../adapters/store/redis-approval-store.ts';
import { startFakeSlackApi, type FakeSlackCall } from '../test/fakes/fake-slack-api.ts';
import { buttonClickPayload, interactivityRequest } from '../test/support/slack-sign.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const CLICKS = Number(process.env.BENCH_CLICKS ?? 500);
const WRITTEN_SAMPLES = Number(process.env.BENCH_WRITTEN_SAMPLES ?? 40);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Approvals as Slack drives them, with the bot deployed as it scales: a web process (`npm run
 * web`) and a worker process (`npm run worker`) on one Redis, against the embedded Odoo and the
 * fake Slack Web API (both in this process).
 * - ack latency: 500 signed approve clicks on one card, one connection each, all at once, while
 *   the worker is stopped (the ack path alone: verify, parse, ack, queue);
 * - click to written: one click per PO, time until the decision is written in Odoo.
 */
export const run: BenchRun = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-approvals-'));
  const redisRun = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir: dir, anyPort: true });
  const odoo = await startEmbeddedOdoo({ port: 0, seed: (store) => void seedDistribution(store, { seed: 11, scale: 300, now: new Date() }) });
  const slack = await startFakeSlackApi({ users: [{ id: 'U0AVERY', email: 'approver@northgate-supply.example', name: 'Avery Quinn' }, { id: 'U0DANIEL', email: 'dokafor@northgate-supply.example', name: 'Daniel Okafor' }] });
  const prefix = `bench-approvals-${Date.now()}`;
  const token = 'bench-webhook-token-0123456789';
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', PORT: String(port), REDIS_URL: redisRun.url, REDIS_KEY_PREFIX: prefix, STATE_DIR: dir, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '8',
    ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_WEBHOOK_TOKEN: token,
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url,
    POLICY_FILE: resolve(root, 'test/fixtures/approval-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600',
  };
  const profile = (role: string) => (process.env.BENCH_PROFILE_DIR && role === 'web' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []);
  const spawnRole = (role: 'web' | 'worker'): ChildProcess => spawn(process.execPath, [...profile(role), '--import', 'tsx', resolve(root, `adapters/runtime/${role}.ts`)], { cwd: root, env, stdio: 'ignore' });
  const stopRole = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  const web = spawnRole('web');
  let worker = spawnRole('worker');
  const base = `http://127.0.0.1:${port}`;
  while (!(await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false))) await sleep(50);

  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin' });
  await ensureWebhookRule(admin, `${base}/webhooks/odoo/${token}`);
  const buyer = new OdooAwait({ baseUrl: odoo.url, db: odoo.db, username: 'buyer@northgate-supply.example', password: 'buyer' });
  await buyer.connect();
  const [vendor] = await admin.searchIds('res.partner', [['supplier_rank', '>', 0]], { limit: 1 });
  const [product] = await admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
  const redis = new Redis(redisRun.url);
  const store = new RedisApprovalStore(redis, prefix);

  const waitingPo = async () => {
    const id = (await buyer.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: 7000, taxes_id: [[6, 0, []]] }]] })) as number;
    await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
    const [po] = (await buyer.read('purchase.order', [id], ['name'])) as Array<{ name: string }>;
    return { id, name: po!.name };
  };
  const cardOf = async (name: string) => {
    for (;;) {
      const post = slack.callsOf('chat.postMessage').find((c: FakeSlackCall) => String(c.body.text ?? '').includes(name) && c.response?.ok);
      if (post) {
        const blocks = (typeof post.body.blocks === 'string' ? JSON.parse(post.body.blocks) : post.body.blocks) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
        return { channel: String(post.body.channel), ts: String(post.response!.ts), value: blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'approval_approve')!.value! };
      }
      await sleep(10);
    }
  };
  const signedClick = (card: { channel: string; ts: string; value: string }, i: number, user = 'U0AVERY') =>
    interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: card.value, userId: user, channel: card.channel, messageTs: card.ts, actionTs: `1900000000.${String(i).padStart(6, '0')}` }));
  const writtenAt = async (orderId: number) => {
    for (;;) {
      const open = await store.openFor(orderId);
      const id = open?.id ?? (await redis.keys(`${prefix}:approval:req:po-${orderId}-*`))[0]?.split(':').pop();
      const r = id ? await store.get(id) : null;
      if (r?.writeback?.state === 'written') return Date.parse(r.writeback.at);
      await sleep(5);
    }
  };

  // 1. The ack path alone: the worker is stopped while 500 people click the same card. A first
  // burst on another card warms the web process up, as a process that has run for a while is.
  const warmPo = await waitingPo();
  const warmCard = await cardOf(warmPo.name);
  const po = await waitingPo();
  const card = await cardOf(po.name);
  const spare = await waitingPo();
  await cardOf(spare.name);
  const waitingPoWhileWorkerStopped = async () => spare;
  await stopRole(worker);
  const target = new URL(`${base}/slack/events`);
  const burst = (requests: ReturnType<typeof signedClick>[], sockets = requests.length, keepAlive = false) => {
    const agent = new Agent({ keepAlive, maxSockets: sockets });
    return Promise.all(
      requests.map(
      (r) =>
        new Promise<{ ms: number; status: number }>((done) => {
          const started = performance.now();
            const req = request(target, { method: 'POST', agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } }, (res) => {
            res.resume();
            res.on('end', () => done({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
          });
          req.on('error', () => done({ ms: performance.now() - started, status: 0 }));
          req.end(r.body);
        }),
      ),
    ).finally(() => agent.destroy());
  };
  await burst(Array.from({ length: CLICKS }, (_, i) => signedClick(warmCard, 200_000 + i)));
  await sleep(500);
  const cpuSeconds = async () => Number(/^process_cpu_seconds_total (\S+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? NaN);
  const cpuBefore = await cpuSeconds();
  const burstStarted = performance.now();
  const acks = await burst(Array.from({ length: CLICKS }, (_, i) => signedClick(card, i, i % 2 ? 'U0AVERY' : 'U0DANIEL')));
  const burstMs = performance.now() - burstStarted;
  const webCpuMsPerClick = ((await cpuSeconds()) - cpuBefore) * 1000 / CLICKS;
  const ackMs = acks.map((a) => a.ms).sort((a, b) => a - b);
  // The same burst over 50 kept-alive connections, as a proxy or Slack's pooled senders deliver it.
  const pooledCard = await cardOf((await waitingPoWhileWorkerStopped()).name);
  const pooled = await burst(Array.from({ length: CLICKS }, (_, i) => signedClick(pooledCard, 300_000 + i, i % 2 ? 'U0AVERY' : 'U0DANIEL')), 50, true);
  const pooledMs = pooled.map((a) => a.ms).sort((a, b) => a - b);

  // 2. The worker comes back, takes the 500 queued clicks (one decision), then one click per PO.
  worker = spawnRole('worker');
  const backlogStarted = Date.now();
  await writtenAt(po.id);
  const backlogMs = Date.now() - backlogStarted;
  const decisions = (await redis.xrange(`${prefix}:audit:po:${po.id}`, '-', '+')).filter(([, f]) => String(f[1]).includes('"outcome":"accepted"')).length;
  const samples: number[] = [];
  for (let i = 0; i < WRITTEN_SAMPLES; i++) {
    const next = await waitingPo();
    const c = await cardOf(next.name);
    const r = signedClick(c, 100_000 + i);
    const started = Date.now();
    await fetch(`${base}/slack/events`, { method: 'POST', headers: r.headers, body: r.body });
    samples.push((await writtenAt(next.id)) - started);
  }
  samples.sort((a, b) => a - b);

  await Promise.all([stopRole(web), stopRole(worker)]);
  const keys = await redis.keys(`${prefix}:*`);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  redis.disconnect();
  await slack.stop();
  await odoo.stop();
  await redisRun.close();
  rmSync(dir, { recursive: true, force: true });

  const p = { clicks: CLICKS, concurrentConnections: CLICKS, process: 'npm run web' };
  const w = { samples: WRITTEN_SAMPLES, odoo: 'embedded 18', process: 'npm run worker' };
  return [
    { bench: 'approval-ack', metric: 'ack latency p50', value: pct(ackMs, 50), unit: 'ms', params: p },
    { bench: 'approval-ack', metric: 'ack latency p99', value: pct(ackMs, 99), unit: 'ms', params: p },
    { bench: 'approval-ack', metric: 'ack latency max', value: ackMs[ackMs.length - 1]!, unit: 'ms', params: p },
    { bench: 'approval-ack', metric: 'web process CPU per click', value: webCpuMsPerClick, unit: 'ms', params: p },
    { bench: 'approval-ack', metric: 'ack latency p50 (50 kept-alive connections)', value: pct(pooledMs, 50), unit: 'ms', params: { ...p, concurrentConnections: 50, keepAlive: true } },
    { bench: 'approval-ack', metric: 'ack latency p99 (50 kept-alive connections)', value: pct(pooledMs, 99), unit: 'ms', params: { ...p, concurrentConnections: 50, keepAlive: true } },
    { bench: 'approval-ack', metric: 'non-200 answers (kept-alive)', value: pooled.filter((a) => a.status !== 200).length, unit: 'req', params: { ...p, concurrentConnections: 50, keepAlive: true } },
    { bench: 'approval-ack', metric: 'burst wall time', value: burstMs, unit: 'ms', params: p },
    { bench: 'approval-ack', metric: 'non-200 answers', value: acks.filter((a) => a.status !== 200).length, unit: 'req', params: p },
    { bench: 'approval-ack', metric: 'decisions from 500 clicks', value: decisions, unit: 'decisions', params: p },
    { bench: 'approval-ack', metric: '500-click backlog to written', value: backlogMs, unit: 'ms', params: w },
    { bench: 'approval-click-to-written', metric: 'latency p50', value: pct(samples, 50), unit: 'ms', params: w },
    { bench: 'approval-click-to-written', metric: 'latency p95', value: pct(samples, 95), unit: 'ms', params: w },
  ] satisfies BenchFigure[];
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table((await run()).map(({ bench, metric, value, unit }) => ({ bench, metric, value: Math.round(value * 10) / 10, unit })));
  process.exit(0);
}
