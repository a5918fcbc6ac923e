import { resolve } from 'node:path';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import { ensureWebhookRule } from '../../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { type OdooProfile, adminWire, botOdooEnv, odooProfile } from './odoo-profile.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { PROJECT_ROOT } from './paths.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint, rejectSubmissionPayload } from './slack-sign.ts';
import { waitFor } from './spawn-bot.ts';
import { waitingPoFactory } from './waiting-po.ts';
import { startTestBot, type TestBot } from './start-test-bot.ts';
import { startToggleProxy, type ToggleProxy } from './toggle-proxy.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const CHANNEL = 'C0APPROVALS';
const DOMAIN = 'northgate-supply.example';

/** Slack accounts of the seeded Odoo staff (email = Odoo login), plus one nobody knows in Odoo. */
export const SLACK_USERS = {
  avery: { id: 'U0AVERY', email: `approver@${DOMAIN}`, name: 'Avery Quinn' },
  daniel: { id: 'U0DANIEL', email: `dokafor@${DOMAIN}`, name: 'Daniel Okafor' },
  megan: { id: 'U0MEGAN', email: `mholt@${DOMAIN}`, name: 'Megan Holt' },
  bea: { id: 'U0BUYER', email: `buyer@${DOMAIN}`, name: 'Bea Buyer' },
  warehouse: { id: 'U0WAREHOUSE', email: `warehouse@${DOMAIN}`, name: 'Wes Warehouse' },
  helen: { id: 'U0HELEN', email: `hvargas@${DOMAIN}`, name: 'Helen Vargas' },
  stranger: { id: 'U0STRANGER', email: 'stranger@elsewhere.example', name: 'Sam Stranger' },
} as const;

export interface Card {
  channel: string;
  ts: string;
  buttons: Record<string, string>;
}

export interface ApprovalHarness {
  bot: TestBot;
  slack: FakeSlackApi;
  odoo: EmbeddedOdoo;
  proxy: ToggleProxy;
  admin: OdooAwaitGateway;
  /** A new PO of `amount` (untaxed unit price) by a buyer, confirmed into `to approve`. */
  createWaitingPo(options?: { amount?: number; buyerLogin?: string }): Promise<{ id: number; name: string }>;
  waitForCard(orderName: string): Promise<Card>;
  /** The newest text of the card (its last chat.update, else the post). */
  cardText(card: Card): string;
  click(user: keyof typeof SLACK_USERS, card: Card, action: 'approve' | 'reject' | 'details' | 'retry', options?: { actionTs?: string }): Promise<{ status: number; text: string; ms: number }>;
  submitReject(user: keyof typeof SLACK_USERS, card: Card, reason: string | null): Promise<{ status: number; text: string }>;
  ephemeralsTo(user: keyof typeof SLACK_USERS): string[];
  waitForCardText(card: Card, pattern: RegExp, ms?: number): Promise<string>;
  close(): Promise<void>;
}

/** The blocks of a chat.postMessage / chat.update body (form bodies carry them as JSON text). */
export function blocksOf(body: Record<string, unknown>): Array<Record<string, unknown>> {
  return typeof body.blocks === 'string' ? (JSON.parse(body.blocks) as Array<Record<string, unknown>>) : ((body.blocks as Array<Record<string, unknown>>) ?? []);
}

function blocksText(body: Record<string, unknown>): string {
  return `${String(body.text ?? '')}\n${JSON.stringify(blocksOf(body))}`;
}

export function buttonsOf(body: Record<string, unknown>): Record<string, string> {
  const blocks = blocksOf(body);
  const out: Record<string, string> = {};
  for (const b of blocks) {
    for (const e of (b.elements as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof e.action_id === 'string' && typeof e.value === 'string') out[e.action_id] = e.value;
    }
  }
  return out;
}

/**
 * The approval flow end to end: the embedded Odoo (seeded) behind a proxy that can take it down,
 * the fake Slack Web API, and the bot configured for both, with its webhook rule in Odoo.
 */
export async function startApprovalHarness(env: Record<string, string> = {}, options: { profile?: OdooProfile; handlers?: JobHandlers } = {}): Promise<ApprovalHarness> {
  const profile = options.profile ?? odooProfile();
  const odoo = await startEmbeddedOdoo({ port: 0, version: profile.version, seed: (store) => void seedDistribution(store, { seed: 7, scale: 70, now: new Date() }) });
  const proxy = await startToggleProxy(odoo.port);
  const slack = await startFakeSlackApi({ users: Object.values(SLACK_USERS) });
  const token = 'approval-harness-webhook-token-0123';
  const bot = await startTestBot({
    ODOO_URL: proxy.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ODOO_WEBHOOK_TOKEN: token, ODOO_TIMEOUT_MS: '2000',
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url,
    POLICY_FILE: resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'), RECONCILE_INTERVAL_SECONDS: '3600', ...botOdooEnv(odoo, profile), ...env,
  }, { handlers: options.handlers });
  const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000, ...adminWire(odoo, profile) });
  await ensureWebhookRule(admin, `${bot.url}/webhooks/odoo/${token}`);

  const pos = await waitingPoFactory(odoo, admin, `buyer@${DOMAIN}`);
  const cardCalls = (ts: string) => slack.calls.filter((c) => (c.method === 'chat.update' && c.body.ts === ts) || (c.method === 'chat.postMessage' && c.response?.ts === ts));
  let clickSeq = 0;

  const harness: ApprovalHarness = {
    bot, slack, odoo, proxy, admin,
    createWaitingPo: (options = {}) => pos.create(options),
    async waitForCard(orderName) {
      let post: FakeSlackCall | undefined;
      await waitFor(() => {
        post = slack.callsOf('chat.postMessage').find((c) => c.body.channel === CHANNEL && String(c.body.text ?? '').includes(orderName) && c.response?.ok);
        return post !== undefined;
      }, 10_000, `the card of ${orderName}`);
      return { channel: CHANNEL, ts: String(post!.response!.ts), buttons: buttonsOf(post!.body) };
    },
    cardText(card) {
      const calls = cardCalls(card.ts);
      return calls.length ? blocksText(calls[calls.length - 1]!.body) : '';
    },
    async waitForCardText(card, pattern, ms = 10_000) {
      await waitFor(() => pattern.test(harness.cardText(card)), ms, `card ${card.ts} to match ${pattern}`);
      return harness.cardText(card);
    },
    click(user, card, action, options = {}) {
      const u = SLACK_USERS[user];
      const actionId = `approval_${action}`;
      const value = card.buttons[actionId] ?? card.buttons.approval_approve ?? '';
      clickSeq += 1;
      const payload = buttonClickPayload({ actionId, value, userId: u.id, userName: u.name, channel: card.channel, messageTs: card.ts, actionTs: options.actionTs ?? `1800000000.${String(clickSeq).padStart(6, '0')}`, responseUrl: slack.responseUrl });
      return postToSlackEndpoint(`${bot.url}/slack/events`, interactivityRequest(SIGNING_SECRET, payload));
    },
    async submitReject(user, card, reason) {
      const opened = slack.callsOf('views.open').at(-1);
      const view = typeof opened?.body.view === 'string' ? JSON.parse(opened.body.view) : opened?.body.view;
      const payload = rejectSubmissionPayload({ privateMetadata: String(view?.private_metadata ?? ''), reason, userId: SLACK_USERS[user].id, viewId: `V${card.ts.replace('.', '')}` });
      return postToSlackEndpoint(`${bot.url}/slack/events`, interactivityRequest(SIGNING_SECRET, payload));
    },
    ephemeralsTo(user) {
      const id = SLACK_USERS[user].id;
      return [
        ...slack.callsOf('chat.postEphemeral').filter((c) => c.body.user === id).map((c) => String(c.body.text ?? '')),
      ];
    },
    async close() {
      await bot.close();
      await slack.stop();
      await proxy.stop();
      await odoo.stop();
    },
  };
  return harness;
}
