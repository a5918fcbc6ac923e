import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartSigner } from '../../adapters/charts/chart-signature.ts';
import { chartLinks } from '../../adapters/charts/chart-links.ts';
import { chartQuery, periodEndingToday } from '../../src/insights/charts/chart-request.ts';
import type { InsightsQuery, PersonalNumbers, SupplierScorecard } from '../../src/insights/insight-types.ts';
import type { PurchaseOrder } from '../../src/domain/odoo-records.ts';
import type { StatusInsights } from '../../src/status/status-insights.ts';
import { USERS, shown, startStatusHarness, type StatusHarness } from '../status/status-harness.ts';
import { ACME } from './insights-fixtures.ts';

// The status answers with the control tower: /po vendor opens with the scorecard and a signed
// trend chart, the home tab shows the viewer's own numbers. The measures are fixed here (the
// reader is tested on its own); Odoo, Slack's HTTP and the signing are real.
const signer = new ChartSigner('status-insights-chart-secret-0123');
const links = chartLinks({ signer, baseUrl: 'https://bot.example.com', now: () => new Date() });
const asked: Array<{ vendorId: number; query: InsightsQuery }> = [];
const personal = new Map<number, PersonalNumbers>();
let failPersonal = false;
const insights: StatusInsights = {
  reader: {
    vendorScorecard: (vendorId, query) => {
      asked.push({ vendorId, query });
      return Promise.resolve<SupplierScorecard>({ ...ACME, vendor: { id: vendorId, name: `Vendor ${vendorId}` } });
    },
    personal: (odooUserId) => {
      const found = personal.get(odooUserId);
      return failPersonal || !found ? Promise.reject(new Error('measures unavailable')) : Promise.resolve(found);
    },
  },
  weeks: 12,
  period: (now) => chartQuery(periodEndingToday(now, 12)),
  vendorChartUrl: (vendorId, now) => links.url({ kind: 'supplier-trend', ...periodEndingToday(now, 12), vendorId }, 'png'),
};

let h: StatusHarness;
let order: PurchaseOrder;
beforeAll(async () => {
  h = await startStatusHarness({ insights });
  const [first] = await h.admin.search('purchaseOrder', { domain: [['company_id.name', '=', 'Northgate Supply Group'], ['partner_id', '!=', false]], order: 'id asc', limit: 1 });
  order = first!;
  const [avery] = await h.admin.searchIds('res.users', [['login', '=', USERS.avery.email]]).then((ids) => ids);
  personal.set(avery!, { pendingApprovals: 3, medianDecisionHours: 5.5, decisionsLast30Days: 14, openExceptionsOnMyOrders: 2 });
}, 60_000);
afterAll(async () => h?.close());

function blocksOf(call: { body: Record<string, unknown> }): Array<Record<string, unknown>> {
  const raw = call.body.blocks ?? (call.body.view as { blocks?: unknown } | undefined)?.blocks;
  return (typeof raw === 'string' ? JSON.parse(raw) : raw ?? []) as Array<Record<string, unknown>>;
}

describe('/po vendor with the control tower', () => {
  it('opens with the scorecard of the vendor and its trend chart as a signed PNG, then lists the POs', async () => {
    // The question parser drops trailing punctuation ("Inc." → "Inc").
    const name = order.partner!.name.replace(/[.?!]+$/, '');
    const { answer } = await h.slash('avery', `vendor ${name}`);
    const text = shown(answer);
    expect(text).toContain(`POs of ${name}`);
    expect(text).toContain('Scorecard, last 12 weeks');
    expect(text).toContain(`Vendor ${order.partner!.id}`);
    expect(text).toContain('*On time in full*\\n75% of 8 receipts');
    expect(text).toContain(order.name);
    expect(asked.at(-1)?.vendorId).toBe(order.partner!.id);
    // The chart covers the scorecard's weeks, up to the start of the next UTC day.
    const q = asked.at(-1)!.query;
    expect(Math.round((q.to.getTime() - q.from.getTime()) / (7 * 24 * 3600 * 1000))).toBe(12);
    const blocks = blocksOf(answer);
    const image = blocks.find((b) => b.type === 'image') as { image_url: string; alt_text: string };
    expect(image.alt_text).toMatch(/on time in full/);
    const file = image.image_url.replace('https://bot.example.com/charts/', '');
    const verified = signer.verify(file, new Date());
    expect(verified).toMatchObject({ ok: true, format: 'png', request: { kind: 'supplier-trend', vendorId: order.partner!.id, weeks: 12 } });
    // The header comes first, the scorecard before the rows.
    expect(blocks[0]!.type).toBe('header');
    expect(blocks.findIndex((b) => b.type === 'image')).toBeLessThan(blocks.findIndex((b) => JSON.stringify(b).includes(order.name)));
  });

  it('answers an unknown vendor with a clear message and no scorecard', async () => {
    const before = asked.length;
    const { answer } = await h.slash('avery', 'vendor Zzyzx Nonexistent Holdings');
    const text = shown(answer);
    expect(text).toContain('I know no vendor called \\"Zzyzx Nonexistent Holdings\\"');
    expect(text).not.toContain('Scorecard');
    expect(blocksOf(answer).some((b) => b.type === 'image')).toBe(false);
    expect(asked.length).toBe(before);
  });

  it('shows no scorecard on the next pages of the list', async () => {
    const vendor = order.partner!.name;
    const text = shown((await h.slash('avery', `vendor ${vendor} page 2`)).answer);
    expect(text).not.toContain('Scorecard');
  });
});

describe('the home tab with the viewer\u2019s own numbers', () => {
  it('shows what waits for them, their median decision time, their decisions and their exceptions', async () => {
    const from = h.slack.calls.length;
    await h.event({ type: 'app_home_opened', user: USERS.avery.id, channel: 'D0AVERY', tab: 'home', event_ts: '1800000013.000100' });
    const text = shown(await h.nextCall('views.publish', from));
    expect(text).toContain('*Your numbers*');
    expect(text).toContain('*Waiting for you*\\n3');
    expect(text).toContain('*Your median decision time*\\n5.5 h (last 90 days)');
    expect(text).toContain('*Your decisions*\\n14 in the last 30 days');
    expect(text).toContain('*Open exceptions on your POs*\\n2');
    expect(text).toContain('Waiting for your approval');
  });

  it('still opens, saying so, when the numbers cannot be read', async () => {
    failPersonal = true;
    try {
      const from = h.slack.calls.length;
      await h.event({ type: 'app_home_opened', user: USERS.avery.id, channel: 'D0AVERY', tab: 'home', event_ts: '1800000014.000100' });
      const text = shown(await h.nextCall('views.publish', from));
      expect(text).toContain('Your numbers cannot be read right now');
      expect(text).toContain('Waiting for your approval');
    } finally {
      failPersonal = false;
    }
  });

  it('an unmapped user gets no numbers', async () => {
    const from = h.slack.calls.length;
    await h.event({ type: 'app_home_opened', user: USERS.stranger.id, channel: 'D0STRANGER', tab: 'home', event_ts: '1800000015.000100' });
    const text = shown(await h.nextCall('views.publish', from));
    expect(text).toContain("I don't know who you are in Odoo");
    expect(text).not.toContain('Your numbers');
  });
});
