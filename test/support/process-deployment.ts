import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { ensureWebhookRule } from '../../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { freePort } from '../../adapters/store/ensure-redis.ts';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { buttonsOf, CHANNEL, SIGNING_SECRET, SLACK_USERS, type Card } from './approval-harness.ts';
import { PROJECT_ROOT } from './paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from './redis.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint } from './slack-sign.ts';
import { spawnEntry, waitFor, type SpawnedProcess } from './spawn-bot.ts';
import { waitingPoFactory, type WaitingPoFactory } from './waiting-po.ts';

/**
 * The bot deployed as separate processes (`npm run web`, `npm run worker`: node --import tsx on
 * their entry points) on one Redis, with the embedded Odoo and the fake Slack Web API in the test's
 * own process, so a test can kill -9 a worker and count what reached Odoo and Slack.
 */
export interface ProcessDeployment {
  odoo: EmbeddedOdoo;
  admin: OdooAwaitGateway;
  slack: FakeSlackApi;
  redis: Redis;
  prefix: string;
  store: RedisApprovalStore;
  audit: RedisAuditLog;
  pos: WaitingPoFactory;
  /** The web processes' base URLs, in start order. */
  webUrls: string[];
  startWeb(): Promise<SpawnedProcess>;
  startWorker(extraEnv?: Record<string, string>): Promise<SpawnedProcess>;
  waitForCard(orderName: string, ms?: number): Promise<Card>;
  click(user: keyof typeof SLACK_USERS, card: Card, action: 'approve', webUrl?: string): Promise<{ status: number }>;
  close(): Promise<void>;
}

const TOKEN = 'process-deployment-webhook-token-01';

export async function startProcessDeployment(options: { label: string; extraEnv?: Record<string, string> }): Promise<ProcessDeployment> {
  const odoo = await startEmbeddedOdoo({ port: 0, version: 17, seed: (store) => void seedDistribution(store, { seed: 7, scale: 70, now: new Date() }) });
  const slack = await startFakeSlackApi({ users: Object.values(SLACK_USERS) });
  const prefix = uniquePrefix(options.label);
  const stateDir = mkdtempSync(join(tmpdir(), `chatops-${options.label}-`));
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 2 });
  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 10_000 });
  const processes: SpawnedProcess[] = [];
  const webUrls: string[] = [];
  const env = (port: number): Record<string, string> => ({
    PORT: String(port), REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', STATE_DIR: stateDir, LOG_LEVEL: 'warn',
    ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_WEBHOOK_TOKEN: TOKEN,
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url,
    POLICY_FILE: resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600',
    // A killed worker's jobs run again within about two seconds (the default lock is 30 s).
    JOB_LOCK_MS: '1000', SHUTDOWN_TIMEOUT_MS: '3000', ...options.extraEnv,
  });
  let clickSeq = 0;
  const deployment: ProcessDeployment = {
    odoo, admin, slack, redis, prefix,
    store: new RedisApprovalStore(redis, prefix),
    audit: new RedisAuditLog(redis, prefix, 30, () => new Date()),
    pos: await waitingPoFactory(odoo, admin, 'buyer@northgate-supply.example'),
    webUrls,
    async startWeb() {
      const port = await freePort();
      const web = spawnEntry('web', env(port));
      processes.push(web);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200, 40_000, `web process on ${port} ready (${web.stderr().slice(-400)})`);
      if (webUrls.length === 0) await ensureWebhookRule(admin, `${url}/webhooks/odoo/${TOKEN}`);
      webUrls.push(url);
      return web;
    },
    async startWorker(extraEnv = {}) {
      const worker = spawnEntry('worker', { ...env(await freePort()), LOG_LEVEL: 'info', ...extraEnv });
      processes.push(worker);
      // Ready when its start line is logged (its workers take jobs from then on).
      await waitFor(() => worker.stdout().includes('Workers running on queues'), 40_000, `the worker to start (${worker.stderr().slice(-400)})`);
      return worker;
    },
    async waitForCard(orderName, ms = 15_000) {
      let card: Card | undefined;
      await waitFor(() => {
        const post = slack.callsOf('chat.postMessage').find((c) => c.body.channel === CHANNEL && String(c.body.text ?? '').includes(orderName) && c.response?.ok);
        if (post) card = { channel: CHANNEL, ts: String(post.response!.ts), buttons: buttonsOf(post.body) };
        return card !== undefined;
      }, ms, `the card of ${orderName}`);
      return card!;
    },
    click(user, card, action, webUrl) {
      const u = SLACK_USERS[user];
      clickSeq += 1;
      const payload = buttonClickPayload({ actionId: `approval_${action}`, value: card.buttons[`approval_${action}`] ?? '', userId: u.id, userName: u.name, channel: card.channel, messageTs: card.ts, actionTs: `1800000000.${String(clickSeq).padStart(6, '0')}`, responseUrl: slack.responseUrl });
      return postToSlackEndpoint(`${webUrl ?? webUrls[0]}/slack/events`, interactivityRequest(SIGNING_SECRET, payload));
    },
    async close() {
      for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      await Promise.race([Promise.all(processes.map((p) => p.exited)), new Promise((r) => setTimeout(r, 8_000))]);
      for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await deleteKeys(testRedisUrl(), prefix);
      redis.disconnect();
      await slack.stop();
      await odoo.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return deployment;
}
