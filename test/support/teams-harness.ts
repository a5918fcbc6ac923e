import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { ensureWebhookRule } from '../../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { adminWire, botOdooEnv, odooProfile } from './odoo-profile.ts';
import { startBot, type BotRuntime } from '../../adapters/runtime/start-bot.ts';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import { startFakeBotConnector, type BotConnectorCall, type FakeBotConnector, type FakeTeamsMember } from '../fakes/fake-bot-connector.ts';
import { PROJECT_ROOT } from './paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from './redis.ts';
import { waitFor } from './spawn-bot.ts';
import { waitingPoFactory } from './waiting-po.ts';
import { botAddedActivity, cardActionActivity, postActivity, type ActivityAnswer, type TeamsPlace } from './teams-activities.ts';

const DOMAIN = 'northgate-supply.example';

function member(key: string, name: string, email: string): FakeTeamsMember {
  const hex = Buffer.from(key).toString('hex').padEnd(12, '0').slice(0, 12);
  // Real Teams user ids are about 90 characters: longer than the core's 64-character user ids.
  return { id: `29:1${key}-${'x'.repeat(80)}`, aadObjectId: `00000000-0000-4000-8000-${hex}`, name, email, userPrincipalName: `${key}@northgate.onmicrosoft.com` };
}

/** Teams accounts of the seeded Odoo staff (email = Odoo login). */
export const TEAMS_USERS = {
  avery: member('avery', 'Avery Quinn', `approver@${DOMAIN}`),
  daniel: member('daniel', 'Daniel Okafor', `dokafor@${DOMAIN}`),
  bea: member('bea', 'Bea Buyer', `buyer@${DOMAIN}`),
  warehouse: member('wes', 'Wes Warehouse', `warehouse@${DOMAIN}`),
} as const;

export type TeamsUserKey = keyof typeof TEAMS_USERS;

/** The team channel the test policy routes cards to ("Purchasing/Approvals"). */
export const APPROVALS_CHANNEL: TeamsPlace = { kind: 'channel', channelId: '19:approvals0001@thread.tacv2', channelName: 'Approvals', teamId: '19:purchasing0001@thread.tacv2', teamName: 'Purchasing' };

export interface TeamsCard {
  conversationId: string;
  activityId: string;
}

export interface TeamsHarness {
  bot: BotRuntime & { url: string };
  connector: FakeBotConnector;
  odoo: EmbeddedOdoo;
  admin: OdooAwaitGateway;
  /** The bot is added to the Purchasing team's Approvals channel. */
  install(): Promise<ActivityAnswer>;
  createWaitingPo(options?: { amount?: number }): Promise<{ id: number; name: string }>;
  waitForCard(orderName: string): Promise<TeamsCard>;
  /** The newest Adaptive Card of a posted card (its last update, else the post). */
  cardOf(card: TeamsCard): Record<string, unknown>;
  waitForCardText(card: TeamsCard, pattern: RegExp, ms?: number): Promise<string>;
  /** The `data` of a card's Action.Execute with this verb (searched in show-cards too). */
  actionData(card: Record<string, unknown>, verb: string): Record<string, unknown> | null;
  act(user: TeamsUserKey, card: TeamsCard, verb: string, data: Record<string, unknown>, trigger?: 'manual' | 'automatic'): Promise<ActivityAnswer>;
  /** Texts the bot sent to the person's personal chat. */
  messagesTo(user: TeamsUserKey): string[];
  close(): Promise<void>;
}

/** Every Action.Execute in a card, wherever it is nested. */
export function executeActions(node: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) executeActions(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push(o);
    for (const v of Object.values(o)) executeActions(v, out);
  }
  return out;
}

export function cardOfCall(call: BotConnectorCall): Record<string, unknown> {
  const attachments = (call.body.attachments as Array<{ content?: Record<string, unknown> }> | undefined) ?? [];
  return attachments[0]?.content ?? {};
}

/**
 * The approval flow in Teams end to end: the seeded embedded Odoo, the fake Bot Connector, and
 * the whole bot (HTTP + workers) in demo mode (no MICROSOFT_APP_ID) with the Teams test policy.
 */
export async function startTeamsHarness(env: Record<string, string> = {}): Promise<TeamsHarness> {
  const profile = odooProfile();
  const odoo = await startEmbeddedOdoo({ port: 0, version: profile.version, seed: (store) => void seedDistribution(store, { seed: 7, scale: 70, now: new Date() }) });
  const connector = await startFakeBotConnector({ members: Object.values(TEAMS_USERS) });
  const token = 'teams-harness-webhook-token-0123456';
  const prefix = uniquePrefix('teams');
  const stateDir = mkdtempSync(join(tmpdir(), 'chatops-teams-'));
  const config = parseConfig({
    PORT: '0', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', STATE_DIR: stateDir, SHUTDOWN_TIMEOUT_MS: '3000', LOG_LEVEL: 'silent',
    ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ...botOdooEnv(odoo, profile), ODOO_WEBHOOK_TOKEN: token, ODOO_TIMEOUT_MS: '3000',
    POLICY_FILE: resolve(PROJECT_ROOT, 'test/teams/fixtures/teams-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600', ...env,
  });
  const runtime = await startBot({ config, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), http: true, workers: true, demoInbox: false });
  const bot = { ...runtime, url: runtime.url ?? '' };
  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000, ...adminWire(odoo, profile) });
  await ensureWebhookRule(admin, `${bot.url}/webhooks/odoo/${token}`);
  const pos = await waitingPoFactory(odoo, admin, `buyer@${DOMAIN}`);
  const channelId = APPROVALS_CHANNEL.kind === 'channel' ? APPROVALS_CHANNEL.channelId : '';

  const harness: TeamsHarness = {
    bot, connector, odoo, admin,
    install: () => postActivity(bot.url, botAddedActivity(connector.url, TEAMS_USERS.daniel, APPROVALS_CHANNEL)),
    createWaitingPo: (options = {}) => pos.create(options),
    async waitForCard(orderName) {
      let post: BotConnectorCall | undefined;
      await waitFor(() => {
        post = connector.callsOf('sendToConversation').find((c) => c.conversationId === channelId && c.status === 201 && JSON.stringify(cardOfCall(c)).includes(orderName));
        return post !== undefined;
      }, 15_000, `the Teams card of ${orderName}`);
      return { conversationId: post!.conversationId, activityId: post!.createdId! };
    },
    cardOf(card) {
      const calls = connector.calls.filter((c) => c.status < 300 && ((c.operation === 'updateActivity' && c.activityId === card.activityId) || (c.operation === 'sendToConversation' && c.createdId === card.activityId)));
      return calls.length ? cardOfCall(calls[calls.length - 1]!) : {};
    },
    async waitForCardText(card, pattern, ms = 15_000) {
      await waitFor(() => pattern.test(JSON.stringify(harness.cardOf(card))), ms, `Teams card ${card.activityId} to match ${pattern}`);
      return JSON.stringify(harness.cardOf(card));
    },
    actionData(card, verb) {
      const action = executeActions(card).find((a) => a.verb === verb);
      return (action?.data as Record<string, unknown> | undefined) ?? null;
    },
    act(user, card, verb, data, trigger = 'manual') {
      return postActivity(bot.url, cardActionActivity(connector.url, TEAMS_USERS[user], APPROVALS_CHANNEL, card, { verb, data, trigger }));
    },
    messagesTo(user) {
      const id = TEAMS_USERS[user].id;
      const chats = new Set(connector.callsOf('createConversation').filter((c) => (c.body.members as Array<{ id: string }>)[0]?.id === id && c.createdId).map((c) => c.createdId!));
      return connector.callsOf('sendToConversation').filter((c) => chats.has(c.conversationId) && c.status === 201).map((c) => String(c.body.text ?? ''));
    },
    async close() {
      await runtime.stop();
      await deleteKeys(testRedisUrl(), prefix);
      rmSync(stateDir, { recursive: true, force: true });
      await connector.stop();
      await odoo.stop();
    },
  };
  return harness;
}

export { TEAMS_VERBS };
