import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import OdooAwait from 'odoo-await';
import { seedDistribution } from '../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo } from '../adapters/embedded-odoo/start-embedded-odoo.ts';
import { ensureWebhookRule } from '../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import { TEAMS_VERBS } from '../adapters/teams/cards/verbs.ts';
import { ensureRedis, freePort } from '../adapters/store/ensure-redis.ts';
import { RedisApprovalStore } from '../adapters/store/redis-approval-store.ts';
import { startFakeBotConnector, type BotConnectorCall } from '../test/fakes/fake-bot-connector.ts';
import { botAddedActivity, cardActionActivity, postActivity, type TeamsPerson } from '../test/support/teams-activities.ts';
import { APPROVALS_CHANNEL, TEAMS_USERS, cardOfCall, executeActions } from '../test/support/teams-harness.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const INVOKES = Number(process.env.BENCH_TEAMS_INVOKES ?? 300);
const SOCKETS = Number(process.env.BENCH_TEAMS_SOCKETS ?? 50);
const SAMPLES = Number(process.env.BENCH_TEAMS_SAMPLES ?? 30);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The final state of an approved card (what the approve-in-teams test waits for too). */
const WRITTEN_CARD = /Approved by .*written to Odoo/;

/** Waits for `check` to give a value, failing the bench (not hanging it) after `ms`. */
async function until<T>(what: string, check: () => T | null | undefined | Promise<T | null | undefined>, ms = 30_000, every = 5): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`teams-approvals bench: gave up waiting for ${what} after ${ms} ms`);
    await sleep(every);
  }
}

/**
 * Approvals as Teams drives them, with the bot deployed as it scales: a web process (`npm run
 * web`) and a worker process (`npm run worker`) on one Redis, in demo mode (no MICROSOFT_APP_ID,
 * so /api/messages is unauthenticated), against the embedded Odoo and the fake Bot Connector
 * (both in this process); the policy sends every card to the Purchasing/Approvals channel.
 * - invoke ack latency: N approve invokes (`adaptiveCard/action`) on one card, all at once over
 *   kept-alive connections, while the worker is stopped (the ack path alone: parse, ack, queue);
 *   then the worker drains them into exactly one decision;
 * - card post latency: PO in `to approve` until its card reaches the fake connector;
 * - click to written: one approve invoke per PO until Odoo says `purchase` and the card's
 *   final update (PUT) reached the fake connector.
 */
export const run: BenchRun = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-teams-'));
  const redisRun = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir: dir, anyPort: true });
  const odoo = await startEmbeddedOdoo({ port: 0, seed: (store) => void seedDistribution(store, { seed: 11, scale: 300, now: new Date() }) });
  const connector = await startFakeBotConnector({ members: Object.values(TEAMS_USERS) });
  // The fake records calls without a time: stamp each one as it appears (1 ms resolution), in this
  // process where the fake runs, so post and update latencies are measured where Teams would see them.
  const seenAt = new Map<BotConnectorCall, number>();
  const stamp = () => {
    for (let i = seenAt.size; i < connector.calls.length; i++) seenAt.set(connector.calls[i]!, performance.now());
  };
  const stamper = setInterval(stamp, 1);
  const prefix = `bench-teams-${Date.now()}`;
  const token = 'bench-webhook-token-0123456789';
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', PORT: String(port), REDIS_URL: redisRun.url, REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', STATE_DIR: dir, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '8',
    ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_WEBHOOK_TOKEN: token,
    POLICY_FILE: resolve(root, 'test/teams/fixtures/teams-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600',
  };
  const spawnRole = (role: 'web' | 'worker'): ChildProcess => spawn(process.execPath, ['--import', 'tsx', resolve(root, `adapters/runtime/${role}.ts`)], { cwd: root, env, stdio: 'ignore' });
  const stopRole = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  const web = spawnRole('web');
  let worker = spawnRole('worker');
  const base = `http://127.0.0.1:${port}`;
  const redis = new Redis(redisRun.url);
  const writeback = new Queue('writeback', { connection: redis, prefix });
  const cleanUp = async () => {
    clearInterval(stamper);
    await Promise.all([stopRole(web), stopRole(worker)]);
    await writeback.close();
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    redis.disconnect();
    await connector.stop();
    await odoo.stop();
    await redisRun.close();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await until('the web process to answer /healthz', () => fetch(`${base}/healthz`).then((r) => (r.ok ? true : null)).catch(() => null), 60_000, 50);
    const installed = await postActivity(base, botAddedActivity(connector.url, TEAMS_USERS.daniel, APPROVALS_CHANNEL));
    if (installed.status !== 200) throw new Error(`teams-approvals bench: installing the bot in the channel answered ${installed.status}: ${installed.text}`);

    const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin' });
    await ensureWebhookRule(admin, `${base}/webhooks/odoo/${token}`);
    const buyer = new OdooAwait({ baseUrl: odoo.url, db: odoo.db, username: 'buyer@northgate-supply.example', password: 'buyer' });
    await buyer.connect();
    const [vendor] = await admin.searchIds('res.partner', [['supplier_rank', '>', 0]], { limit: 1 });
    const [product] = await admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
    const store = new RedisApprovalStore(redis, prefix);
    const channelId = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';

    /** A PO the buyer confirms above the approval threshold; `waitingAt` is when Odoo says `to approve`. */
    const waitingPo = async () => {
      const id = (await buyer.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: 7000, taxes_id: [[6, 0, []]] }]] })) as number;
      await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
      const waitingAt = performance.now();
      const [po] = (await buyer.read('purchase.order', [id], ['name', 'state'])) as Array<{ name: string; state: string }>;
      if (po?.state !== 'to approve') throw new Error(`teams-approvals bench: PO ${id} is ${po?.state}, not waiting for approval`);
      return { id, name: po.name, waitingAt };
    };
    const cardOf = (name: string) =>
      until(`the Teams card of ${name}`, () => {
        stamp();
        const post = connector.callsOf('sendToConversation').find((c) => c.conversationId === channelId && c.status === 201 && JSON.stringify(cardOfCall(c)).includes(name));
        if (!post) return null;
        const data = executeActions(cardOfCall(post)).find((a) => a.verb === TEAMS_VERBS.approvalApprove)?.data as Record<string, unknown> | undefined;
        if (!data) throw new Error(`teams-approvals bench: the card of ${name} has no ${TEAMS_VERBS.approvalApprove} action`);
        return { activityId: post.createdId!, postedAt: seenAt.get(post)!, data };
      });
    const approveInvoke = (card: { activityId: string; data: Record<string, unknown> }, who: TeamsPerson) =>
      JSON.stringify(cardActionActivity(connector.url, who, APPROVALS_CHANNEL, card, { verb: TEAMS_VERBS.approvalApprove, data: card.data }));
    const writtenInStore = async (orderId: number) => {
      const open = await store.openFor(orderId);
      const id = open?.id ?? (await redis.keys(`${prefix}:approval:req:po-${orderId}-*`))[0]?.split(':').pop();
      const r = id ? await store.get(id) : null;
      return r?.writeback?.state === 'written' ? true : null;
    };

    // 1. The ack path alone: the worker is stopped while N people press Approve on one card. A first
    // burst on another card warms the web process up, as a process that has run for a while is.
    const warm = await cardOf((await waitingPo()).name);
    const po = await waitingPo();
    const card = await cardOf(po.name);
    await stopRole(worker);
    const target = new URL(`${base}/api/messages`);
    const burst = (bodies: string[]) => {
      const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
      return Promise.all(
        bodies.map(
          (body) =>
            new Promise<{ ms: number; status: number; body: string }>((done) => {
              const started = performance.now();
              const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => done({ ms: performance.now() - started, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
              });
              req.on('error', (err) => done({ ms: performance.now() - started, status: 0, body: String(err) }));
              req.end(body);
            }),
        ),
      ).finally(() => agent.destroy());
    };
    const people = [TEAMS_USERS.avery, TEAMS_USERS.daniel];
    await burst(Array.from({ length: INVOKES }, (_, i) => approveInvoke(warm, people[i % 2]!)));
    await sleep(500);
    const burstStarted = performance.now();
    const acks = await burst(Array.from({ length: INVOKES }, (_, i) => approveInvoke(card, people[i % 2]!)));
    const burstMs = performance.now() - burstStarted;
    const ackMs = acks.map((a) => a.ms).sort((a, b) => a - b);
    // A 200 that is not the "Recording your approval" message would be a refusal answered as 200.
    const acked = acks.filter((a) => a.status === 200 && a.body.includes(`Recording your approval of ${po.name}`)).length;

    // 2. The worker comes back and drains the queued invokes: one decision, one approval in Odoo.
    worker = spawnRole('worker');
    const backlogStarted = performance.now();
    await until(`${po.name} to be approved in Odoo`, async () => ((await admin.readState(po.id)) === 'purchase' ? true : null), 60_000, 10);
    await until(`the decision on ${po.name} to be written`, () => writtenInStore(po.id), 30_000, 10);
    const backlogMs = performance.now() - backlogStarted;
    await until('the writeback queue to drain', async () => {
      const counts = await writeback.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0) ? true : null;
    }, 60_000, 50);
    const accepted = (await redis.xrange(`${prefix}:audit:po:${po.id}`, '-', '+')).filter(([, f]) => (JSON.parse(f[1] ?? '{}') as { outcome?: string }).outcome === 'accepted').length;
    const approvedInOdoo = (await admin.search('poMessage', { domain: [['res_id', '=', po.id], ['message_type', '=', 'notification']] })).filter((m) => m.subtype?.name === 'RFQ Approved').length;

    // 3. One PO at a time: its card's post latency, then one approve invoke until Odoo says
    // `purchase` and the card's final update reached the connector.
    const postMs: number[] = [];
    const toOdooMs: number[] = [];
    const toCardMs: number[] = [];
    const writtenMs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const next = await waitingPo();
      const c = await cardOf(next.name);
      postMs.push(c.postedAt - next.waitingAt);
      const clicked = performance.now();
      const answer = await postActivity(base, approveInvoke(c, people[i % 2]!));
      if (answer.status !== 200) throw new Error(`teams-approvals bench: the approve invoke on ${next.name} answered ${answer.status}: ${answer.text}`);
      const [odooAt, cardAt] = await Promise.all([
        until(`${next.name} to be approved in Odoo`, async () => ((await admin.readState(next.id)) === 'purchase' ? performance.now() : null), 30_000, 10),
        until(`the card of ${next.name} to say written`, () => {
          stamp();
          const update = connector.callsOf('updateActivity').find((u) => u.activityId === c.activityId && u.method === 'PUT' && u.status === 200 && WRITTEN_CARD.test(JSON.stringify(cardOfCall(u))));
          return update ? seenAt.get(update)! : null;
        }, 30_000, 2),
      ]);
      toOdooMs.push(odooAt - clicked);
      toCardMs.push(cardAt - clicked);
      writtenMs.push(Math.max(odooAt, cardAt) - clicked);
    }
    for (const list of [postMs, toOdooMs, toCardMs, writtenMs]) list.sort((a, b) => a - b);

    const p = { invokes: INVOKES, keptAliveConnections: SOCKETS, process: 'npm run web', worker: 'stopped' };
    const w = { samples: SAMPLES, odoo: 'embedded 18', process: 'npm run web + npm run worker', workerConcurrency: 8 };
    return [
      { bench: 'teams-invoke-ack', metric: 'ack latency p50', value: pct(ackMs, 50), unit: 'ms', params: p },
      { bench: 'teams-invoke-ack', metric: 'ack latency p95', value: pct(ackMs, 95), unit: 'ms', params: p },
      { bench: 'teams-invoke-ack', metric: 'ack latency p99', value: pct(ackMs, 99), unit: 'ms', params: p },
      { bench: 'teams-invoke-ack', metric: 'ack latency max', value: ackMs[ackMs.length - 1]!, unit: 'ms', params: p },
      { bench: 'teams-invoke-ack', metric: 'burst wall time', value: burstMs, unit: 'ms', params: p },
      { bench: 'teams-invoke-ack', metric: 'answers not 200 with the ack message', value: INVOKES - acked, unit: 'req', params: p },
      { bench: 'teams-invoke-ack', metric: `decisions from ${INVOKES} invokes (audit accepted)`, value: accepted, unit: 'decisions', params: p },
      { bench: 'teams-invoke-ack', metric: `button_approve in Odoo from ${INVOKES} invokes`, value: approvedInOdoo, unit: 'approvals', params: p },
      { bench: 'teams-invoke-ack', metric: 'backlog to written (worker restarted)', value: backlogMs, unit: 'ms', params: { ...p, worker: 'restarted' } },
      { bench: 'teams-card-post', metric: 'to approve -> card posted p50', value: pct(postMs, 50), unit: 'ms', params: w },
      { bench: 'teams-card-post', metric: 'to approve -> card posted p95', value: pct(postMs, 95), unit: 'ms', params: w },
      { bench: 'teams-click-to-written', metric: 'latency p50 (Odoo purchase and card PUT)', value: pct(writtenMs, 50), unit: 'ms', params: w },
      { bench: 'teams-click-to-written', metric: 'latency p95 (Odoo purchase and card PUT)', value: pct(writtenMs, 95), unit: 'ms', params: w },
      { bench: 'teams-click-to-written', metric: 'to Odoo purchase p50', value: pct(toOdooMs, 50), unit: 'ms', params: w },
      { bench: 'teams-click-to-written', metric: 'to card PUT p50', value: pct(toCardMs, 50), unit: 'ms', params: w },
    ] satisfies BenchFigure[];
  } finally {
    await cleanUp();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table((await run()).map(({ bench, metric, value, unit }) => ({ bench, metric, value: Math.round(value * 10) / 10, unit })));
  process.exit(0);
}
