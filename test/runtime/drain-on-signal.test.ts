import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { ODOO_RECORD_CHANGED_JOB } from '../../src/intake/receive-odoo-webhook.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startToggleProxy, type ToggleProxy } from '../support/toggle-proxy.ts';

// The drain must finish inside this; the test allows 1 s more for node itself to exit.
const SHUTDOWN_TIMEOUT_MS = 4_000;
const stateDir = mkdtempSync(join(tmpdir(), 'chatops-drain-'));
const prefixes: string[] = [];
let odoo: EmbeddedOdoo;
let proxy: ToggleProxy;
let redis: Redis;

beforeAll(async () => {
  odoo = await startEmbeddedOdoo({ port: 0, seed: (store) => void seedDistribution(store, { seed: 3, scale: 20, now: new Date() }) });
  proxy = await startToggleProxy(odoo.port);
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  proxy.release();
  await Promise.all(prefixes.map((p) => deleteKeys(testRedisUrl(), p)));
  redis.disconnect();
  await proxy.stop();
  await odoo.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** The worker as production starts it (`node --import tsx ...`) or through `npm run worker`, in a process group of its own. */
function startWorker(how: 'node' | 'npm', prefix: string) {
  const env = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info',
    ODOO_URL: proxy.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_TIMEOUT_MS: '30000', ODOO_WEBHOOK_TOKEN: 'drain-test-webhook-token-0123',
    POLICY_FILE: resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600',
    REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', STATE_DIR: stateDir, SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), WORKER_CONCURRENCY: '8',
  };
  const child = how === 'node'
    ? spawn(process.execPath, ['--import', 'tsx', 'adapters/runtime/worker.ts'], { cwd: PROJECT_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['run', '--silent', 'worker'], { cwd: PROJECT_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  let gone = false;
  child.once('exit', () => (gone = true));
  return { child, out: () => out, gone: () => gone };
}

/** The pid of the node process running worker.ts (npm's grandchild), read from its own log line. */
const workerPid = (out: string) => Number(/"pid":(\d+)[^\n]*Workers running/.exec(out)?.[1]);

/** Exited: no such process, or a zombie (npm's orphaned grandchild waits for a reaper this container may not have). */
const processGone = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
};

async function runScenario(how: 'node' | 'npm', send: 'group' | 'pid', odooAnswersAfterMs: number | null) {
  const prefix = uniquePrefix('drain');
  prefixes.push(prefix);
  const scan = new Queue('scan', { connection: redis, prefix });
  const worker = startWorker(how, prefix);
  try {
    await waitFor(() => worker.gone() || worker.out().includes('Workers running'), 30_000, 'the worker to start').catch((err: Error) => {
      throw new Error(`${err.message}; it said:\n${worker.out().slice(-2_000)}`);
    });
    if (worker.gone()) throw new Error(`the worker exited at start: ${worker.out().slice(-2_000)}`);
    const pid = workerPid(worker.out());
    const [po] = odoo.store.rows('purchase.order');
    // Odoo hangs: the job is running (reading the PO) when the signal comes.
    proxy.hold();
    const job = await scan.add(ODOO_RECORD_CHANGED_JOB, { model: 'purchase.order', id: po!.id, version: `drain-${prefix}`, fields: {}, action: 'test', receivedAt: new Date().toISOString() }, { jobId: `drain-${prefix}` });
    // Every job running when the signal comes (the reconciliation scans started with the worker, and this one).
    await waitFor(async () => (await job.getState()) === 'active', 10_000, 'the job to be running');
    const running = await scan.getActive();
    if (odooAnswersAfterMs !== null) setTimeout(() => proxy.release(), odooAnswersAfterMs);
    const signalledAt = Date.now();
    process.kill(send === 'group' ? -worker.child.pid! : worker.child.pid!, 'SIGTERM');
    await waitFor(() => processGone(pid), SHUTDOWN_TIMEOUT_MS + 1_000, 'the worker process to exit').catch((err: Error) => {
      throw new Error(`${err.message}:\n${worker.out().slice(-3_000)}`);
    });
    const tookMs = Date.now() - signalledAt;
    proxy.release();
    const after = await Promise.all(running.map(async (j) => ({ id: j.id, state: await j.getState(), attemptsBefore: j.attemptsMade, attemptsAfter: (await scan.getJob(j.id!))?.attemptsMade })));
    // The drain as the process timed it (its own log lines), and how long until the process was gone.
    const at = (msg: string) => Number(new RegExp(`"time":(\\d+)[^\\n]*"msg":"${msg}`).exec(worker.out())?.[1]);
    const drainMs = at('stopped') - at('stopping: no new work');
    return { tookMs, drainMs, running: after, mine: await job.getState(), out: worker.out() };
  } finally {
    proxy.release();
    if (worker.child.pid && !processGone(worker.child.pid)) process.kill(-worker.child.pid, 'SIGKILL');
    await scan.close();
  }
}

const stops = (out: string) => out.split('\n').filter((l) => l.includes('stopping: no new work')).length;

describe('one signal, one drain, within SHUTDOWN_TIMEOUT_MS', () => {
  it('SIGTERM to the process group of `npm run worker`: one drain, the hung job back in its queue', async () => {
    const r = await runScenario('npm', 'group', null);
    expect(r.drainMs, r.out).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(r.tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 1_000);
    expect(stops(r.out)).toBe(1);
    expect(r.out).not.toContain('second signal');
    expect(r.out).toContain('returning them to their queues');
    expect(r.out).toContain('"msg":"stopped"');
    expect(r.running.length).toBeGreaterThan(0);
    // Finished before Odoo was held, or handed back untouched: none left active with a lock to expire.
    for (const j of r.running) expect(['completed', 'delayed', 'waiting']).toContain(j.state);
    const handedBack = r.running.filter((j) => j.state !== 'completed');
    // The job hung on Odoo is among them, back in the queue.
    expect(['delayed', 'waiting']).toContain(r.mine);
    expect(handedBack.some((j) => j.id?.startsWith('drain-'))).toBe(true);
    for (const j of handedBack) expect(j.attemptsAfter).toBe(j.attemptsBefore);
  }, 60_000);

  it('SIGTERM to the pid of the production start command: the running job finishes, exit 0', async () => {
    const r = await runScenario('node', 'pid', 1_000);
    expect(r.drainMs, r.out).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(r.tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 1_000);
    expect(stops(r.out)).toBe(1);
    // The job that only waited for Odoo finished; longer ones (alert scans) finished or were handed back.
    expect(r.mine).toBe('completed');
    for (const j of r.running) expect(['completed', 'delayed', 'waiting']).toContain(j.state);
    expect(r.out).toContain('"msg":"stopped"');
  }, 60_000);

  it('SIGTERM to the pid of `npm run worker` (npm as PID 1 would get it): node drains although npm does not pass it on', async () => {
    const r = await runScenario('npm', 'pid', null);
    // npm is gone at once; node notices within its 500 ms parent check.
    expect(r.drainMs, r.out).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(r.tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 1_500);
    expect(stops(r.out)).toBe(1);
    for (const j of r.running) expect(['completed', 'delayed', 'waiting']).toContain(j.state);
    expect(['delayed', 'waiting']).toContain(r.mine);
  }, 60_000);
});
