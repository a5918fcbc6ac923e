import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import type { DelegationFeature } from '../../adapters/delegation/create-delegation-feature.ts';
import { wireDelegation } from '../../adapters/delegation/wire-delegation.ts';
import { createStatusFeature } from '../../adapters/runtime/status-feature.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { createRedis } from '../../adapters/store/redis-connection.ts';
import { parseDelegationsSection } from '../../src/delegation/delegations-section.ts';
import { parsePolicy } from '../../src/policy/parse-policy.ts';
import type { Policy } from '../../src/policy/policy-types.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { eventsRequest, postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { slashCommandRequest } from '../status/status-harness.ts';

const SIGNING_SECRET = 'delegation-signing-secret-0123456789abcdef';
const DOMAIN = 'northgate-supply.example';
export const POLICY_FILE = resolve(PROJECT_ROOT, 'test/delegation/fixtures/delegation-policy.yaml');

/** Slack accounts of seeded Odoo staff (email = Odoo login), a buyer, and one Odoo does not know. */
export const USERS = {
  avery: { id: 'U0AVERY', email: `approver@${DOMAIN}`, name: 'Avery Quinn' },
  daniel: { id: 'U0DANIEL', email: `dokafor@${DOMAIN}`, name: 'Daniel Okafor' },
  helen: { id: 'U0HELEN', email: `hvargas@${DOMAIN}`, name: 'Helen Vargas' },
  marco: { id: 'U0MARCO', email: `mrossi@${DOMAIN}`, name: 'Marco Rossi' },
  megan: { id: 'U0MEGAN', email: `mholt@${DOMAIN}`, name: 'Megan Holt' },
  stranger: { id: 'U0STRANGER', email: 'stranger@elsewhere.example', name: 'Sam Stranger' },
} as const;
export type UserKey = keyof typeof USERS;

export interface DelegationHarness {
  slack: FakeSlackApi;
  delegation: DelegationFeature;
  policy: Policy;
  /** `/po <text>` from a user, signed; the HTTP status and the private answer's text. */
  slash(user: UserKey, text: string): Promise<{ status: number; ms: number; answer: FakeSlackCall; text: string }>;
  /** Several `/po` commands at once; the answers' texts in the order they arrived. */
  slashAtOnce(commands: Array<[UserKey, string]>): Promise<string[]>;
  /** A message in the user's DM with the bot (a signed message.im event); the bot's answer text. */
  dm(user: UserKey, text: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * /po delegate end to end: the seeded embedded Odoo over XML-RPC, Redis, the fake Slack Web API,
 * and an HTTP server with Slack mounted as the bot mounts it, the status feature registered with
 * the delegation feature exactly as start-bot wires them.
 */
export async function startDelegationHarness(): Promise<DelegationHarness> {
  const odoo: EmbeddedOdoo = await startEmbeddedOdoo({ port: 0, seed: (store) => void seedDistribution(store, { seed: 7, scale: 20, now: new Date() }) });
  const slack = await startFakeSlackApi({ users: Object.values(USERS) });
  const prefix = uniquePrefix('delegation');
  const redis: Redis = createRedis(testRedisUrl());
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const text = readFileSync(POLICY_FILE, 'utf8');
  const policy = parsePolicy(text, 'delegation-policy.yaml');
  const policyDelegations = parseDelegationsSection(text, 'delegation-policy.yaml', policy, new Date());
  const gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000 });
  const slackConfig = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: slack.url, appToken: undefined };
  const delegation = wireDelegation({
    config: { slack: slackConfig, redis: { url: testRedisUrl(), keyPrefix: prefix, autostart: false }, policyFile: 'delegation-policy.yaml' },
    policy, policyDelegations, redis, odoo: gateway, logger,
  });

  const app = createHttpApp(logger);
  const { bolt } = mountSlack(app, { signingSecret: SIGNING_SECRET, botToken: slackConfig.botToken, apiUrl: slack.url, logger, onApprovalClick: async () => undefined });
  createStatusFeature({
    config: { slack: slackConfig }, policy, odoo: { gateway, url: odoo.url }, store: new RedisApprovalStore(redis, prefix), audit: new RedisAuditLog(redis, prefix, 30), logger, delegation,
  }).registerSlack(bolt);
  finishHttpApp(app, logger);
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  let dmSeq = 0;
  return {
    slack, delegation, policy,
    async slash(user, commandText) {
      const u = USERS[user];
      const from = slack.calls.length;
      const res = await postToSlackEndpoint(url, slashCommandRequest(SIGNING_SECRET, { command: '/po', text: commandText, userId: u.id, userName: u.name, channelId: 'C0PROCURE', responseUrl: slack.responseUrl }));
      let found: FakeSlackCall | undefined;
      await waitFor(() => (found = slack.calls.slice(from).find((c) => c.method === 'response_url')) !== undefined, 10_000, 'the /po answer');
      return { status: res.status, ms: res.ms, answer: found!, text: String(found!.body.text ?? '') };
    },
    async slashAtOnce(commands) {
      const from = slack.calls.length;
      const request = ([user, commandText]: [UserKey, string]) =>
        postToSlackEndpoint(url, slashCommandRequest(SIGNING_SECRET, { command: '/po', text: commandText, userId: USERS[user].id, userName: USERS[user].name, channelId: 'C0PROCURE', responseUrl: slack.responseUrl }));
      await Promise.all(commands.map(request));
      const answers = () => slack.calls.slice(from).filter((c) => c.method === 'response_url');
      await waitFor(() => answers().length >= commands.length, 10_000, 'every /po answer');
      return answers().map((c) => String(c.body.text ?? ''));
    },
    async dm(user, messageText) {
      const u = USERS[user];
      const from = slack.calls.length;
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++dmSeq).padStart(6, '0')}`;
      const event = { type: 'message', channel_type: 'im', channel: `D${u.id.slice(1)}`, user: u.id, text: messageText, ts, event_ts: ts };
      const envelope = { token: 'legacy', team_id: 'T0FAKE', api_app_id: 'A0FAKE', type: 'event_callback', event_id: `EvDM${ts.replace('.', '')}`, event_time: Math.floor(Date.now() / 1000), event };
      await postToSlackEndpoint(url, eventsRequest(SIGNING_SECRET, envelope));
      let found: FakeSlackCall | undefined;
      await waitFor(() => (found = slack.calls.slice(from).find((c) => c.method === 'chat.postMessage')) !== undefined, 10_000, 'the DM answer');
      return String(found!.body.text ?? '');
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await slack.stop();
      await odoo.stop();
      await deleteKeys(testRedisUrl(), prefix);
      redis.disconnect();
    },
  };
}
