import { pathToFileURL } from 'node:url';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { closeQueues, createQueues } from '../adapters/queue/bullmq-queues.ts';
import { intakeStreamKey } from '../adapters/queue/intake-stream.ts';
import { startIntakeRelay } from '../adapters/queue/relay-intake.ts';
import { startFakeSlackApi } from '../test/fakes/fake-slack-api.ts';
import { freePort } from '../adapters/store/ensure-redis.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';
import { benchRedis } from './support/bench-redis.ts';
import { botEnv, startBotProcess } from './support/bot-process.ts';
import { cpuMsOf, firstJsonLine, runTsForJson, sleep, spawnTs, stopChild } from './support/child-process.ts';
import { startOdooProcess } from './support/embedded-odoo-process.ts';

const TOKEN = 'bench-webhook-token-0123456789';
const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 200);
const DURATION_S = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
/** Odoo POSTs one record version three times (recorded on Odoo 18): 2 of 3 requests are repeats. */
const REPEATS = 3;
const WARM_UP_S = Number(process.env.BENCH_WEBHOOK_WARM_UP_SECONDS ?? 3);

interface LoadResult { requestsPerSecond: number; total: number; p50: number; p99: number; max: number; failures: number; versionsStarted: number }

/**
 * Webhook intake as Odoo drives it, measured side by side in one run, each server in its own
 * process and autocannon in another (200 connections, each record version POSTed three times),
 * each server measured after a few seconds of the same load to warm it up:
 * - ours: `npm run web` (token, body limit, JSON, zod, Redis dedupe, intake stream XADD, 202/200);
 * - bare node:http + JSON.parse, the same body and load (the HTTP ceiling of this machine);
 * - bare node:http + JSON.parse + one BullMQ add per request (the ceiling with the queue);
 * - bare node:http + JSON.parse + one XADD per request (the ceiling with the bot's intake stream);
 * - raw BullMQ adds, 200 in flight (the queue's own speed).
 * Afterwards, ours must have queued exactly one job per accepted record version.
 */
export const run: BenchRun = async () => {
  const r = await benchRedis('webhook');
  const odoo = await startOdooProcess({ seed: 7, scale: 20 });
  const slack = await startFakeSlackApi({ users: [] });
  const prefix = `bench-webhook-${Date.now()}`;
  const figures: BenchFigure[] = [];
  const params = { connections: CONNECTIONS, durationS: DURATION_S, repeatsPerVersion: REPEATS };
  const load = (url: string) => runTsForJson<LoadResult>('bench/processes/load-odoo-webhooks.ts', { url, connections: CONNECTIONS, durationS: DURATION_S, repeats: REPEATS, firstId: 10_000_000 });
  // Each server (ours and the baselines alike) first takes WARM_UP_S of the same load, as a
  // process that has run for a while has: its code compiled by the JIT, its pools and buffers grown.
  const warmUp = (url: string) => runTsForJson<LoadResult>('bench/processes/load-odoo-webhooks.ts', { url, connections: CONNECTIONS, durationS: WARM_UP_S, repeats: REPEATS, firstId: 1 });
  try {
    // 1. Ours.
    const port = await freePort();
    const web = await startBotProcess('web', botEnv({ port, redisUrl: r.url, prefix, stateDir: r.dir, odoo, slackApiUrl: slack.url, signingSecret: 'bench-signing-secret-0123456789abcdef', webhookToken: TOKEN }));
    const warm = await warmUp(`http://127.0.0.1:${port}/webhooks/odoo/${TOKEN}`);
    await sleep(500);
    const cpu0 = web.cpuMs();
    const ours = await load(`http://127.0.0.1:${port}/webhooks/odoo/${TOKEN}`);
    const oursCpuMs = web.cpuMs() - cpu0;
    await sleep(500);
    await web.stop();
    const accepted = await countKeys(r, `${prefix}:once:odoo-event:*`);
    const relayStarted = Date.now();
    await relayIntake(r, prefix);
    const relayMs = Date.now() - relayStarted;
    const jobs = await countJobs(r, `${prefix}:scan`);
    await r.clean(prefix);

    // 2. Baselines, same load, each server in its own process.
    const bare = await baseline({ mode: 'respond' }, load, warmUp);
    const bareAdd = await baseline({ mode: 'add', redisUrl: r.url, prefix: `${prefix}-baseline` }, load, warmUp);
    const bareXadd = await baseline({ mode: 'xadd', redisUrl: r.url, prefix: `${prefix}-baseline` }, load, warmUp);
    await r.clean(`${prefix}-baseline`);
    const raw = await runTsForJson<{ addsPerSecond: number; cpuMs: number }>('bench/processes/raw-bullmq-adds.ts', { redisUrl: r.url, prefix: `${prefix}-raw`, total: 30_000, concurrency: CONNECTIONS });
    await r.clean(`${prefix}-raw`);

    const f = (metric: string, value: number, unit: string, extra: Record<string, string | number> = {}) => figures.push({ bench: 'webhook-intake', metric, value, unit, params: { ...params, ...extra } });
    f('ours: requests/s', ours.requestsPerSecond, 'req/s', { process: 'npm run web' });
    f('ours: latency p50', ours.p50, 'ms');
    f('ours: latency p99', ours.p99, 'ms');
    f('ours: latency max', ours.max, 'ms');
    f('ours: CPU per request', oursCpuMs / ours.total, 'ms');
    f('ours: errors + non-2xx', ours.failures, 'req');
    f('ours: record versions started (warm-up and measured run)', warm.versionsStarted + ours.versionsStarted, 'versions');
    f('ours: record versions accepted', accepted, 'versions');
    f('ours: jobs queued (must equal accepted)', jobs, 'jobs');
    f('ours: relaying the intake stream into BullMQ (after the load)', relayMs, 'ms', { entries: accepted });
    f('bare http + JSON.parse: requests/s', bare.load.requestsPerSecond, 'req/s');
    f('bare http + JSON.parse: latency p99', bare.load.p99, 'ms');
    f('bare http + JSON.parse: CPU per request', bare.cpuMs / bare.load.total, 'ms');
    f('bare http + one BullMQ add: requests/s', bareAdd.load.requestsPerSecond, 'req/s');
    f('bare http + one BullMQ add: latency p99', bareAdd.load.p99, 'ms');
    f('bare http + one BullMQ add: CPU per request', bareAdd.cpuMs / bareAdd.load.total, 'ms');
    f('bare http + one XADD: requests/s', bareXadd.load.requestsPerSecond, 'req/s');
    f('bare http + one XADD: latency p99', bareXadd.load.p99, 'ms');
    f('bare http + one XADD: CPU per request', bareXadd.cpuMs / bareXadd.load.total, 'ms');
    f('raw BullMQ adds/s (200 in flight)', raw.addsPerSecond, 'adds/s');
    f('ratio ours / bare http + one BullMQ add (req/s)', ours.requestsPerSecond / bareAdd.load.requestsPerSecond, 'x');
    f('ratio ours / bare http + JSON.parse (req/s)', ours.requestsPerSecond / bare.load.requestsPerSecond, 'x');
    f('ratio ours / bare http + one BullMQ add (p99)', ours.p99 / Math.max(1, bareAdd.load.p99), 'x');
    f('ratio ours / bare http + one XADD (req/s)', ours.requestsPerSecond / bareXadd.load.requestsPerSecond, 'x');
  } finally {
    await slack.stop();
    await odoo.stop();
    await r.clean(prefix);
    await r.close();
  }
  return figures;
};

async function baseline(input: Record<string, unknown>, load: (url: string) => Promise<LoadResult>, warmUp: (url: string) => Promise<LoadResult>): Promise<{ load: LoadResult; cpuMs: number }> {
  const child = spawnTs('bench/processes/bare-http.ts', { args: [JSON.stringify(input)] });
  const { port } = await firstJsonLine<{ port: number }>(child);
  await warmUp(`http://127.0.0.1:${port}/webhooks/odoo/${TOKEN}`);
  await sleep(500);
  const cpu0 = cpuMsOf(child.pid!);
  const result = await load(`http://127.0.0.1:${port}/webhooks/odoo/${TOKEN}`);
  const cpuMs = cpuMsOf(child.pid!) - cpu0;
  await stopChild(child);
  return { load: result, cpuMs };
}

async function countKeys(r: { redis: Redis }, pattern: string): Promise<number> {
  let n = 0;
  for (let cursor = '0'; ; ) {
    const [next, keys] = await r.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    n += keys.length;
    cursor = next;
    if (cursor === '0') return n;
  }
}

/**
 * The web process took the versions in as intake stream entries; a worker's relay moves them into
 * the scan queue. The relay runs here (no worker process, whose scan jobs would read Odoo and be
 * trimmed once done), until the stream is empty.
 */
async function relayIntake(r: { redis: Redis }, prefix: string): Promise<void> {
  const queues = createQueues(r.redis, prefix);
  const relay = await startIntakeRelay({ connection: r.redis, prefix, queues, logger: pino({ level: 'warn' }) });
  while ((await r.redis.xlen(intakeStreamKey(prefix))) > 0) await sleep(50);
  await relay.close();
  await closeQueues(queues);
}

/** Jobs of a BullMQ queue in any state (only the relay added: they all wait). */
async function countJobs(r: { redis: Redis }, queueKey: string): Promise<number> {
  const [wait, prioritized, delayed] = await Promise.all([r.redis.llen(`${queueKey}:wait`), r.redis.zcard(`${queueKey}:prioritized`), r.redis.zcard(`${queueKey}:delayed`)]);
  return wait + prioritized + delayed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table((await run()).map(({ metric, value, unit }) => ({ metric, value: Math.round(value * 1000) / 1000, unit })));
  process.exit(0);
}
