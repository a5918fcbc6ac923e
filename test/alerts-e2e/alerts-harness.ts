/**
 * The exception lifecycle end to end, without start-bot: the embedded Odoo (seeded), the fake
 * Slack Web API, real Redis, Slack mounted on an express app with the alert listeners, and the
 * queue workers running the alert jobs. The bot's clock is injectable (snoozes, escalation).
 */
import type { Server } from 'node:http';
import pino from 'pino';
import { Redis } from 'ioredis';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { seedDistribution, type SeedSummary } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { adminWire, botOdooEnv, odooProfile } from '../support/odoo-profile.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { startWorkers, type WorkerPool } from '../../adapters/queue/start-workers.ts';
import { createAlertsFeature, type AlertsFeature } from '../../adapters/runtime/alerts-feature.ts';
import { createJobHandlers } from '../../adapters/runtime/job-handlers.ts';
import type { OdooConnection } from '../../adapters/runtime/connect-odoo.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { parseAlertsSection } from '../../src/alerts/lifecycle/alerts-settings.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import type { BusinessCalendar } from '../../src/time/business-calendar.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { blocksOf, buttonsOf, SIGNING_SECRET, SLACK_USERS } from '../support/approval-harness.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { officeHours } from '../alerts/fixtures.ts';

export { SLACK_USERS, SIGNING_SECRET };

/** Monday to Friday office hours in UTC (test/alerts fixtures). */
export const CALENDAR: BusinessCalendar = officeHours('UTC');

export interface AlertsHarness {
  odoo: EmbeddedOdoo;
  admin: OdooAwaitGateway;
  slack: FakeSlackApi;
  summary: SeedSummary;
  feature: AlertsFeature;
  queues: BullQueues;
  url: string;
  prefix: string;
  clock: { now: number };
  /** Posts (chat.postMessage that succeeded) in a channel whose text includes `needle`. */
  postsWith(channel: string, needle: string): Array<{ ts: string; text: string; buttons: Record<string, string> }>;
  /** The newest rendering (post or update) of a message. */
  latestText(channel: string, ts: string): string;
  click(user: keyof typeof SLACK_USERS, at: { channel: string; ts: string; buttons: Record<string, string> }, actionId: string, options?: { value?: string; secret?: string }): Promise<{ status: number; text: string }>;
  ephemeralsTo(user: keyof typeof SLACK_USERS): string[];
  /** Waits until the notify and writeback queues have nothing waiting, active or delayed. */
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startAlertsHarness(options: { routingYaml: (summary: SeedSummary) => string; scale?: number }): Promise<AlertsHarness> {
  let summary!: SeedSummary;
  const profile = odooProfile();
  const odoo = await startEmbeddedOdoo({ port: 0, version: profile.version, seed: (store) => void (summary = seedDistribution(store, { seed: 11, scale: options.scale ?? 40, now: new Date() })) });
  const slack = await startFakeSlackApi({ users: Object.values(SLACK_USERS) });
  const prefix = uniquePrefix('alerts');
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const config = parseConfig({
    PORT: '0', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', LOG_LEVEL: 'silent',
    ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ...botOdooEnv(odoo, profile), ODOO_WEBHOOK_TOKEN: 'alerts-harness-token-0123456789',
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url,
  });
  const gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 10_000, ...adminWire(odoo, profile) });
  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 10_000, ...adminWire(odoo, profile) });
  const connection = { gateway, url: odoo.url, db: odoo.db, embedded: false, readiness: { name: 'odoo', run: async () => ({ ok: true }) }, close: async () => gateway.close() } as unknown as OdooConnection;
  const clock = { now: Date.now() };
  const now = () => new Date(clock.now);
  const settings = parseAlertsSection(options.routingYaml(summary), 'alerts-test.yaml', CALENDAR);
  const feature = createAlertsFeature({ config, settings, redis, queues, odoo: connection, logger, now });

  const app = createHttpApp(logger);
  const { bolt } = mountSlack(app, { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', apiUrl: slack.url, logger, now: () => new Date(), onApprovalClick: async () => {} });
  feature.registerSlack(bolt);
  finishHttpApp(app, logger);
  const server: Server = await listen(app, 0);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const handlers = createJobHandlers({ odoo: connection, redis, keyPrefix: prefix, logger, listeners: feature.listeners, handlers: feature.handlers });
  const pool: WorkerPool = startWorkers({ connection: redis, prefix, handlers, logger, concurrency: 8 });

  const okPosts = () => slack.callsOf('chat.postMessage').filter((c) => c.response?.ok);
  const textOf = (body: Record<string, unknown>) => `${String(body.text ?? '')}\n${JSON.stringify(blocksOf(body))}`;
  let seq = 0;
  const harness: AlertsHarness = {
    odoo, admin, slack, summary, feature, queues, url, prefix, clock,
    postsWith(channel, needle) {
      return okPosts()
        .filter((c) => c.body.channel === channel && textOf(c.body).includes(needle))
        .map((c) => ({ ts: String(c.response!.ts), text: textOf(c.body), buttons: buttonsOf(c.body) }));
    },
    latestText(channel, ts) {
      const calls = slack.calls.filter((c) => c.body.channel === channel && ((c.method === 'chat.update' && c.body.ts === ts && c.response?.ok) || (c.method === 'chat.postMessage' && c.response?.ts === ts)));
      const last = calls.at(-1);
      return last ? textOf(last.body) : '';
    },
    click(user, at, actionId, opts = {}) {
      const u = SLACK_USERS[user];
      seq += 1;
      const value = opts.value ?? at.buttons[actionId] ?? '';
      const payload = buttonClickPayload({ actionId, value, userId: u.id, userName: u.name, channel: at.channel, messageTs: at.ts, actionTs: `1800000000.${String(seq).padStart(6, '0')}`, responseUrl: slack.responseUrl });
      return postToSlackEndpoint(`${url}/slack/events`, interactivityRequest(opts.secret ?? SIGNING_SECRET, payload));
    },
    ephemeralsTo(user) {
      const id = SLACK_USERS[user].id;
      return slack.callsOf('chat.postEphemeral').filter((c) => c.body.user === id).map((c) => String(c.body.text ?? ''));
    },
    async settle(ms = 30_000) {
      await waitFor(async () => {
        for (const q of [queues.notify, queues.writeback, queues.scan]) {
          const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          if ((c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) > 0) return false;
        }
        return true;
      }, ms, 'the queues to settle');
    },
    async close() {
      await pool.close(3_000);
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await closeQueues(queues);
      redis.disconnect();
      await deleteKeys(testRedisUrl(), prefix);
      gateway.close();
      admin.close();
      await slack.stop();
      await odoo.stop();
    },
  };
  return harness;
}
