import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../src/domain/odoo-records.ts';
import { eventsRequest } from '../support/slack-sign.ts';
import { SIGNING_SECRET, USERS, shown, slashCommandRequest, startStatusHarness, type StatusHarness } from './status-harness.ts';

let h: StatusHarness;
let waiting: PurchaseOrder;
let late: { poName: string; pickingName: string; warehouseId: number };
let euPo: PurchaseOrder;

beforeAll(async () => {
  h = await startStatusHarness();
  // A US PO waiting approval that Avery (limit 20,000, not its buyer) may approve.
  const candidates = await h.admin.search('purchaseOrder', { domain: [['state', '=', 'to approve'], ['company_id.name', '=', 'Northgate Supply Group'], ['amount_total', '<=', 20_000], ['amount_total', '>=', 5_000]], order: 'id asc' });
  waiting = candidates.find((o) => o.buyer?.name !== 'Avery Quinn')!;
  for (const o of candidates) await h.requestApproval(o.id);
  late = h.summary.interesting.lateReceipts[0]!;
  euPo = (await h.admin.search('purchaseOrder', { domain: [['company_id.name', '=', 'Northgate Supply Europe B.V.']], limit: 1 }))[0]!;
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('/po over signed Slack requests', () => {
  it('answers a PO waiting approval: who, since when, privately', async () => {
    const { status, ms, answer } = await h.slash('avery', waiting.name);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(3_000);
    expect(answer.body.response_type).toBe('ephemeral');
    const text = shown(answer);
    expect(text).toContain(waiting.name);
    expect(text).toContain('Waiting for approval');
    expect(text).toMatch(/Waiting for approval by [^"]*Daniel Okafor[^"]* for \d+ business (hour|minute)s? \(rule us-approvals\)/);
    expect(text).toContain(`/web#id=${waiting.id}&model=purchase.order&view_type=form`);
  });

  it('reads every usual form of the reference, and the vendor reference', async () => {
    const n = Number(waiting.name.replace(/\D/g, ''));
    for (const form of [`PO${n}`, `po ${n}`, `PO#${n}`, `P${String(n).padStart(4, '0')}`]) {
      expect(shown((await h.slash('avery', form)).answer)).toContain(`${waiting.name} · Waiting for approval`);
    }
    const [withRef] = await h.admin.search('purchaseOrder', { domain: [['partner_ref', '!=', false], ['company_id.name', '=', 'Northgate Supply Group']], limit: 1 });
    expect(shown((await h.slash('avery', withRef!.partnerRef!)).answer)).toContain(`${withRef!.name} · `);
  });

  it('answers a late receipt: late by N days at the warehouse', async () => {
    const text = shown((await h.slash('avery', late.poName)).answer);
    expect(text).toMatch(new RegExp(`${late.pickingName.replace(/\//g, '\\/')} late by \\d+ days? at `));
    expect(text).toContain('Open exceptions');
  });

  it('shares the answer in the channel when asked to', async () => {
    expect((await h.slash('avery', `${waiting.name} share`)).answer.body.response_type).toBe('in_channel');
  });

  it('says it cannot find an unknown PO', async () => {
    expect(shown((await h.slash('avery', 'P99999')).answer)).toContain("I can't find P99999");
  });

  it('refuses a PO of a company the user does not work for', async () => {
    const text = shown((await h.slash('megan', euPo.name)).answer);
    expect(text).toContain(`${euPo.name} belongs to Northgate Supply Europe B.V.`);
    expect(text).not.toContain('Timeline');
  });

  it('tells an unmapped user how to get mapped', async () => {
    const text = shown((await h.slash('stranger', waiting.name)).answer);
    expect(text).toContain("I don't know who you are in Odoo");
    expect(text).toContain('identities');
  });

  it('answers an unparseable question with help, not a guess', async () => {
    const text = shown((await h.slash('avery', 'tell me a joke')).answer);
    expect(text).toContain('I could not tell what you are asking');
    expect(text).toContain('/po my approvals');
  });

  it('lists my approvals, oldest first, with a More button past a page', async () => {
    const text = shown((await h.slash('avery', 'my approvals')).answer);
    expect(text).toContain('Waiting for your approval');
    expect(text).toContain(waiting.name);
  });

  it('lists late receipts at a warehouse by its code', async () => {
    const [wh] = await h.admin.read('warehouse', [late.warehouseId]);
    const text = shown((await h.slash('avery', `late at ${wh!.code}`)).answer);
    expect(text).toContain(`Late receipts at ${wh!.code}`);
    expect(text).toContain(late.poName);
    expect(text).toMatch(/most urgent first/);
  });

  it('answers the other list queries', async () => {
    expect(shown((await h.slash('megan', 'mine')).answer)).toContain('Your POs with open exceptions');
    expect(shown((await h.slash('avery', 'unconfirmed older than 2 days')).answer)).toContain('Not confirmed by the vendor after 2 days');
    const vendor = waiting.partner!.name.split(/\s+/)[0]!;
    expect(shown((await h.slash('avery', `vendor ${vendor}`)).answer)).toContain(waiting.name);
    expect(shown((await h.slash('avery', 'help')).answer)).toContain('/po P00042 share');
  });

  it('refuses a bad signature with 401 and answers nothing', async () => {
    const from = h.slack.calls.length;
    const req = slashCommandRequest('not-the-secret', { command: '/po', text: waiting.name, userId: USERS.avery.id, userName: 'Avery', channelId: 'C0PROCURE', responseUrl: h.slack.responseUrl });
    expect((await h.post(req)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.calls.slice(from).filter((c) => c.method === 'response_url')).toHaveLength(0);
  });
});

describe('mentions, DMs and the home tab', () => {
  it('answers a mention in the channel thread', async () => {
    const from = h.slack.calls.length;
    const res = await h.event({ type: 'app_mention', user: USERS.avery.id, text: `<@UBOT0001> where is ${late.poName}?`, ts: '1800000000.000100', channel: 'C0PROCURE', event_ts: '1800000000.000100' });
    expect(res.status).toBe(200);
    const post = await h.nextCall('chat.postMessage', from);
    expect(post.body).toMatchObject({ channel: 'C0PROCURE', thread_ts: '1800000000.000100' });
    expect(shown(post)).toContain(late.poName);
  });

  it('answers a DM in the DM, and ignores its own messages', async () => {
    const from = h.slack.calls.length;
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0AVERY', user: USERS.avery.id, text: "what's late?", ts: '1800000001.000100', event_ts: '1800000001.000100' });
    const post = await h.nextCall('chat.postMessage', from);
    expect(post.body.channel).toBe('D0AVERY');
    expect(shown(post)).toContain('Late receipts');
    const after = h.slack.calls.length;
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0AVERY', bot_id: 'BBOT0001', user: 'UBOT0001', text: 'Late receipts', ts: '1800000002.000100', event_ts: '1800000002.000100' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.calls.slice(after).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('publishes the home tab with pending approvals when it is opened', async () => {
    const from = h.slack.calls.length;
    await h.event({ type: 'app_home_opened', user: USERS.avery.id, channel: 'D0AVERY', tab: 'home', event_ts: '1800000003.000100' });
    const publish = await h.nextCall('views.publish', from);
    expect(publish.response?.ok).toBe(true);
    expect(publish.body.user_id).toBe(USERS.avery.id);
    const text = shown(publish);
    expect(text).toContain('Waiting for your approval');
    expect(text).toContain(waiting.name);
    expect(text).toContain('Recent decisions');
  });

  it('tells an unmapped user on the home tab how to get mapped', async () => {
    const from = h.slack.calls.length;
    await h.event({ type: 'app_home_opened', user: USERS.stranger.id, channel: 'D0STRANGER', tab: 'home', event_ts: '1800000004.000100' });
    expect(shown(await h.nextCall('views.publish', from))).toContain("I don't know who you are in Odoo");
  });

  it('refuses an event with a bad signature', async () => {
    const req = eventsRequest('wrong-secret', { type: 'event_callback', event: { type: 'app_mention', user: USERS.avery.id, text: 'hi', ts: '1', channel: 'C1' } });
    expect((await h.post(req)).status).toBe(401);
    void SIGNING_SECRET;
  });
});
