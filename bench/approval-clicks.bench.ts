import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import OdooAwait from 'odoo-await';
import { ensureWebhookRule } from '../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import { freePort } from '../adapters/store/ensure-redis.ts';
import { RedisApprovalStore } from '../adapters/store/redis-approval-store.ts';
import { startFakeSlackApi, type FakeSlackCall } from '../test/fakes/fake-slack-api.ts';
import { buttonClickPayload, interactivityRequest } from '../test/support/slack-sign.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';
import { benchRedis } from './support/bench-redis.ts';
import { botEnv, startBotProcess } from './support/bot-process.ts';
import { cpuMsOf, firstJsonLine, pct, runTsForJson, sleep, spawnTs, stopChild } from './support/child-process.ts';
import { startOdooProcess } from './support/embedded-odoo-process.ts';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const CLICKS = Number(process.env.BENCH_CLICKS ?? 500);
const WRITTEN_SAMPLES = Number(process.env.BENCH_WRITTEN_SAMPLES ?? 40);
/**
 * Bursts of CLICKS on another card each server takes before the measured one (ours and the
 * baselines alike). Measured burst after burst, every server's CPU per click falls for the first
 * 2,000 to 3,000 requests (V8 optimizing the HTTP, Redis and parsing code as it runs; bare http +
 * one XADD: 0.49, 0.29, 0.50, 0.35, 0.17, 0.16, 0.21 ms; ours: 0.54, 0.48, 0.47, 0.39, 0.30, 0.20,
 * 0.21 ms) and then holds: the measured burst is the seventh, a process that has run for a while.
 * The first burst (a process just started) is reported apart as "cold".
 */
const WARM_UP_BURSTS = Math.max(1, Number(process.env.BENCH_CLICK_WARM_UP_BURSTS ?? 6));

type Burst = { ms: number[]; statuses: Record<string, number>; wallMs: number };
type Signed = { headers: Record<string, string>; body: string };

/**
 * Approvals as Slack drives them, with the bot deployed as it scales: a web process (`npm run
 * web`) and a worker process (`npm run worker`) on one Redis, the embedded Odoo in a third
 * process, the fake Slack Web API in this one, and the clicks sent from a fourth process
 * (bench/processes/burst.ts), so no process measured shares its event loop with the load.
 * - ack latency: 500 signed approve clicks on one card, one connection each, all at once, while
 *   the worker is stopped (the ack path alone: verify, parse, queue, ack), with the web process's
 *   CPU per click, after the same warm-up bursts; the same 500 requests against bare node:http
 *   (answer only, one BullMQ add, one XADD per request) in the same run, and the ratios;
 * - click to written: one click per PO, time until the decision is written in Odoo.
 */
export const run: BenchRun = async () => {
  const step = (what: string) => process.stderr.write(`  approval-clicks: ${what}\n`);
  const r = await benchRedis('approvals');
  const odoo = await startOdooProcess({ seed: 11, scale: 300 });
  const slack = await startFakeSlackApi({ users: [{ id: 'U0AVERY', email: 'approver@northgate-supply.example', name: 'Avery Quinn' }, { id: 'U0DANIEL', email: 'dokafor@northgate-supply.example', name: 'Daniel Okafor' }] });
  const prefix = `bench-approvals-${Date.now()}`;
  const token = 'bench-webhook-token-0123456789';
  const port = await freePort();
  const env = botEnv({ port, redisUrl: r.url, prefix, stateDir: r.dir, odoo, slackApiUrl: slack.url, signingSecret: SECRET, webhookToken: token });
  step('starting npm run web and npm run worker');
  const web = await startBotProcess('web', env);
  let worker = await startBotProcess('worker', env);
  const base = `http://127.0.0.1:${port}`;

  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin' });
  await ensureWebhookRule(admin, `${base}/webhooks/odoo/${token}`);
  const buyer = new OdooAwait({ baseUrl: odoo.url, db: odoo.db, username: 'buyer@northgate-supply.example', password: 'buyer' });
  await buyer.connect();
  const [vendor] = await admin.searchIds('res.partner', [['supplier_rank', '>', 0]], { limit: 1 });
  const [product] = await admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
  const redis = r.redis;
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
  const signedClick = (card: { channel: string; ts: string; value: string }, i: number, user = 'U0AVERY'): Signed =>
    interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value: card.value, userId: user, channel: card.channel, messageTs: card.ts, actionTs: `1900000000.${String(i).padStart(6, '0')}`, responseUrl: `${slack.url}/response/T0FAKE/${i}/bench` }));
  const writtenAt = async (orderId: number) => {
    for (;;) {
      const open = await store.openFor(orderId);
      const id = open?.id ?? (await redis.keys(`${prefix}:approval:req:po-${orderId}-*`))[0]?.split(':').pop();
      const req = id ? await store.get(id) : null;
      if (req?.writeback?.state === 'written') return Date.parse(req.writeback.at);
      await sleep(5);
    }
  };
  let files = 0;
  // WARM_UP_BURSTS bursts on `onCard`; answers the first (the cold process) with its CPU per click.
  const warmUp = async (url: string, onCard: { channel: string; ts: string; value: string }, firstAction: number, cpuMs: () => number) => {
    let first: { burst: Burst; cpuMsPerClick: number } | undefined;
    for (let b = 0; b < WARM_UP_BURSTS; b++) {
      const cpu0 = cpuMs();
      const answered = await burst(url, Array.from({ length: CLICKS }, (_, i) => signedClick(onCard, firstAction + b * CLICKS + i)));
      first ??= { burst: answered, cpuMsPerClick: (cpuMs() - cpu0) / CLICKS };
      await sleep(300);
    }
    return first!;
  };
  const burst = (url: string, requests: Signed[], sockets = requests.length, keepAlive = false) => {
    const file = join(r.dir, `burst-${files++}.json`);
    writeFileSync(file, JSON.stringify(requests));
    return runTsForJson<Burst>('bench/processes/burst.ts', { url, file, sockets, keepAlive });
  };

  // 1. The ack path alone: the worker is stopped while 500 people click the same card. Bursts on
  // another card first warm the web process up, as a process that has run for a while is.
  step('three POs to approve, waiting for their cards');
  const warmCard = await cardOf((await waitingPo()).name);
  const po = await waitingPo();
  const card = await cardOf(po.name);
  const pooledCard = await cardOf((await waitingPo()).name);
  await worker.stop();
  step(`500 simultaneous clicks (${WARM_UP_BURSTS} warm-up bursts, then measured)`);
  const cold = await warmUp(`${base}/slack/events`, warmCard, 200_000, () => web.cpuMs());
  const cpu0 = web.cpuMs();
  const acks = await burst(`${base}/slack/events`, Array.from({ length: CLICKS }, (_, i) => signedClick(card, i, i % 2 ? 'U0AVERY' : 'U0DANIEL')));
  const webCpuMsPerClick = (web.cpuMs() - cpu0) / CLICKS;
  // The same burst over 50 kept-alive connections, as a proxy or Slack's pooled senders deliver it.
  const pooled = await burst(`${base}/slack/events`, Array.from({ length: CLICKS }, (_, i) => signedClick(pooledCard, 300_000 + i, i % 2 ? 'U0AVERY' : 'U0DANIEL')), 50, true);

  step('baselines: bare http, bare http + one BullMQ add, bare http + one XADD');
  // 2. Baselines in the same run: the same 500 requests, one connection each, against bare node:http.
  const baselines: Record<'respond' | 'add' | 'xadd', { burst: Burst; cpuMsPerClick: number; cold: { burst: Burst; cpuMsPerClick: number } }> = {} as never;
  for (const mode of ['respond', 'add', 'xadd'] as const) {
    // BENCH_PROFILE_DIR profiles the baselines too, to compare with the web process's profile.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}/baseline-${mode}`] : [];
    const child = spawnTs('bench/processes/bare-http.ts', { args: [JSON.stringify({ mode, redisUrl: r.url, prefix: `${prefix}-baseline` })], nodeArgs: profile });
    const { port: bport } = await firstJsonLine<{ port: number }>(child);
    const coldBaseline = await warmUp(`http://127.0.0.1:${bport}/slack/events`, warmCard, 400_000, () => cpuMsOf(child.pid!));
    const c0 = cpuMsOf(child.pid!);
    const b = await burst(`http://127.0.0.1:${bport}/slack/events`, Array.from({ length: CLICKS }, (_, i) => signedClick(card, 500_000 + i)));
    baselines[mode] = { burst: b, cpuMsPerClick: (cpuMsOf(child.pid!) - c0) / CLICKS, cold: coldBaseline };
    await stopChild(child);
  }
  await r.clean(`${prefix}-baseline`);

  // 3. The worker comes back, takes the 500 queued clicks (one decision), then one click per PO.
  step('worker back: backlog, then click to written');
  worker = await startBotProcess('worker', env);
  const backlogStarted = Date.now();
  await writtenAt(po.id);
  const backlogMs = Date.now() - backlogStarted;
  const decisions = (await redis.xrange(`${prefix}:audit:po:${po.id}`, '-', '+')).filter(([, f]) => String(f[1]).includes('"outcome":"accepted"')).length;
  const samples: number[] = [];
  for (let i = 0; i < WRITTEN_SAMPLES; i++) {
    const next = await waitingPo();
    const c = await cardOf(next.name);
    const req = signedClick(c, 100_000 + i);
    const started = Date.now();
    await fetch(`${base}/slack/events`, { method: 'POST', headers: req.headers, body: req.body });
    samples.push((await writtenAt(next.id)) - started);
  }
  samples.sort((a, b) => a - b);
  const ephemerals = slack.callsOf('response_url').length;

  await Promise.all([web.stop(), worker.stop()]);
  await r.clean(prefix);
  await slack.stop();
  await odoo.stop();
  await r.close();

  const non200 = (b: Burst) => Object.entries(b.statuses).filter(([s]) => s !== '200').reduce((n, [, c]) => n + c, 0);
  const p = { clicks: CLICKS, concurrentConnections: CLICKS, process: 'npm run web' };
  const pk = { ...p, concurrentConnections: 50, keepAlive: true };
  const w = { samples: WRITTEN_SAMPLES, odoo: 'embedded 18', process: 'npm run worker' };
  const f = (bench: string, metric: string, value: number, unit: string, params: BenchFigure['params']): BenchFigure => ({ bench, metric, value, unit, params });
  return [
    f('approval-ack', 'cold process (first burst): ack latency p99', pct(cold.burst.ms, 99), 'ms', p),
    f('approval-ack', 'cold process (first burst): web process CPU per click', cold.cpuMsPerClick, 'ms', p),
    f('approval-ack', 'cold process (first burst): bare http + one BullMQ add: latency p99', pct(baselines.add.cold.burst.ms, 99), 'ms', p),
    f('approval-ack', 'cold process (first burst): bare http + one BullMQ add: CPU per click', baselines.add.cold.cpuMsPerClick, 'ms', p),
    f('approval-ack', 'ack latency p50', pct(acks.ms, 50), 'ms', p),
    f('approval-ack', 'ack latency p99', pct(acks.ms, 99), 'ms', p),
    f('approval-ack', 'ack latency max', acks.ms[acks.ms.length - 1]!, 'ms', p),
    f('approval-ack', 'web process CPU per click', webCpuMsPerClick, 'ms', p),
    f('approval-ack', 'non-200 answers', non200(acks), 'req', p),
    f('approval-ack', 'burst wall time', acks.wallMs, 'ms', p),
    f('approval-ack', 'decisions from 500 clicks', decisions, 'decisions', p),
    f('approval-ack', 'ephemeral "could not record" answers', ephemerals, 'answers', p),
    f('approval-ack', 'ack latency p50 (50 kept-alive connections)', pct(pooled.ms, 50), 'ms', pk),
    f('approval-ack', 'ack latency p99 (50 kept-alive connections)', pct(pooled.ms, 99), 'ms', pk),
    f('approval-ack', 'non-200 answers (kept-alive)', non200(pooled), 'req', pk),
    f('approval-ack', 'bare http (answer only): latency p99', pct(baselines.respond.burst.ms, 99), 'ms', p),
    f('approval-ack', 'bare http (answer only): CPU per click', baselines.respond.cpuMsPerClick, 'ms', p),
    f('approval-ack', 'bare http + one BullMQ add: latency p50', pct(baselines.add.burst.ms, 50), 'ms', p),
    f('approval-ack', 'bare http + one BullMQ add: latency p99', pct(baselines.add.burst.ms, 99), 'ms', p),
    f('approval-ack', 'bare http + one BullMQ add: CPU per click', baselines.add.cpuMsPerClick, 'ms', p),
    f('approval-ack', 'bare http + one XADD: latency p99', pct(baselines.xadd.burst.ms, 99), 'ms', p),
    f('approval-ack', 'bare http + one XADD: CPU per click', baselines.xadd.cpuMsPerClick, 'ms', p),
    f('approval-ack', 'ratio ours / bare http + one BullMQ add (p99)', pct(acks.ms, 99) / pct(baselines.add.burst.ms, 99), 'x', p),
    f('approval-ack', 'ratio ours / bare http + one BullMQ add (CPU per click)', webCpuMsPerClick / baselines.add.cpuMsPerClick, 'x', p),
    f('approval-ack', 'ratio ours / bare http + one XADD (CPU per click)', webCpuMsPerClick / baselines.xadd.cpuMsPerClick, 'x', p),
    f('approval-ack', '500-click backlog to written', backlogMs, 'ms', w),
    f('approval-click-to-written', 'latency p50', pct(samples, 50), 'ms', w),
    f('approval-click-to-written', 'latency p95', pct(samples, 95), 'ms', w),
  ];
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table((await run()).map(({ bench, metric, value, unit }) => ({ bench, metric, value: Math.round(value * 1000) / 1000, unit })));
  process.exit(0);
}
