import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import type { SeedSummary } from '../../adapters/embedded-odoo/seed/seed-summary.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { adminWire, odooProfile } from '../support/odoo-profile.ts';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { createStatusFeature } from '../../adapters/runtime/status-feature.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { createRedis } from '../../adapters/store/redis-connection.ts';
import { policyRules } from '../../src/approvals/policy-rules.ts';
import { requestApproval } from '../../src/approvals/request-approval.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { eventsRequest, postToSlackEndpoint, signSlackRequest, type SlackHttpRequest } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { testPolicy } from './fixtures.ts';
import type { StatusInsights } from '../../src/status/status-insights.ts';

export const SIGNING_SECRET = 'status-signing-secret-0123456789abcdef';
const DOMAIN = 'northgate-supply.example';

/** Slack accounts of seeded Odoo staff (email = Odoo login), plus one nobody knows in Odoo. */
export const USERS = {
  avery: { id: 'U0AVERY', email: `approver@${DOMAIN}`, name: 'Avery Quinn' }, // US + EU, approver
  megan: { id: 'U0MEGAN', email: `mholt@${DOMAIN}`, name: 'Megan Holt' }, // US only, buyer
  claire: { id: 'U0CLAIRE', email: `cdubois@${DOMAIN}`, name: 'Claire Dubois' }, // EU only, buyer
  stranger: { id: 'U0STRANGER', email: 'stranger@elsewhere.example', name: 'Sam Stranger' },
} as const;
export type UserKey = keyof typeof USERS;

export interface StatusHarness {
  url: string;
  slack: FakeSlackApi;
  odoo: EmbeddedOdoo;
  admin: OdooAwaitGateway;
  summary: SeedSummary;
  /** Opens the bot's approval request of a waiting PO, as the webhook flow would. */
  requestApproval(orderId: number): Promise<void>;
  /** `/po <text>` from a user, signed; resolves with the HTTP answer and the response_url answer. */
  slash(user: UserKey, text: string): Promise<{ status: number; ms: number; answer: FakeSlackCall }>;
  /** An Events API callback, signed; resolves with the HTTP answer. */
  event(event: Record<string, unknown>): Promise<{ status: number; text: string }>;
  /** The next Web API call of `method` after `from` calls (listeners answer after the ack). */
  nextCall(method: string, from: number): Promise<FakeSlackCall>;
  post(request: SlackHttpRequest): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/** A slash command POST as Slack sends it: form-encoded fields, signed. */
export function slashCommandRequest(secret: string, fields: { command: string; text: string; userId: string; userName: string; channelId: string; responseUrl: string }, timestampSeconds?: number): SlackHttpRequest {
  const body = new URLSearchParams({
    token: 'legacy-verification-token', team_id: 'T0FAKE', team_domain: 'fake', channel_id: fields.channelId, channel_name: 'procurement',
    user_id: fields.userId, user_name: fields.userName, command: fields.command, text: fields.text, api_app_id: 'A0FAKE',
    is_enterprise_install: 'false', response_url: fields.responseUrl, trigger_id: '1234.5678.abcdef',
  }).toString();
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(secret, body, timestampSeconds) } };
}

/**
 * The status feature end to end: the seeded embedded Odoo over XML-RPC, Redis stores, the fake
 * Slack Web API, and an HTTP server with Slack mounted exactly as the bot mounts it, plus
 * createStatusFeature(...).registerSlack(bolt): the wiring the lead adds to start-bot.
 */
export async function startStatusHarness(options: { insights?: StatusInsights } = {}): Promise<StatusHarness> {
  let summary: SeedSummary | undefined;
  const profile = odooProfile();
  const odoo = await startEmbeddedOdoo({ port: 0, version: profile.version, seed: (store) => void (summary = seedDistribution(store, { seed: 7, scale: 120, now: new Date() })) });
  const slack = await startFakeSlackApi({ users: Object.values(USERS) });
  const prefix = uniquePrefix('status');
  const redis: Redis = createRedis(testRedisUrl());
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const policy = testPolicy();
  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000, ...adminWire(odoo, profile) });
  const store = new RedisApprovalStore(redis, prefix);
  const audit = new RedisAuditLog(redis, prefix, 30);
  const queued: unknown[] = [];
  const queue: JobQueue = { enqueue: async (...args) => void queued.push(args) };

  const app = createHttpApp(logger);
  const { bolt } = mountSlack(app, { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', apiUrl: slack.url, logger, onApprovalClick: async () => undefined });
  const status = createStatusFeature({ config: { slack: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: slack.url, appToken: undefined } }, policy, odoo: { gateway: admin, url: odoo.url }, store, audit, logger, ...(options.insights ? { insights: options.insights } : {}) });
  status.registerSlack(bolt);
  finishHttpApp(app, logger);
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  let eventSeq = 0;

  const harness: StatusHarness = {
    url, slack, odoo, admin, summary: summary!,
    async requestApproval(orderId) {
      await requestApproval(orderId, { odoo: admin, store, audit, queue, rules: policyRules(policy, ['slack']), now: () => new Date() });
    },
    async slash(user, text) {
      const u = USERS[user];
      const from = slack.calls.length;
      const res = await postToSlackEndpoint(url, slashCommandRequest(SIGNING_SECRET, { command: '/po', text, userId: u.id, userName: u.name, channelId: 'C0PROCURE', responseUrl: slack.responseUrl }));
      const answer = await harness.nextCall('response_url', from);
      return { status: res.status, ms: res.ms, answer };
    },
    async event(event) {
      eventSeq += 1;
      const envelope = { token: 'legacy', team_id: 'T0FAKE', api_app_id: 'A0FAKE', type: 'event_callback', event_id: `Ev${String(eventSeq).padStart(8, '0')}`, event_time: Math.floor(Date.now() / 1000), event };
      return postToSlackEndpoint(url, eventsRequest(SIGNING_SECRET, envelope));
    },
    async nextCall(method, from) {
      let found: FakeSlackCall | undefined;
      await waitFor(() => (found = slack.calls.slice(from).find((c) => c.method === method)) !== undefined, 10_000, `a ${method} call`);
      return found!;
    },
    post: (request) => postToSlackEndpoint(url, request),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await slack.stop();
      await odoo.stop();
      await deleteKeys(testRedisUrl(), prefix);
      redis.disconnect();
    },
  };
  return harness;
}

/** Everything a Slack message body shows: fallback text and blocks. */
export function shown(call: FakeSlackCall): string {
  const b = call.body;
  const blocks = typeof b.blocks === 'string' ? b.blocks : JSON.stringify(b.blocks ?? []);
  const view = b.view ? (typeof b.view === 'string' ? b.view : JSON.stringify(b.view)) : '';
  return `${String(b.text ?? '')}\n${blocks}\n${view}`;
}
