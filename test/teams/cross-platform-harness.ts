import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import OdooAwait from 'odoo-await';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { SIGNATURE_HEADER } from '../../adapters/http/routes/supplier-email-webhook.ts';
import { startFakeBotConnector, type BotConnectorCall, type FakeBotConnector } from '../fakes/fake-bot-connector.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { blocksOf, buttonsOf, SIGNING_SECRET, SLACK_USERS } from '../support/approval-harness.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { buttonClickPayload, interactivityRequest, postToSlackEndpoint } from '../support/slack-sign.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { botAddedActivity, cardActionActivity, installationActivity, messageActivity, postActivity, TEAMS_BOT, type ActivityAnswer, type TeamsPlace } from '../support/teams-activities.ts';
import { APPROVALS_CHANNEL, cardOfCall, executeActions, TEAMS_USERS, type TeamsUserKey } from '../support/teams-harness.ts';

export { APPROVALS_CHANNEL, SLACK_USERS, TEAMS_USERS };

const DOMAIN = 'northgate-supply.example';
export const HMAC_SECRET = 'cross-platform-hmac-secret-0123456789';
export const SLACK_APPROVALS = 'C0APPROVALS';
/** The channel the policy routes "Teams Test Vendor" late receipts to (`teams:Purchasing/Receiving`). */
export const RECEIVING_CHANNEL: TeamsPlace = { kind: 'channel', channelId: '19:receiving0001@thread.tacv2', channelName: 'Receiving', teamId: '19:purchasing0001@thread.tacv2', teamName: 'Purchasing' };
export const TEAMS_VENDOR = 'Teams Test Vendor';

/** A person's personal chat with the bot (Teams gives it an `a:` id). */
export function personalChat(user: TeamsUserKey): TeamsPlace {
  return { kind: 'personal', conversationId: `a:personal-${user}-0001` };
}

export interface PostedTeamsCard {
  conversationId: string;
  activityId: string;
}

/**
 * One bot with Slack (the fake Slack Web API) and Teams (the fake Bot Connector, demo mode: the
 * embedded Odoo makes Teams run without an app id), the whole bot (HTTP, workers, embedded Odoo)
 * and the cross-platform policy. Teams learns its channels and people from real activities.
 */
export class CrossPlatformHarness {
  private slackSeq = 0;

  private constructor(
    readonly bot: TestBot,
    readonly slack: FakeSlackApi,
    readonly connector: FakeBotConnector,
    readonly admin: OdooAwaitGateway,
  ) {}

  static async start(): Promise<CrossPlatformHarness> {
    const slack = await startFakeSlackApi({ users: Object.values(SLACK_USERS) });
    const connector = await startFakeBotConnector({ members: Object.values(TEAMS_USERS) });
    const bot = await startTestBot({
      EMBEDDED_ODOO_SCALE: '30', RECONCILE_INTERVAL_SECONDS: '3600',
      SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url,
      SUPPLIER_EMAIL_HMAC_SECRET: HMAC_SECRET, POLICY_FILE: resolve(PROJECT_ROOT, 'test/teams/fixtures/cross-platform-policy.yaml'),
    });
    const admin = new OdooAwaitGateway({ url: bot.odoo.url, db: bot.odoo.db, username: 'admin', password: 'admin', timeoutMs: 10_000 });
    return new CrossPlatformHarness(bot, slack, connector, admin);
  }

  async close(): Promise<void> {
    await this.bot.close();
    this.admin.close();
    await this.connector.stop();
    await this.slack.stop();
  }

  /** The bot is added to a team channel (conversationUpdate), as Teams announces it. */
  async install(place: TeamsPlace, by: TeamsUserKey = 'daniel'): Promise<void> {
    const answer = await postActivity(this.bot.url, botAddedActivity(this.connector.url, TEAMS_USERS[by], place));
    if (answer.status !== 200) throw new Error(`install answered ${answer.status}: ${answer.text}`);
  }

  /** The person installs the bot in their personal scope (the bot learns their chat and profile). */
  async installPersonal(user: TeamsUserKey): Promise<void> {
    const answer = await postActivity(this.bot.url, installationActivity(this.connector.url, TEAMS_USERS[user], personalChat(user)));
    if (answer.status !== 200) throw new Error(`personal install answered ${answer.status}: ${answer.text}`);
  }

  /** A message from a person; `mentionBot` writes `<at>Procurement Bot</at>` first, with its mention entity. */
  async say(user: TeamsUserKey, place: TeamsPlace, text: string, options: { mentionBot?: boolean; mentions?: TeamsUserKey[] } = {}): Promise<{ answer: ActivityAnswer; activityId: string }> {
    const tag = `<at>${TEAMS_BOT.name}</at>`;
    const activity = messageActivity(this.connector.url, TEAMS_USERS[user], place, options.mentionBot ? `${tag} ${text}` : text);
    // Other people mentioned: `<at>Name</at>` in the text, one mention entity each (as Teams sends them).
    const people = (options.mentions ?? []).map((k) => ({ type: 'mention', text: `<at>${TEAMS_USERS[k].name}</at>`, mentioned: { id: TEAMS_USERS[k].id, name: TEAMS_USERS[k].name } }));
    const bot = options.mentionBot ? [{ type: 'mention', text: tag, mentioned: { id: TEAMS_BOT.id, name: TEAMS_BOT.name } }] : [];
    if (bot.length + people.length) activity.entities = [...bot, ...people];
    return { answer: await postActivity(this.bot.url, activity), activityId: String(activity.id) };
  }

  /** An Action.Execute on a card the bot posted. */
  act(user: TeamsUserKey, place: TeamsPlace, card: PostedTeamsCard, verb: string, data: Record<string, unknown>, trigger: 'manual' | 'automatic' = 'manual'): Promise<ActivityAnswer> {
    return postActivity(this.bot.url, cardActionActivity(this.connector.url, TEAMS_USERS[user], place, card, { verb, data, trigger }));
  }

  /** The first card posted to a Teams conversation whose JSON includes `needle`. */
  async waitForTeamsCard(conversationId: string, needle: string, ms = 20_000): Promise<PostedTeamsCard> {
    let post: BotConnectorCall | undefined;
    await waitFor(() => {
      post = this.connector.callsOf('sendToConversation').find((c) => c.conversationId === conversationId && c.status === 201 && JSON.stringify(cardOfCall(c)).includes(needle));
      return post !== undefined;
    }, ms, `a Teams card in ${conversationId} mentioning ${needle}`);
    return { conversationId, activityId: post!.createdId! };
  }

  /** The newest Adaptive Card of a posted card (its last update, else the post). */
  teamsCard(card: PostedTeamsCard): Record<string, unknown> {
    const calls = this.connector.calls.filter((c) => c.status < 300 && ((c.operation === 'updateActivity' && c.activityId === card.activityId) || (c.operation === 'sendToConversation' && c.createdId === card.activityId)));
    return calls.length ? cardOfCall(calls.at(-1)!) : {};
  }

  async waitForTeamsCardText(card: PostedTeamsCard, pattern: RegExp, ms = 20_000): Promise<string> {
    await waitFor(() => pattern.test(JSON.stringify(this.teamsCard(card))), ms, `Teams card ${card.activityId} to match ${pattern}`);
    return JSON.stringify(this.teamsCard(card));
  }

  /** The `data` of the card's Action.Execute with this verb (show-cards included). */
  actionData(card: Record<string, unknown>, verb: string): Record<string, unknown> | null {
    const action = executeActions(card).find((a) => a.verb === verb);
    return (action?.data as Record<string, unknown> | undefined) ?? null;
  }

  /** Replies the bot sent in a conversation (thread replies and answers in a turn). */
  repliesIn(conversationId: string): BotConnectorCall[] {
    return this.connector.callsOf('replyToActivity').filter((c) => c.conversationId.split(';messageid=')[0] === conversationId && c.status === 201);
  }

  /** Plain texts the bot sent to a person's personal chat. */
  textsTo(user: TeamsUserKey): string[] {
    const chat = personalChat(user);
    const id = chat.kind === 'personal' ? chat.conversationId : '';
    return this.connector.callsOf('sendToConversation').filter((c) => c.conversationId === id && c.status === 201).map((c) => String(c.body.text ?? ''));
  }

  /** The Slack card of a PO in C0APPROVALS. */
  async waitForSlackCard(orderName: string): Promise<{ ts: string; buttons: Record<string, string> }> {
    let post: FakeSlackCall | undefined;
    await waitFor(() => {
      post = this.slack.callsOf('chat.postMessage').find((c) => c.body.channel === SLACK_APPROVALS && String(c.body.text ?? '').includes(orderName) && c.response?.ok);
      return post !== undefined;
    }, 20_000, `the Slack card of ${orderName}`);
    return { ts: String(post!.response!.ts), buttons: buttonsOf(post!.body) };
  }

  slackCardText(ts: string): string {
    const calls = this.slack.calls.filter((c) => (c.method === 'chat.update' && c.body.ts === ts && c.response?.ok) || (c.method === 'chat.postMessage' && c.response?.ts === ts));
    const last = calls.at(-1);
    return last ? `${String(last.body.text ?? '')}\n${JSON.stringify(blocksOf(last.body))}` : '';
  }

  /** A signed click on a Slack approval card's button. */
  clickSlack(user: keyof typeof SLACK_USERS, card: { ts: string; buttons: Record<string, string> }, action: 'approve' | 'reject'): Promise<{ status: number }> {
    const u = SLACK_USERS[user];
    this.slackSeq += 1;
    const actionId = `approval_${action}`;
    const payload = buttonClickPayload({ actionId, value: card.buttons[actionId] ?? '', userId: u.id, userName: u.name, channel: SLACK_APPROVALS, messageTs: card.ts, actionTs: `1800000000.${String(this.slackSeq).padStart(6, '0')}`, responseUrl: this.slack.responseUrl });
    return postToSlackEndpoint(`${this.bot.url}/slack/events`, interactivityRequest(SIGNING_SECRET, payload));
  }

  /** A PO by the demo buyer, confirmed: `to approve` above the company's approval amount, else `purchase`. */
  async createPo(options: { amount: number; vendorId?: number; datePlanned?: Date }): Promise<{ id: number; name: string; state: string }> {
    const vendor = options.vendorId ?? (await this.admin.searchIds('res.partner', [['supplier_rank', '>', 0], ['email', 'ilike', '.example']], { limit: 1 }))[0];
    const [product] = await this.admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
    const buyer = new OdooAwait({ baseUrl: this.bot.odoo.url, db: this.bot.odoo.db, username: `buyer@${DOMAIN}`, password: 'buyer' });
    await buyer.connect();
    const planned = options.datePlanned ? { date_planned: options.datePlanned.toISOString().slice(0, 19).replace('T', ' ') } : {};
    const id = (await buyer.create('purchase.order', { partner_id: vendor, ...planned, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: options.amount, taxes_id: [[6, 0, []]], ...planned }]] })) as number;
    await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
    const [po] = (await buyer.read('purchase.order', [id], ['name', 'state'])) as Array<{ name: string; state: string }>;
    return { id, name: po!.name, state: po!.state };
  }

  /** The vendor the policy routes to Teams (created once). */
  async teamsVendor(): Promise<number> {
    const [existing] = await this.admin.searchIds('res.partner', [['name', '=', TEAMS_VENDOR]], { limit: 1 });
    if (existing) return existing;
    return this.admin.create('res.partner', { name: TEAMS_VENDOR, is_company: true, supplier_rank: 1, email: 'orders@teams-vendor.example' });
  }

  /** POST /webhooks/supplier-email, signed. */
  async postSupplierEmail(email: Record<string, unknown>): Promise<number> {
    const raw = JSON.stringify(email);
    const signature = `sha256=${createHmac('sha256', HMAC_SECRET).update(raw).digest('hex')}`;
    const res = await fetch(`${this.bot.url}/webhooks/supplier-email`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body: raw });
    await res.arrayBuffer();
    return res.status;
  }

  /** Jobs of the writeback queue, any state. */
  async writebackJobs(): Promise<Array<{ name: string; data: Record<string, unknown> }>> {
    const jobs = await this.bot.queues.writeback.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
    return jobs.filter(Boolean).map((j) => ({ name: j.name, data: j.data as Record<string, unknown> }));
  }
}
