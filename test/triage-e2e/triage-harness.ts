import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import OdooAwait from 'odoo-await';
import pino from 'pino';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { createMetrics, type Metrics } from '../../adapters/http/metrics.ts';
import { registerHealthRoutes } from '../../adapters/http/routes/health.ts';
import { SIGNATURE_HEADER } from '../../adapters/http/routes/supplier-email-webhook.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { adminWire, botOdooEnv, odooProfile } from '../support/odoo-profile.ts';
import { BullJobQueue, closeQueues, createQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { startWorkers, type WorkerPool } from '../../adapters/queue/start-workers.ts';
import { createTriageFeature, type TriageFeature } from '../../adapters/runtime/triage-feature.ts';
import { mountSlack } from '../../adapters/slack/mount-slack.ts';
import { createRedis } from '../../adapters/store/redis-connection.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import { TRIAGE_JOBS } from '../../src/triage/flow/triage-jobs.ts';
import { parseTriageSection } from '../../src/triage/triage-settings.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { blocksOf } from '../support/approval-harness.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { interactivityRequest, postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const HMAC_SECRET = 'triage-e2e-hmac-secret-0123456789';
export const UNMATCHED_CHANNEL = 'C0PURCHASING';
export const FINANCE_CHANNEL = 'C0FINANCE';
const DOMAIN = 'northgate-supply.example';

/** Slack accounts of seeded Odoo staff (email = Odoo login), plus one Odoo does not know. */
export const USERS = {
  buyer: { id: 'U0BUYER', email: `buyer@${DOMAIN}`, name: 'Jordan Blake' },
  megan: { id: 'U0MEGAN', email: `mholt@${DOMAIN}`, name: 'Megan Holt' },
  warehouse: { id: 'U0WAREHOUSE', email: `warehouse@${DOMAIN}`, name: 'Casey Morgan' },
  finance: { id: 'U0FINANCE', email: `finance@${DOMAIN}`, name: 'Riley Chen' },
  stranger: { id: 'U0STRANGER', email: 'stranger@elsewhere.example', name: 'Sam Stranger' },
} as const;
export type UserKey = keyof typeof USERS;

export interface TriageCard {
  channel: string;
  ts: string;
}

/**
 * The triage flow end to end, wired as start-bot wires a feature: the embedded Odoo (seeded), the
 * fake Slack Web API, a fake OpenAI-compatible server (OPENAI_API_KEY set, so the real fallback
 * reader runs), Redis queues and workers, and one HTTP app with /slack/events (Bolt from
 * mountSlack), POST /webhooks/supplier-email and /metrics.
 */
export class TriageHarness {
  private clickSeq = 0;

  private constructor(
    readonly odoo: EmbeddedOdoo,
    readonly slack: FakeSlackApi,
    readonly openai: FakeOpenAi,
    readonly admin: OdooAwaitGateway,
    readonly feature: TriageFeature,
    readonly queues: BullQueues,
    readonly url: string,
    readonly metrics: Metrics,
    private readonly closers: Array<() => Promise<void>>,
  ) {}

  static async start(): Promise<TriageHarness> {
    const closers: Array<() => Promise<void>> = [];
    const profile = odooProfile();
    const odoo = await startEmbeddedOdoo({ port: 0, version: profile.version, seed: (store) => void seedDistribution(store, { seed: 7, scale: 40, now: new Date() }) });
    closers.push(() => odoo.stop());
    const slack = await startFakeSlackApi({ users: Object.values(USERS) });
    closers.push(() => slack.stop());
    const openai = await startFakeOpenAi();
    closers.push(() => openai.stop());
    const prefix = uniquePrefix('triage');
    const config = parseConfig({
      PORT: '0', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', LOG_LEVEL: 'silent',
      ODOO_URL: odoo.url, ODOO_DB: odoo.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', ...botOdooEnv(odoo, profile), ODOO_WEBHOOK_TOKEN: 'triage-e2e-webhook-token-0123',
      SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url,
      OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, OPENAI_MODEL: 'gpt-test', SUPPLIER_EMAIL_HMAC_SECRET: HMAC_SECRET,
    });
    const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const redis = createRedis(testRedisUrl());
    closers.push(async () => {
      redis.disconnect();
      await deleteKeys(testRedisUrl(), prefix);
    });
    const queues = createQueues(redis, prefix);
    closers.push(() => closeQueues(queues));
    const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 5000, ...adminWire(odoo, profile) });

    // Every warehouse's lead is the demo receiving lead, so any PO's delay has someone to tell.
    const warehouses = await admin.search('warehouse', { limit: 50 });
    const yaml = ['triage:', `  unmatched_channel: ${UNMATCHED_CHANNEL}`, `  finance_channel: ${FINANCE_CHANNEL}`, '  warehouse_lead:', ...warehouses.map((w) => `    "${w.id}": warehouse@${DOMAIN}`)].join('\n');
    const settings = parseTriageSection(yaml, 'triage-e2e.yaml');
    const now = () => new Date();
    const feature = createTriageFeature({ config, redis, queues, odoo: { gateway: admin, url: odoo.url }, settings, logger, now });

    const metrics = createMetrics(queues);
    feature.registerMetrics(metrics.registry);
    const app = createHttpApp(logger);
    registerHealthRoutes(app, { checks: [], metrics });
    feature.registerRoutes(app, metrics);
    const { bolt } = mountSlack(app, { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', apiUrl: slack.url, logger, now, onApprovalClick: async () => undefined });
    feature.registerSlack(bolt);
    finishHttpApp(app, logger);
    const server: Server = await listen(app, 0, '127.0.0.1');
    closers.push(() => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const pool: WorkerPool = startWorkers({ connection: redis, prefix, handlers: feature.handlers, logger, concurrency: 4 });
    closers.push(() => pool.close(3000));
    await feature.schedule();
    // The first scan sets the cursor after the seeded history: only emails from now on are taken in.
    await feature.handlers.scan![TRIAGE_JOBS.chatterScan]!({}, { queue: 'scan', name: TRIAGE_JOBS.chatterScan, jobId: 'init', attempt: 1, maxAttempts: 1, signal: new AbortController().signal });
    return new TriageHarness(odoo, slack, openai, admin, feature, queues, url, metrics, closers);
  }

  async close(): Promise<void> {
    for (const close of [...this.closers].reverse()) await close().catch(() => undefined);
  }

  /** A new PO by the demo buyer, confirmed (small amount: no approval), with one or two lines. */
  async createConfirmedPo(options: { lines?: number } = {}): Promise<{ id: number; name: string; vendorId: number; vendorEmail: string }> {
    const [vendorId] = await this.admin.searchIds('res.partner', [['supplier_rank', '>', 0], ['is_company', '=', true], ['email', 'ilike', '.example']], { limit: 1 });
    const [vendor] = await this.admin.read('partner', [vendorId!]);
    const products = await this.admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: options.lines ?? 2 });
    const buyer = new OdooAwait({ baseUrl: this.odoo.url, db: this.odoo.db, username: USERS.buyer.email, password: 'buyer' });
    await buyer.connect();
    const lines = products.map((p) => [0, 0, { product_id: p, product_qty: 10, price_unit: 5, taxes_id: [[6, 0, []]] }]);
    const id = (await buyer.create('purchase.order', { partner_id: vendorId, order_line: lines })) as number;
    await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
    const [po] = (await buyer.read('purchase.order', [id], ['name', 'state'])) as Array<{ name: string; state: string }>;
    if (po?.state !== 'purchase') throw new Error(`PO ${id} is ${po?.state}, not confirmed`);
    return { id, name: po.name, vendorId: vendorId!, vendorEmail: vendor?.email ?? 'vendor@vendor.example' };
  }

  /** A supplier email in the PO's chatter, posted as Odoo's mail gateway stores one (as the recording tool did). */
  async postChatterEmail(orderId: number, authorId: number, subject: string, body: string): Promise<number> {
    return (await this.admin.callMethod('purchase.order', 'message_post', [orderId], { body, message_type: 'email', author_id: authorId, subject, subtype_xmlid: 'mail.mt_comment' })) as number;
  }

  /** Runs the chatter scan as its scheduler would (a job on the scan queue). */
  async scanChatter(): Promise<void> {
    await this.queues.scan.add(TRIAGE_JOBS.chatterScan, {}, { jobId: `scan-now-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  }

  /** POST /webhooks/supplier-email, signed. */
  async postWebhookEmail(email: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const raw = JSON.stringify(email);
    const signature = `sha256=${createHmac('sha256', HMAC_SECRET).update(raw).digest('hex')}`;
    const res = await fetch(`${this.url}/webhooks/supplier-email`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body: raw });
    return { status: res.status, body: await res.json() };
  }

  /** The card posted whose text mentions `needle` (a PO name or subject). */
  async waitForCard(needle: string, channel?: string): Promise<TriageCard> {
    let post: FakeSlackCall | undefined;
    await waitFor(() => {
      post = this.slack.callsOf('chat.postMessage').find((c) => c.response?.ok && (channel === undefined || c.body.channel === channel) && JSON.stringify(c.body).includes(needle) && JSON.stringify(c.body).includes('triage_'));
      return post !== undefined;
    }, 15_000, `the triage card mentioning ${needle}`);
    return { channel: String(post!.response!.channel), ts: String(post!.response!.ts) };
  }

  /** The newest rendering of a card (its last chat.update, else the post) as text. */
  cardText(card: TriageCard): string {
    const calls = this.slack.calls.filter((c) => (c.method === 'chat.update' && c.body.ts === card.ts) || (c.method === 'chat.postMessage' && c.response?.ts === card.ts));
    const last = calls.at(-1);
    return last ? `${String(last.body.text ?? '')}\n${JSON.stringify(blocksOf(last.body))}` : '';
  }

  /** The newest blocks of a card. */
  cardBlocks(card: TriageCard): Array<Record<string, unknown>> {
    const calls = this.slack.calls.filter((c) => (c.method === 'chat.update' && c.body.ts === card.ts) || (c.method === 'chat.postMessage' && c.response?.ts === card.ts));
    return calls.length ? blocksOf(calls.at(-1)!.body) : [];
  }

  async waitForCardText(card: TriageCard, pattern: RegExp, ms = 15_000): Promise<string> {
    await waitFor(() => pattern.test(this.cardText(card)), ms, `card ${card.ts} to match ${pattern}`);
    return this.cardText(card);
  }

  /** A signed click on a card's button (confirm, dismiss, retry). */
  click(user: UserKey, card: TriageCard, actionId: 'triage_confirm' | 'triage_dismiss' | 'triage_retry', options: { actionTs?: string; onFirstRendering?: boolean } = {}): Promise<{ status: number }> {
    // onFirstRendering: a click on the card as first posted (a stale screen, or a second device).
    const blocks = options.onFirstRendering ? blocksOf(this.slack.calls.find((c) => c.method === 'chat.postMessage' && c.response?.ts === card.ts)!.body) : this.cardBlocks(card);
    const button = blocks.flatMap((b) => (b.elements as Array<Record<string, unknown>> | undefined) ?? []).find((e) => e.action_id === actionId);
    if (!button) throw new Error(`the card has no ${actionId} button`);
    return this.post(user, card, { type: 'button', block_id: 'triage_actions', action_id: actionId, value: button.value, text: { type: 'plain_text', text: 'x' } }, options.actionTs);
  }

  /** The proposal id a card's buttons carry. */
  proposalIdOf(card: TriageCard): string {
    const post = this.slack.calls.find((c) => c.method === 'chat.postMessage' && c.response?.ts === card.ts)!;
    const button = blocksOf(post.body).flatMap((b) => (b.elements as Array<Record<string, unknown>> | undefined) ?? []).find((e) => e.action_id === 'triage_dismiss');
    return (JSON.parse(String(button?.value)) as { p: string }).p;
  }

  /** A signed pick in the card's category select. */
  selectCategory(user: UserKey, card: TriageCard, category: string): Promise<{ status: number }> {
    const block = this.cardBlocks(card).find((b) => typeof b.block_id === 'string' && b.block_id.startsWith('triage_cat.'));
    if (!block) throw new Error('the card has no category select');
    return this.post(user, card, { type: 'static_select', block_id: block.block_id, action_id: 'triage_category', selected_option: { text: { type: 'plain_text', text: category }, value: category } });
  }

  private post(user: UserKey, card: TriageCard, action: Record<string, unknown>, actionTs?: string): Promise<{ status: number }> {
    const u = USERS[user];
    this.clickSeq += 1;
    const payload = {
      type: 'block_actions', api_app_id: 'A0FAKE', token: 'legacy', team: { id: 'T0FAKE', domain: 'fake' },
      user: { id: u.id, username: u.name, name: u.name, team_id: 'T0FAKE' },
      container: { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false },
      trigger_id: '1234.5678.abcdef', channel: { id: card.channel, name: 'dm' },
      message: { type: 'message', ts: card.ts, text: 'card', blocks: [] },
      actions: [{ ...action, action_ts: actionTs ?? `1800000000.${String(this.clickSeq).padStart(6, '0')}` }],
    };
    return postToSlackEndpoint(`${this.url}/slack/events`, interactivityRequest(SIGNING_SECRET, payload));
  }

  ephemeralsTo(user: UserKey): string[] {
    return this.slack.callsOf('chat.postEphemeral').filter((c) => c.body.user === USERS[user].id).map((c) => String(c.body.text ?? ''));
  }

  /** Notes the bot posted on a record (comments with the note subtype). */
  async notesOn(model: string, resId: number, containing: string): Promise<number[]> {
    return this.admin.searchIds('mail.message', [['model', '=', model], ['res_id', '=', resId], ['message_type', '=', 'comment'], ['body', 'ilike', containing]]);
  }

  async activitiesOn(resId: number): Promise<Array<{ id: number; summary: string; user_id: [number, string] | false; res_model: string }>> {
    const ids = await this.admin.searchIds('mail.activity', [['res_id', '=', resId]]);
    if (!ids.length) return [];
    return (await this.admin.callMethod('mail.activity', 'read', ids, { fields: ['summary', 'user_id', 'res_model'] })) as Array<{ id: number; summary: string; user_id: [number, string] | false; res_model: string }>;
  }

  async linesOf(orderId: number): Promise<Array<{ id: number; datePlanned: Date | null; qtyReceived: number; quantity: number }>> {
    const [po] = await this.admin.read('purchaseOrder', [orderId]);
    return this.admin.read('purchaseOrderLine', po!.lineIds);
  }

  queue(): BullJobQueue {
    return new BullJobQueue(this.queues);
  }
}
