/**
 * A late receipt through its whole life: posted once in its warehouse channel, unchanged by a
 * repeated scan, acknowledged (a To-Do activity and one chatter note in Odoo), snoozed (a
 * re-alert waits for the snooze to end), resolved when the goods are received. Plus bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_JOBS } from '../../src/alerts/lifecycle/alert-jobs.ts';
import { NO_ODOO_ACCOUNT, UNKNOWN_EXCEPTION } from '../../src/alerts/lifecycle/act-on-exception.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startAlertsHarness, type AlertsHarness } from './alerts-harness.ts';

const WAREHOUSE_CHANNEL = 'C0WAREHOUSE';
const DEFAULT_CHANNEL = 'C0DEFAULT';

describe('late receipt lifecycle (embedded Odoo, fake Slack, Redis)', () => {
  let h: AlertsHarness;
  let picking: { id: number; name: string; poId: number };
  let message: { channel: string; ts: string; buttons: Record<string, string> };
  const key = () => `late-receipt:stock.picking:${picking.id}`;

  beforeAll(async () => {
    h = await startAlertsHarness({
      routingYaml: (s) => {
        const late = s.interesting.lateReceipts[0]!;
        return [
          'alerts:',
          '  late_receipt: { warning_after_days: 1, critical_after_days: 30 }',
          '  lifecycle: { escalate_after_business_hours: 0, burst: { max: 50, window_seconds: 5 }, digest_every_minutes: 0 }',
          'routing:',
          `  default_channel: ${DEFAULT_CHANNEL}`,
          '  rules:',
          '    - name: the-one-receipt',
          '      types: [late-receipt]',
          `      warehouse: ${late.warehouseId}`,
          `      channels: [${WAREHOUSE_CHANNEL}]`,
          '      owner: warehouse@northgate-supply.example',
        ].join('\n');
      },
    });
    const late = h.summary.interesting.lateReceipts[0]!;
    picking = { id: late.pickingId, name: late.pickingName, poId: late.poId };
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('posts a late receipt once in its warehouse channel, and a repeated scan posts nothing more', async () => {
    const first = await h.feature.scan('receipts');
    expect(first.found).toBeGreaterThan(0);
    expect(first.opened).toBe(first.found);
    await waitFor(() => h.postsWith(WAREHOUSE_CHANNEL, picking.name).length === 1, 20_000, 'the late receipt message');
    const [posted] = h.postsWith(WAREHOUSE_CHANNEL, picking.name);
    message = { channel: WAREHOUSE_CHANNEL, ts: posted!.ts, buttons: posted!.buttons };
    expect(Object.keys(message.buttons)).toEqual(expect.arrayContaining(['exception_ack', 'exception_snooze_1h', 'exception_own']));

    const again = await h.feature.scan('receipts');
    expect(again.opened).toBe(0);
    expect(again.unchanged).toBe(first.found);
    await h.settle();
    expect(h.postsWith(WAREHOUSE_CHANNEL, picking.name)).toHaveLength(1);
    expect(h.postsWith(DEFAULT_CHANNEL, picking.name)).toHaveLength(0);
  }, 60_000);

  it('acknowledges: the message says who, Odoo gets one To-Do activity and one chatter note', async () => {
    const res = await h.click('warehouse', message, 'exception_ack');
    expect(res.status).toBe(200);
    await waitFor(() => /Acknowledged by Wes Warehouse/.test(h.latestText(message.channel, message.ts)), 15_000, 'the acknowledged message');
    await h.settle();
    // A second click (another delivery) changes nothing and tells the clicker.
    await h.click('warehouse', message, 'exception_ack');
    await waitFor(() => h.ephemeralsTo('warehouse').some((t) => /Already acknowledged by Wes Warehouse/.test(t)), 10_000, 'the already-acknowledged answer');
    await h.settle();
    const [lead] = await h.admin.search('user', { domain: [['login', '=', 'warehouse@northgate-supply.example']], limit: 1 });
    const activities = await h.admin.searchIds('mail.activity', [['res_model', '=', 'stock.picking'], ['res_id', '=', picking.id], ['user_id', '=', lead!.id]]);
    expect(activities).toHaveLength(1);
    const notes = await h.admin.searchIds('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', picking.id], ['body', 'ilike', 'Acknowledged in Slack']]);
    expect(notes).toHaveLength(1);
  }, 60_000);

  it('snoozed: a re-alert (severity up) waits until the snooze ends', async () => {
    await h.click('warehouse', message, 'exception_snooze_1h');
    await waitFor(() => /Snoozed until/.test(h.latestText(message.channel, message.ts)), 15_000, 'the snoozed message');
    // The date moves 40 days back: now critical (from 30 days), a material change that would re-post.
    await h.admin.write('stock.picking', [picking.id], { scheduled_date: new Date(h.clock.now - 40 * 86_400_000) });
    const scan = await h.feature.scan('receipts');
    expect(scan.updated).toBeGreaterThanOrEqual(1);
    await h.settle();
    expect(h.postsWith(WAREHOUSE_CHANNEL, picking.name)).toHaveLength(1);
    expect((await h.feature.store.get(key()))?.realertDue).not.toBeNull();

    h.clock.now += 61 * 60_000;
    await h.queues.scan.add(ALERT_JOBS.tick, {}, { jobId: 'tick-after-snooze' });
    await waitFor(() => h.postsWith(WAREHOUSE_CHANNEL, picking.name).length === 2, 20_000, 'the re-alert after the snooze');
    expect(h.postsWith(WAREHOUSE_CHANNEL, picking.name)[1]!.text).toMatch(/critical/);
  }, 60_000);

  it('resolves when the goods are received, and the message says so', async () => {
    const moves = await h.admin.searchIds('stock.move', [['picking_id', '=', picking.id]]);
    for (const m of moves) {
      const [row] = (await h.admin.callMethod('stock.move', 'read', [m], { fields: ['product_uom_qty'] })) as Array<{ product_uom_qty: number }>;
      await h.admin.write('stock.move', [m], { quantity: row!.product_uom_qty });
    }
    await h.admin.callMethod('stock.picking', 'button_validate', [picking.id]);
    // The webhook path: a change to the picking re-evaluates its exception at once.
    await h.feature.listeners['stock.picking']![0]!({ model: 'stock.picking', id: picking.id, version: 'v-received', receivedAt: new Date().toISOString() } as never);
    const stored = await h.feature.store.get(key());
    expect(stored?.status).toBe('cleared');
    expect(stored?.clearedReason).toMatch(/was received/);
    await waitFor(() => /Resolved/.test(h.latestText(message.channel, message.ts)) && /was received/.test(h.latestText(message.channel, message.ts)), 15_000, 'the resolved message');
    expect(h.latestText(message.channel, message.ts)).not.toMatch(/exception_ack/);
  }, 60_000);

  it('refuses a bad signature with 401', async () => {
    const res = await h.click('warehouse', message, 'exception_ack', { secret: 'not-the-signing-secret-at-all-000' });
    expect(res.status).toBe(401);
  });

  it('answers an unknown exception key privately and kindly', async () => {
    await h.click('bea', message, 'exception_snooze_4h', { value: JSON.stringify({ k: 'late-receipt:stock.picking:999999' }) });
    await waitFor(() => h.ephemeralsTo('bea').some((t) => t.includes(UNKNOWN_EXCEPTION.slice(0, 40))), 10_000, 'the unknown-exception answer');
  });

  it('refuses ownership to a user with no Odoo account', async () => {
    const other = h.postsWith(DEFAULT_CHANNEL, 'late')[0] ?? h.postsWith(WAREHOUSE_CHANNEL, 'late').find((p) => !p.text.includes(picking.name));
    const target = other ? { channel: other.text.includes(picking.name) ? WAREHOUSE_CHANNEL : DEFAULT_CHANNEL, ts: other.ts, buttons: other.buttons } : message;
    const value = target.buttons.exception_own ?? JSON.stringify({ k: key() });
    await h.click('stranger', target, 'exception_own', { value });
    await waitFor(() => h.ephemeralsTo('stranger').some((t) => t.includes(NO_ODOO_ACCOUNT.slice(0, 40)) || /already resolved/.test(t)), 10_000, 'the refusal');
    expect(h.ephemeralsTo('stranger').some((t) => t.includes(NO_ODOO_ACCOUNT.slice(0, 40)))).toBe(!!target.buttons.exception_own);
  });
});
