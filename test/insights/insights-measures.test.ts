import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { RedisExceptionStore } from '../../adapters/alerts/redis-exception-store.ts';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { createInsightsReader, insightClock } from '../../adapters/insights/create-insights-reader.ts';
import { createInsightsRecorder } from '../../adapters/insights/insights-recorder.ts';
import { RedisFactStore } from '../../adapters/insights/redis-fact-store.ts';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import { ODOO_PROFILES, adminWire, profileName } from '../support/odoo-profile.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { NOW, PERIOD, TZ, calendar, decision, exception, proposal } from './insight-test-records.ts';

/**
 * Every measure of the control tower against values computed by hand on a small dataset, in
 * Europe/Brussels with business hours Monday to Friday 09:00-17:00, over two weeks (Mondays
 * 2026-03-02 and 2026-03-09). The edge cases: a PO approved at 23:30 UTC on a Sunday (Monday's
 * week in Brussels), a PO with no receipt yet, a vendor never confirming, a chain with a skipped
 * level, a request made after hours on a Friday (1.5 business hours, not 65.5), a receipt on time
 * but not in full (a backorder).
 */
const W1 = '2026-03-02';
const W2 = '2026-03-09';

function seedOdoo(odoo: EmbeddedOdoo) {
  const { store } = odoo;
  const partner = (name: string) => store.insert('res.partner', { name, complete_name: name, is_company: true, active: true, supplier_rank: 1, parent_id: false } as never);
  const acme = partner('Acme Insights');
  const beta = partner('Beta Never Confirms');
  const po = (name: string, vendor: number, approved: string | false, confirmed: boolean, state = 'purchase') =>
    store.insert('purchase.order', {
      name, state, partner_id: vendor, partner_ref: false, company_id: 1, currency_id: 1, currency_rate: 1, user_id: 2,
      date_order: '2026-03-01 08:00:00', date_approve: approved, date_planned: '2026-03-20 12:00:00', date_calendar_start: approved || '2026-03-01 08:00:00',
      effective_date: false, picking_type_id: 1, dest_address_id: false, origin: false, notes: false, priority: '0', fiscal_position_id: false,
      payment_term_id: false, incoterm_id: false, incoterm_location: false, group_id: false, mail_reception_confirmed: confirmed,
      mail_reception_declined: false, mail_reminder_confirmed: false, receipt_status: false, invoice_status: 'no', invoice_count: 0,
      amount_untaxed: 100, amount_tax: 0, amount_total: 100, amount_total_cc: 100, order_line: [], picking_ids: [], invoice_ids: [],
      message_ids: [], activity_ids: [], access_token: false, create_date: '2026-03-01 08:00:00', write_date: '2026-03-01 08:00:00', create_uid: 2, write_uid: 2,
    } as never);
  const p1 = po('PO-I1', acme, '2026-03-02 08:00:00', true);
  const p2 = po('PO-I2', acme, '2026-03-03 10:00:00', true);
  const p3 = po('PO-I3', acme, '2026-03-10 10:00:00', false); // no receipt yet
  const p4 = po('PO-I4', beta, '2026-03-04 10:00:00', false);
  const p5 = po('PO-I5', beta, '2026-03-08 23:30:00', false); // Sunday 23:30 UTC = Monday 00:30 in Brussels
  po('PO-I6', acme, false, false, 'draft');
  const picking = (name: string, vendor: number, scheduled: string, done: string | false, state: string, backorderOf: number | false = false) =>
    store.insert('stock.picking', {
      name, origin: false, partner_id: vendor, company_id: 1, picking_type_id: 1, location_id: 4, location_dest_id: 8, scheduled_date: scheduled,
      date_deadline: false, date: scheduled, date_done: done, state, move_type: 'direct', priority: '0', user_id: false, owner_id: false,
      backorder_id: backorderOf, backorder_ids: [], return_id: false, return_ids: [], move_ids: [], move_ids_without_package: [],
    } as never);
  picking('IN-1', acme, '2026-03-05 12:00:00', '2026-03-05 15:00:00', 'done'); // on time, in full
  picking('IN-2', acme, '2026-03-06 12:00:00', '2026-03-09 09:00:00', 'done'); // 3 days late
  const r4 = picking('IN-4', acme, '2026-03-10 12:00:00', '2026-03-10 13:00:00', 'done'); // on time, not in full
  const r5 = picking('IN-5', acme, '2026-03-10 12:00:00', false, 'assigned', r4);
  store.update('stock.picking', r4, { backorder_ids: [r5] } as never);
  const bill = (name: string, vendor: number, date: string, state: string) =>
    store.insert('account.move', { name, move_type: 'in_invoice', partner_id: vendor, company_id: 1, currency_id: 1, invoice_date: date, date, state, journal_id: 1, ref: false, amount_total: 100 } as never);
  bill('BILL-1', acme, '2026-03-04', 'posted');
  bill('BILL-2', acme, '2026-03-11', 'posted');
  bill('BILL-3', acme, '2026-03-11', 'cancel');
  return { acme, beta, p1, p2, p3, p4, p5 };
}

function request(over: Partial<ApprovalRequest> & { id: string; ruleName: string }): ApprovalRequest {
  return {
    orderId: 1, revision: 1, version: 'v1', changes: [], reason: '', rejectAction: 'cancel', confirmAbove: null, status: 'pending',
    decision: null, writeback: null, elsewhere: null, targets: [], cards: [],
    snapshot: { buyerId: 7, buyerName: 'Megan Holt' },
    subject: { company: { id: 1, name: 'Northgate US' }, vendor: { id: 99, name: 'Acme Insights' }, warehouses: [{ id: 1, name: 'YourCompany' }] },
    requestedAt: '2026-03-09T08:00:00Z',
    ...over,
  } as unknown as ApprovalRequest;
}

for (const profile of ODOO_PROFILES) {
  describe(`control tower measures, ${profileName(profile)}`, () => {
    let odoo: EmbeddedOdoo;
    let gateway: OdooAwaitGateway;
    let redis: Redis;
    const prefix = uniquePrefix('insights');
    let ids: ReturnType<typeof seedOdoo>;
    let reader: ReturnType<typeof createInsightsReader>;
    let computeCalls = 0;

    beforeAll(async () => {
      odoo = await startEmbeddedOdoo({ port: 0, version: profile.version });
      ids = seedOdoo(odoo);
      gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', ...adminWire(odoo, profile) });
      redis = new Redis(testRedisUrl());
      const clock = insightClock(calendar);
      let now = NOW;
      const recorder = createInsightsRecorder({ facts: new RedisFactStore(redis, prefix), clock, odoo: gateway, logger: { warn: (o: unknown) => { throw new Error(JSON.stringify(o)); } }, now: () => now });
      const counting = { readGroup: (...a: Parameters<OdooAwaitGateway['readGroup']>) => ((computeCalls += 1), gateway.readGroup(...a)) };
      reader = createInsightsReader({ redis, prefix, odoo: counting, calendar, now: () => NOW, logger: { warn: () => {}, info: () => {} } });

      // approvals: after hours on a Friday, a three-level chain with level 2 skipped, one decided in Odoo
      const subjectA = { company: { id: 1, name: 'Northgate US' }, vendor: { id: ids.acme, name: 'Acme Insights' }, warehouses: [{ id: 1, name: 'YourCompany' }] };
      await recorder.approval(null, request({ id: 'q1', ruleName: 'big', subject: subjectA, requestedAt: '2026-03-06T16:00:00Z', status: 'decided', decision: decision('2026-03-09T09:30:00Z') } as never));
      const chain = [
        { level: 1, label: 'Manager', state: 'approved', since: '2026-03-09T08:00:00Z', decision: decision('2026-03-09T10:00:00Z') },
        { level: 2, label: 'Director', state: 'skipped', since: null, decision: null },
        { level: 3, label: 'CFO', state: 'approved', since: '2026-03-09T10:00:00Z', decision: decision('2026-03-09T12:00:00Z') },
      ];
      await recorder.approval(null, request({ id: 'q2', ruleName: 'chain', subject: subjectA, requestedAt: '2026-03-09T08:00:00Z', status: 'decided', decision: decision('2026-03-09T12:00:00Z'), chain } as never));
      // approved in Odoo at 10:00 UTC (date_approve); the reconciliation scan noticed at 11:00: Odoo's time counts
      const q3 = request({ id: 'q3', ruleName: 'small', orderId: ids.p3, requestedAt: '2026-03-09T14:00:00Z' });
      now = new Date('2026-03-10T08:00:00Z');
      const q3reminded = { ...q3, stepsDone: ['remind-1-1', 'escalate-2'] };
      await recorder.approval(q3, q3reminded);
      await recorder.approval(q3reminded, q3reminded); // told twice: counted once
      await recorder.approval(q3reminded, { ...q3reminded, status: 'decided_elsewhere', elsewhere: { outcome: 'approved', by: 'admin', at: '2026-03-10T11:00:00Z' } });
      now = NOW;

      // exceptions: one acknowledged and cleared, an ETA slip and a bill mismatch still open
      const e1 = exception({ key: 'late:1', type: 'late-receipt', firstSeenAt: '2026-03-02T08:00:00Z', lastSeenAt: '2026-03-02T08:00:00Z' }, { warehouse: { model: 'stock.warehouse', id: 1, name: 'YourCompany' } });
      const e1ack = { ...e1, status: 'acknowledged', acknowledged: { chat: { platform: 'slack', userId: 'U3' }, odooUserId: 5, odooLogin: 'avery', at: '2026-03-02T10:00:00Z' } } as TrackedException;
      const e1clear = { ...e1ack, status: 'cleared', clearedAt: '2026-03-03T09:00:00Z', clearedReason: 'received' } as TrackedException;
      await recorder.exception(null, e1);
      await recorder.exception(e1, e1ack);
      await recorder.exception(e1ack, e1clear);
      const vendorA = { model: 'res.partner', id: ids.acme, name: 'Acme Insights' };
      const e2 = exception({ key: 'eta:2', type: 'eta-slipped', firstSeenAt: '2026-03-03T08:00:00Z', lastSeenAt: '2026-03-03T08:00:00Z' }, { vendor: vendorA, buyer: { model: 'res.users', id: 5, name: 'Avery' } });
      const e3 = exception({ key: 'bill:3', type: 'bill-price-mismatch', firstSeenAt: '2026-03-11T08:00:00Z', lastSeenAt: '2026-03-11T08:00:00Z' }, { vendor: vendorA });
      const store = new RedisExceptionStore(redis, prefix);
      for (const e of [e2, e3]) {
        await store.upsert(e.key, () => e, (t) => t);
        await recorder.exception(null, e);
      }

      // triage, and the vendor confirmations (one from a supplier event, one from an email confirmed in chat)
      await recorder.triage(null, proposal('t1', 'delay', 'openai', { action: 'confirm', category: 'delay', at: '2026-03-03T10:00:00Z' }));
      await recorder.triage(null, proposal('t2', 'delay', 'openai', { action: 'confirm', category: 'price_change', at: '2026-03-03T11:00:00Z' }));
      await recorder.triage(null, proposal('t3', 'price', null, { action: 'dismiss', category: 'price', at: '2026-03-10T11:00:00Z' }));
      await recorder.triage(null, proposal('t4', 'confirmation', 'heuristic', { action: 'confirm', category: 'confirmation', at: '2026-03-04T09:00:00Z' }, ids.p2));
      await recorder.vendorConfirmed(ids.p1, '2026-03-02T16:00:00Z');
    });

    afterAll(async () => {
      gateway.close();
      await odoo.stop();
      await deleteKeys(testRedisUrl(), prefix);
      redis.disconnect();
    });

    it('approval cycle times in business hours, per level with the skipped level at 0, chat vs Odoo, reminders', async () => {
      const s = await reader.snapshot({ ...PERIOD, breakdown: ['rule'] });
      expect(s.weeks).toEqual([W1, W2]);
      expect(s.timeZone).toBe(TZ);
      const all = s.approvals.filter((a) => a.group === null);
      expect(all[0]).toMatchObject({ week: W1, cycle: { count: 0, p50Hours: null, p90Hours: null }, decidedInChat: 0, decidedInOdoo: 0 });
      expect(all[1]).toEqual({
        week: W2,
        group: null,
        cycle: { count: 3, p50Hours: 4, p90Hours: 4 }, // 1.5, 4 and 4 business hours
        perLevel: [
          { level: 1, count: 1, p50Hours: 2, p90Hours: 2 },
          { level: 2, count: 0, p50Hours: null, p90Hours: null },
          { level: 3, count: 1, p50Hours: 2, p90Hours: 2 },
        ],
        decidedInChat: 2,
        decidedInOdoo: 1,
        reminders: 1,
        escalations: 1,
      });
      const byRule = Object.fromEntries(s.approvals.filter((a) => a.week === W2 && a.group).map((a) => [a.group?.label, a.cycle]));
      expect(byRule).toEqual({ big: { count: 1, p50Hours: 1.5, p90Hours: 1.5 }, chain: { count: 1, p50Hours: 4, p90Hours: 4 }, small: { count: 1, p50Hours: 4, p90Hours: 4 } });
    });

    it('filtered on a vendor, only its requests count', async () => {
      const s = await reader.snapshot({ ...PERIOD, filter: { vendor: ids.acme } });
      const w2 = s.approvals.find((a) => a.week === W2);
      expect(w2?.group).toEqual({ dimension: 'vendor', id: ids.acme, label: 'Acme Insights' });
      expect(w2?.cycle).toEqual({ count: 2, p50Hours: 1.5, p90Hours: 4 });
    });

    it('exception resolution by type and warehouse, and open exceptions by age', async () => {
      const s = await reader.snapshot(PERIOD);
      expect(s.exceptions).toEqual([
        { week: W1, type: 'eta-slipped', warehouse: null, opened: 1, acknowledged: 0, cleared: 0, toAcknowledge: { count: 0, p50Hours: null, p90Hours: null }, toClear: { count: 0, p50Hours: null, p90Hours: null } },
        { week: W1, type: 'late-receipt', warehouse: { id: 1, label: 'YourCompany' }, opened: 1, acknowledged: 1, cleared: 1, toAcknowledge: { count: 1, p50Hours: 2, p90Hours: 2 }, toClear: { count: 1, p50Hours: 9, p90Hours: 9 } },
        { week: W2, type: 'bill-price-mismatch', warehouse: null, opened: 1, acknowledged: 0, cleared: 0, toAcknowledge: { count: 0, p50Hours: null, p90Hours: null }, toClear: { count: 0, p50Hours: null, p90Hours: null } },
      ]);
      expect(s.openExceptions).toEqual([
        { type: 'bill-price-mismatch', warehouse: null, bucket: '1-3d', count: 1 },
        { type: 'eta-slipped', warehouse: null, bucket: '>7d', count: 1 },
      ]);
    });

    it('supplier scorecards: confirmation latency, OTIF, slip, ETA changes, bill mismatches; a vendor never confirming', async () => {
      const s = await reader.snapshot(PERIOD);
      expect(s.suppliers.map((c) => c.vendor)).toEqual([{ id: ids.acme, name: 'Acme Insights' }, { id: ids.beta, name: 'Beta Never Confirms' }]);
      const [acme, beta] = s.suppliers;
      expect(acme?.weeks).toEqual([
        { week: W1, ordersSent: 2, ordersConfirmed: 2, confirmLatency: { count: 2, p50Hours: 7, p90Hours: 8 }, neverConfirmed: 0, receiptsDone: 1, onTimeInFull: 1, otifRate: 1, averageSlipDays: 0, etaChanges: 1, etaChangesPerOrder: 0.5, bills: 1, billMismatches: 0, billMismatchRate: 0 },
        { week: W2, ordersSent: 1, ordersConfirmed: 0, confirmLatency: { count: 0, p50Hours: null, p90Hours: null }, neverConfirmed: 1, receiptsDone: 2, onTimeInFull: 0, otifRate: 0, averageSlipDays: 1.5, etaChanges: 0, etaChangesPerOrder: 0, bills: 1, billMismatches: 1, billMismatchRate: 1 },
      ]);
      expect(acme?.total).toMatchObject({ ordersSent: 3, ordersConfirmed: 2, confirmLatency: { count: 2, p50Hours: 7, p90Hours: 8 }, receiptsDone: 3, onTimeInFull: 1, otifRate: 0.3333, averageSlipDays: 1, bills: 2, billMismatches: 1, billMismatchRate: 0.5 });
      // the Sunday-night PO is Monday's week in Brussels; the vendor never confirmed anything
      expect(beta?.weeks.map((w) => [w.ordersSent, w.ordersConfirmed, w.neverConfirmed, w.receiptsDone, w.otifRate, w.averageSlipDays])).toEqual([[1, 0, 1, 0, null, null], [1, 0, 1, 0, null, null]]);
      expect(beta?.total.confirmLatency).toEqual({ count: 0, p50Hours: null, p90Hours: null });
    });

    it('one vendor scorecard; none for a vendor without orders; a bad query changes nothing', async () => {
      const card = await reader.vendorScorecard(ids.acme, PERIOD);
      expect(card?.total.ordersSent).toBe(3);
      expect(await reader.vendorScorecard(999_999, PERIOD)).toBeNull();
      await expect(reader.snapshot({ from: PERIOD.to, to: PERIOD.from })).rejects.toThrow(/must end after it starts/);
      await expect(reader.vendorScorecard(-1, PERIOD)).rejects.toThrow(/vendor id/);
    });

    it('triage by category and reader', async () => {
      const s = await reader.snapshot(PERIOD);
      expect(s.triage).toEqual([
        { week: W1, category: 'confirmation', reader: 'heuristic', confirmedUnchanged: 1, changed: 0, dismissed: 0 },
        { week: W1, category: 'delay', reader: 'openai', confirmedUnchanged: 1, changed: 1, dismissed: 0 },
        { week: W2, category: 'price', reader: 'finance-rules', confirmedUnchanged: 0, changed: 0, dismissed: 1 },
      ]);
    });

    it('a person sees their own numbers', async () => {
      const mine = await reader.personal(5, NOW);
      expect(mine).toEqual({ pendingApprovals: 0, medianDecisionHours: 1.5, decisionsLast30Days: 2, openExceptionsOnMyOrders: 1 });
      // a pending request whose card went to the admin's DM waits on the admin (uid 2, login admin)
      const approvals = new RedisApprovalStore(redis, prefix);
      await approvals.open(request({ id: 'q-open', ruleName: 'big', orderId: ids.p4, targets: [{ kind: 'odoo-user', platform: 'slack', login: 'admin' }] } as never));
      expect((await reader.personal(2, NOW)).pendingApprovals).toBe(1);
      expect((await reader.personal(5, NOW)).pendingApprovals).toBe(0);
    });

    it('answers from the cache without asking Odoo again, and the refresh recomputes it', async () => {
      const q = { ...PERIOD, breakdown: ['company' as const] };
      const cold = await reader.snapshot(q);
      const calls = computeCalls;
      const started = performance.now();
      const warm = await reader.snapshot(q);
      expect(performance.now() - started).toBeLessThan(200);
      expect(computeCalls).toBe(calls);
      expect(warm).toEqual(cold);
      expect(await reader.refresh()).toBeGreaterThanOrEqual(3);
      expect(computeCalls).toBeGreaterThan(calls);
    });
  });
}
