/**
 * A bill mismatch alerted while the bill was a draft (no number: "/" on Odoo 17/18, false on 19)
 * follows the bill when it is posted: the next scan shows its number and state, in place. Before,
 * the fingerprint held only the quantities and prices, so the card said "draft bill" for good
 * (also when it was rendered from a webhook's read made before Odoo committed the posting).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/spawn-bot.ts';
import { startAlertsHarness, type AlertsHarness } from './alerts-harness.ts';

const FINANCE = 'C0FINANCE';

describe('a draft bill alerted, then posted', () => {
  let h: AlertsHarness;
  let billId: number;
  const key = () => `bill-price-mismatch:account.move:${billId}`;

  beforeAll(async () => {
    h = await startAlertsHarness({
      routingYaml: () => ['alerts:', '  lifecycle: { escalate_after_business_hours: 0, burst: { max: 50, window_seconds: 5 }, digest_every_minutes: 0 }', 'routing:', `  default_channel: ${FINANCE}`].join('\n'),
    });
    billId = h.summary.interesting.priceMismatchBills[0]!.billId;
    // The bill as finance keyed it in and has not posted yet: a draft has no number.
    h.odoo.store.update('account.move', billId, { state: 'draft', name: '/' });
  }, 60_000);
  afterAll(async () => h?.close());

  it('is alerted as a draft bill, never as "/"', async () => {
    await h.feature.scan('bills');
    const tracked = await h.feature.store.get(key());
    expect(tracked?.exception.facts).toMatchObject({ billName: null, billState: 'draft' });
    expect(tracked?.exception.title).toMatch(/^draft bill /);
    await waitFor(() => h.postsWith(FINANCE, tracked!.exception.title.slice(0, 30)).length === 1, 20_000, 'the bill mismatch message');
    const [post] = h.postsWith(FINANCE, tracked!.exception.title.slice(0, 30));
    expect(post!.text).toContain('draft bill, no number yet');
    expect(post!.text).not.toMatch(/Bill\W+\//);
  }, 60_000);

  it('shows the posted number and state after one scan, updating the message in place', async () => {
    const before = await h.feature.store.get(key());
    const [post] = h.postsWith(FINANCE, before!.exception.title.slice(0, 30));
    await h.admin.callMethod('account.move', 'action_post', [billId]);
    const [bill] = await h.admin.read('vendorBill', [billId]);
    expect(bill).toMatchObject({ state: 'posted', name: expect.stringMatching(/^BILL\//) });

    const scan = await h.feature.scan('bills');
    expect(scan.opened).toBe(0);
    const after = await h.feature.store.get(key());
    expect(after?.exception.facts).toMatchObject({ billName: bill!.name, billState: 'posted' });
    expect(after?.exception.title.startsWith(bill!.name!)).toBe(true);
    expect(after?.fingerprint).not.toBe(before?.fingerprint);
    await waitFor(() => h.latestText(FINANCE, post!.ts).includes(`${bill!.name} · posted`), 20_000, 'the message to show the posted bill');
    expect(h.postsWith(FINANCE, bill!.name!)).toHaveLength(0); // updated in place, not posted again

    const again = await h.feature.scan('bills');
    expect(again.updated).toBe(0); // and a further scan is noise again
  }, 60_000);
});
