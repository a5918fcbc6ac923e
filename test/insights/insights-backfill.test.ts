import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { RedisExceptionStore } from '../../adapters/alerts/redis-exception-store.ts';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../../adapters/store/redis-audit-log.ts';
import { RedisTriageStore } from '../../adapters/triage/redis-triage-store.ts';
import { createInsightsReader, insightClock } from '../../adapters/insights/create-insights-reader.ts';
import { createInsightsRecorder } from '../../adapters/insights/insights-recorder.ts';
import { backfillMarkerKey, runInsightsBackfill, type BackfillDeps } from '../../adapters/insights/insights-backfill.ts';
import { RedisFactStore } from '../../adapters/insights/redis-fact-store.ts';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import type { ApprovalRequest } from '../../src/approvals/approval-request.ts';
import type { AuditEntry } from '../../src/ports/audit-log.ts';
import { ODOO_PROFILES, adminWire, profileName } from '../support/odoo-profile.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { NOW, PERIOD, calendar, decision, exception, proposal } from './insight-test-records.ts';

/**
 * The one-time backfill: records stored before the recorder existed (written straight to the
 * stores, the reminders only in the audit log) count in the measures exactly as a live-recorded
 * twin of the same history does: same facts, same snapshot. Running it again, or twice at once,
 * changes nothing; a store bigger than one SCAN page is walked to its end.
 */
const clock = insightClock(calendar);
const quiet = { warn: () => {}, info: () => {} };

function seedOdoo(odoo: EmbeddedOdoo) {
  const { store } = odoo;
  const partner = (name: string) => store.insert('res.partner', { name, complete_name: name, is_company: true, active: true, supplier_rank: 1, parent_id: false } as never);
  const acme = partner('Acme Backfill');
  const po = (name: string, approved: string) =>
    store.insert('purchase.order', {
      name, state: 'purchase', partner_id: acme, partner_ref: false, company_id: 1, currency_id: 1, currency_rate: 1, user_id: 2,
      date_order: '2026-03-01 08:00:00', date_approve: approved, date_planned: '2026-03-20 12:00:00', date_calendar_start: approved,
      effective_date: false, picking_type_id: 1, dest_address_id: false, origin: false, notes: false, priority: '0', fiscal_position_id: false,
      payment_term_id: false, incoterm_id: false, incoterm_location: false, group_id: false, mail_reception_confirmed: false,
      mail_reception_declined: false, mail_reminder_confirmed: false, receipt_status: false, invoice_status: 'no', invoice_count: 0,
      amount_untaxed: 100, amount_tax: 0, amount_total: 100, amount_total_cc: 100, order_line: [], picking_ids: [], invoice_ids: [],
      message_ids: [], activity_ids: [], access_token: false, create_date: '2026-03-01 08:00:00', write_date: '2026-03-01 08:00:00', create_uid: 2, write_uid: 2,
    } as never);
  return { acme, p2: po('PO-B2', '2026-03-03 10:00:00'), p3: po('PO-B3', '2026-03-10 10:00:00') };
}

function request(over: Partial<ApprovalRequest> & { id: string; ruleName: string; orderId: number }): ApprovalRequest {
  return {
    revision: 1, version: 'v1', changes: [], reason: '', rejectAction: 'cancel', confirmAbove: null, status: 'pending',
    decision: null, writeback: null, elsewhere: null, targets: [], cards: [],
    snapshot: { buyerId: 7, buyerName: 'Megan Holt', orderName: `PO-${over.orderId}` },
    subject: { company: { id: 1, name: 'Northgate US' }, vendor: { id: 99, name: 'Acme Backfill' }, warehouses: [{ id: 1, name: 'YourCompany' }] },
    requestedAt: '2026-03-09T08:00:00Z',
    ...over,
  } as unknown as ApprovalRequest;
}

/** One history, as the transitions the bot went through (for the live twin) and as what the stores hold at the end. */
function history(ids: ReturnType<typeof seedOdoo>) {
  const subject = { company: { id: 1, name: 'Northgate US' }, vendor: { id: ids.acme, name: 'Acme Backfill' }, warehouses: [{ id: 1, name: 'YourCompany' }] };
  const q1 = request({ id: 'q1', ruleName: 'big', orderId: 9001, subject, requestedAt: '2026-03-06T16:00:00Z', status: 'decided', decision: decision('2026-03-09T09:30:00Z') } as never);
  const chain = [
    { level: 1, label: 'Manager', state: 'approved', since: '2026-03-09T08:00:00Z', decision: decision('2026-03-09T10:00:00Z') },
    { level: 2, label: 'Director', state: 'skipped', since: null, decision: null },
    { level: 3, label: 'CFO', state: 'approved', since: '2026-03-09T10:00:00Z', decision: decision('2026-03-09T12:00:00Z', 6) },
  ];
  const q2 = request({ id: 'q2', ruleName: 'chain', orderId: 9002, subject, status: 'decided', decision: decision('2026-03-09T12:00:00Z', 6), chain } as never);
  const q3 = request({ id: 'q3', ruleName: 'small', orderId: ids.p3, requestedAt: '2026-03-09T14:00:00Z' });
  const q3reminded = { ...q3, stepsDone: ['remind-1-1', 'escalate-2'] };
  const q3done = { ...q3reminded, status: 'decided_elsewhere', elsewhere: { outcome: 'approved', by: 'admin', at: '2026-03-10T11:00:00Z' } } as ApprovalRequest;
  // still pending, reminded twice: its reminders count, it has no cycle time yet
  const q4 = request({ id: 'q4', ruleName: 'small', orderId: 9004, requestedAt: '2026-03-11T08:00:00Z' });
  const q4reminded1 = { ...q4, stepsDone: ['remind-1-1'] };
  const q4reminded2 = { ...q4, stepsDone: ['remind-1-1', 'remind-1-2'] };
  const e1 = exception({ key: 'late:1', type: 'late-receipt', firstSeenAt: '2026-03-02T08:00:00Z', lastSeenAt: '2026-03-02T08:00:00Z' }, { warehouse: { model: 'stock.warehouse', id: 1, name: 'YourCompany' } });
  const e1ack = { ...e1, status: 'acknowledged', acknowledged: { chat: { platform: 'slack', userId: 'U3' }, odooUserId: 5, odooLogin: 'avery', at: '2026-03-02T10:00:00Z' } } as TrackedException;
  const e1clear = { ...e1ack, status: 'cleared', clearedAt: '2026-03-03T09:00:00Z', clearedReason: 'received' } as TrackedException;
  const vendor = { model: 'res.partner', id: ids.acme, name: 'Acme Backfill' };
  const e2 = exception({ key: 'eta:2', type: 'eta-slipped', firstSeenAt: '2026-03-03T08:00:00Z', lastSeenAt: '2026-03-03T08:00:00Z' }, { vendor });
  const e3 = exception({ key: 'bill:3', type: 'bill-price-mismatch', firstSeenAt: '2026-03-11T08:00:00Z', lastSeenAt: '2026-03-11T08:00:00Z' }, { vendor });
  // acknowledged, then cleared without an acknowledgement of its own: cleared straight from open
  const e4 = exception({ key: 'late:4', type: 'late-receipt', firstSeenAt: '2026-03-09T08:00:00Z', lastSeenAt: '2026-03-10T08:00:00Z' }, {});
  const e4clear = { ...e4, status: 'cleared', clearedAt: '2026-03-10T08:00:00Z', clearedReason: 'received' } as TrackedException;
  const triage = [
    proposal('t1', 'delay', 'openai', { action: 'confirm', category: 'delay', at: '2026-03-03T10:00:00Z' }),
    proposal('t2', 'delay', 'openai', { action: 'confirm', category: 'price_change', at: '2026-03-03T11:00:00Z' }),
    proposal('t3', 'price', null, { action: 'dismiss', category: 'price', at: '2026-03-10T11:00:00Z' }),
    proposal('t4', 'confirmation', 'heuristic', { action: 'confirm', category: 'confirmation', at: '2026-03-04T09:00:00Z' }, ids.p2),
  ];
  const audit = (r: ApprovalRequest, code: string, at: string): AuditEntry => ({ at, orderId: r.orderId, orderName: `PO-${r.orderId}`, requestId: r.id, action: 'request', outcome: 'requested', actor: null, odooLogin: null, version: 'v1', channel: null, code, detail: code });
  return {
    live: {
      approvals: [[null, q1], [null, q2], [q3, q3reminded, '2026-03-10T08:00:00Z'], [q3reminded, q3done], [q4, q4reminded1, '2026-03-11T10:00:00Z'], [q4reminded1, q4reminded2, '2026-03-12T10:00:00Z']] as Array<[ApprovalRequest | null, ApprovalRequest, string?]>,
      exceptions: [[null, e1], [e1, e1ack], [e1ack, e1clear], [null, e2], [null, e3], [null, e4], [e4, e4clear]] as Array<[TrackedException | null, TrackedException]>,
    },
    stored: { approvals: [q1, q2, q3done, q4reminded2], exceptions: [e1clear, e2, e3, e4clear], triage },
    // an unrelated request's reminder on q3's PO: not q3's
    audit: [audit(q3done, 'remind', '2026-03-10T08:00:00Z'), audit(q3done, 'escalate', '2026-03-10T08:00:00Z'), { ...audit(q3done, 'remind', '2026-03-05T08:00:00Z'), requestId: 'other' }, audit(q4, 'remind', '2026-03-11T10:00:00Z'), audit(q4, 'remind', '2026-03-12T10:00:00Z')],
  };
}

/** Every fact under a prefix, without the prefix, members with their scores (the cache and the marker left out). */
async function factsOf(redis: Redis, prefix: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:insights:*`, 'COUNT', 1000);
    cursor = next;
    for (const k of keys) {
      if (k.includes(':insights:cache') || k.includes(':insights:backfill')) continue;
      out[k.slice(prefix.length)] = await redis.zrange(k, 0, -1, 'WITHSCORES');
    }
  } while (cursor !== '0');
  return out;
}

for (const profile of ODOO_PROFILES) {
  describe(`control tower backfill, ${profileName(profile)}`, () => {
    let odoo: EmbeddedOdoo;
    let gateway: OdooAwaitGateway;
    let redis: Redis;
    const livePrefix = uniquePrefix('bf-live');
    const prefix = uniquePrefix('bf');
    let ids: ReturnType<typeof seedOdoo>;
    let deps: BackfillDeps;
    const readerOf = (p: string) => createInsightsReader({ redis, prefix: p, odoo: gateway, calendar, now: () => NOW, logger: quiet });

    beforeAll(async () => {
      odoo = await startEmbeddedOdoo({ port: 0, version: profile.version });
      ids = seedOdoo(odoo);
      gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', ...adminWire(odoo, profile) });
      redis = new Redis(testRedisUrl());
      const h = history(ids);

      // the live twin: the recorder saw every transition as it happened
      let now = NOW;
      const recorder = createInsightsRecorder({ facts: new RedisFactStore(redis, livePrefix), clock, odoo: gateway, logger: { warn: (o: unknown) => { throw new Error(JSON.stringify(o)); } }, now: () => now });
      for (const [before, after, at] of h.live.approvals) {
        now = at ? new Date(at) : NOW;
        await recorder.approval(before, after);
      }
      for (const [before, after] of h.live.exceptions) await recorder.exception(before, after);
      for (const p of h.stored.triage) await recorder.triage(null, p);

      // the deployment from before the recorder: only the stores and the audit log (the live twin's stores hold the same)
      for (const into of [prefix, livePrefix]) {
        const approvals = new RedisApprovalStore(redis, into);
        for (const r of h.stored.approvals) {
          await approvals.open(r);
          if (r.status !== 'pending') await approvals.close(r.id);
        }
        const exceptions = new RedisExceptionStore(redis, into);
        for (const e of h.stored.exceptions) await exceptions.upsert(e.key, () => e, (t) => t);
        const triage = new RedisTriageStore(redis, into);
        for (const p of h.stored.triage) await triage.create(p);
      }
      const audit = new RedisAuditLog(redis, prefix, 3650, () => NOW);
      for (const a of h.audit) await audit.record(a);
      deps = { redis, prefix, facts: new RedisFactStore(redis, prefix), clock, odoo: gateway, audit, logger: quiet, refresh: () => readerOf(prefix).refresh() };
    }, 60_000);

    afterAll(async () => {
      gateway.close();
      await odoo.stop();
      await deleteKeys(testRedisUrl(), prefix);
      await deleteKeys(testRedisUrl(), livePrefix);
      redis.disconnect();
    });

    it('before the backfill the old history is not counted; after it, the measures equal the live-recorded twin', async () => {
      const reader = readerOf(prefix);
      // cached before the backfill (a rolling window ending now): the backfill's refresh must replace it
      const rolling = { from: new Date(NOW.getTime() - 14 * 86_400_000), to: NOW };
      const stale = await reader.snapshot(rolling);
      expect(stale.approvals.reduce((n, a) => n + a.cycle.count, 0)).toBe(0);

      const result = await runInsightsBackfill(deps);
      expect(result).toMatchObject({ skipped: false, approvals: 4, exceptions: 4, triage: 4 });
      expect(result.refreshed).toBeGreaterThanOrEqual(1);

      expect(await factsOf(redis, prefix)).toEqual(await factsOf(redis, livePrefix));
      const live = readerOf(livePrefix);
      for (const q of [{ ...PERIOD, breakdown: ['rule' as const] }, { ...PERIOD, breakdown: ['buyer' as const, 'vendor' as const] }, PERIOD]) {
        const got = await reader.snapshot(q);
        const want = await live.snapshot(q);
        expect({ ...got, computedAt: null }).toEqual({ ...want, computedAt: null });
      }
      // the cached rolling window was recomputed by the backfill, not left empty
      const refreshed = await reader.snapshot(rolling);
      expect(refreshed.approvals.reduce((n, a) => n + a.cycle.count, 0)).toBe(3);
      expect(await reader.personal(5, NOW)).toEqual(await live.personal(5, NOW));
      expect(await reader.vendorScorecard(ids.acme, PERIOD)).toEqual(await live.vendorScorecard(ids.acme, PERIOD));

      // hand-computed: 1.5, 4 and 4 business hours; reminders 1 (q3) + 2 (q4), escalations 1
      const w2 = (await reader.snapshot(PERIOD)).approvals.find((a) => a.week === '2026-03-09' && a.group === null);
      expect(w2).toMatchObject({ cycle: { count: 3, p50Hours: 4, p90Hours: 4 }, decidedInChat: 2, decidedInOdoo: 1, reminders: 3, escalations: 1 });
      expect(w2?.perLevel).toEqual([
        { level: 1, count: 1, p50Hours: 2, p90Hours: 2 },
        { level: 2, count: 0, p50Hours: null, p90Hours: null },
        { level: 3, count: 1, p50Hours: 2, p90Hours: 2 },
      ]);
    });

    it('runs once: a second run is skipped; run again (a new version) or twice at once, it changes nothing', async () => {
      const before = await factsOf(redis, prefix);
      expect(await runInsightsBackfill(deps)).toMatchObject({ skipped: true });
      await redis.del(backfillMarkerKey(prefix));
      await runInsightsBackfill(deps);
      expect(await factsOf(redis, prefix)).toEqual(before);
      await redis.del(backfillMarkerKey(prefix));
      const both = await Promise.all([runInsightsBackfill(deps), runInsightsBackfill(deps)]);
      expect(both.every((r) => r.approvals === 4)).toBe(true);
      expect(await factsOf(redis, prefix)).toEqual(before);
      expect(await redis.exists(backfillMarkerKey(prefix))).toBe(1);
    });

    it('when a fact cannot be recorded (Odoo down) it throws, sets no marker, and a later run completes', async () => {
      const p = uniquePrefix('bf-fail');
      try {
        const h = history(ids);
        const approvals = new RedisApprovalStore(redis, p);
        await approvals.open(h.stored.approvals[2] as ApprovalRequest); // approved in Odoo: needs date_approve
        const down = { read: async () => { throw new Error('connect ECONNREFUSED'); } };
        const failing = { ...deps, prefix: p, facts: new RedisFactStore(redis, p), odoo: down, refresh: async () => 0 };
        await expect(runInsightsBackfill(failing)).rejects.toThrow(/could not be recorded/);
        expect(await redis.exists(backfillMarkerKey(p))).toBe(0);
        expect(await runInsightsBackfill({ ...failing, odoo: gateway })).toMatchObject({ skipped: false, approvals: 1 });
        expect(await redis.exists(backfillMarkerKey(p))).toBe(1);
      } finally {
        await deleteKeys(testRedisUrl(), p);
      }
    });
  });
}

describe('control tower backfill, a store bigger than one page', () => {
  it('walks every record, a page at a time', async () => {
    const redis = new Redis(testRedisUrl());
    const p = uniquePrefix('bf-many');
    try {
      const triage = new RedisTriageStore(redis, p);
      const n = 1_050;
      for (let i = 0; i < n; i += 1) await triage.create(proposal(`m${i}`, 'delay', 'openai', { action: i % 3 === 0 ? 'dismiss' : 'confirm', category: 'delay', at: '2026-03-10T10:00:00Z' }));
      let scans = 0;
      const counting = Object.create(redis) as Redis;
      counting.scan = ((...a: Parameters<Redis['scan']>) => ((scans += 1), redis.scan(...a))) as Redis['scan'];
      const noOdoo = { read: async () => { throw new Error('not asked'); } };
      const result = await runInsightsBackfill({ redis: counting, prefix: p, facts: new RedisFactStore(redis, p), clock, odoo: noOdoo, audit: { forOrder: async () => [] }, logger: quiet, refresh: async () => 0, pageSize: 100 });
      expect(result.triage).toBe(n);
      expect(scans).toBeGreaterThan(3 * 2); // several pages of proposals (plus one empty walk each for approvals and exceptions)
      const [dismissed, unchanged] = await Promise.all([redis.zcard(`${p}:insights:tr:dismissed:2026-03-09:delay:openai`), redis.zcard(`${p}:insights:tr:unchanged:2026-03-09:delay:openai`)]);
      expect(dismissed + unchanged).toBe(n);
      expect(dismissed).toBe(350);
    } finally {
      await deleteKeys(testRedisUrl(), p);
      redis.disconnect();
    }
  }, 60_000);
});
