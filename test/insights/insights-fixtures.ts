import type { ApprovalWeek, InsightsQuery, InsightsReader, InsightsSnapshot, PersonalNumbers, SupplierScorecard, SupplierWeek } from '../../src/insights/insight-types.ts';

/** Three weeks of measures, written by hand, as the charts and pages read them. */
export const WEEKS = ['2026-11-09', '2026-11-16', '2026-11-23'];

export function supplierWeek(week: string, v: Partial<SupplierWeek> = {}): SupplierWeek {
  return {
    week, ordersSent: 4, ordersConfirmed: 3, confirmLatency: { count: 3, p50Hours: 30, p90Hours: 60 }, neverConfirmed: 1,
    receiptsDone: 4, onTimeInFull: 3, otifRate: 0.75, averageSlipDays: 1.5, etaChanges: 2, etaChangesPerOrder: 0.5,
    bills: 2, billMismatches: 1, billMismatchRate: 0.5, ...v,
  };
}

export const ACME: SupplierScorecard = {
  vendor: { id: 7, name: 'Acme Industrial' },
  weeks: [supplierWeek(WEEKS[0]!, { otifRate: 0.5, onTimeInFull: 2 }), supplierWeek(WEEKS[2]!, { otifRate: 1, onTimeInFull: 4, averageSlipDays: 0 })],
  total: supplierWeek(WEEKS[0]!, { ordersSent: 12, receiptsDone: 8, onTimeInFull: 6, otifRate: 0.75 }),
};

/** A vendor whose name would break HTML and Block Kit if it were not escaped. */
export const TRICKY: SupplierScorecard = {
  vendor: { id: 9, name: '<b>Bolt & "Nut"</b>' },
  weeks: [supplierWeek(WEEKS[1]!, { receiptsDone: 0, onTimeInFull: 0, otifRate: null, averageSlipDays: null })],
  total: supplierWeek(WEEKS[1]!, { receiptsDone: 0, onTimeInFull: 0, otifRate: null, averageSlipDays: null }),
};

function approvals(week: string, p50: number | null, p90: number | null, count: number): ApprovalWeek {
  return { week, group: null, cycle: { count, p50Hours: p50, p90Hours: p90 }, perLevel: [], decidedInChat: count, decidedInOdoo: 0, reminders: 0, escalations: 0 };
}

export function snapshotFixture(overrides: Partial<InsightsSnapshot> = {}): InsightsSnapshot {
  return {
    computedAt: '2026-11-30T08:00:00.000Z', from: '2026-11-09T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', timeZone: 'America/Chicago',
    weeks: WEEKS,
    approvals: [
      approvals(WEEKS[0]!, 10, 30, 8),
      // A week nobody decided anything: a gap in the chart, not zero.
      approvals(WEEKS[1]!, null, null, 0),
      approvals(WEEKS[2]!, 6, 20.5, 12),
      // A per-buyer row must not be mixed into the all-approvals line.
      { ...approvals(WEEKS[2]!, 99, 99, 1), group: { dimension: 'buyer', id: 3, label: 'Avery' } },
    ],
    exceptions: [
      { week: WEEKS[1]!, type: 'late_receipt', warehouse: { id: 1, label: 'Joliet DC' }, opened: 5, acknowledged: 4, cleared: 3, toAcknowledge: { count: 4, p50Hours: 2, p90Hours: 5 }, toClear: { count: 3, p50Hours: 10, p90Hours: 20 } },
      { week: WEEKS[1]!, type: 'bill_mismatch', warehouse: null, opened: 1, acknowledged: 1, cleared: 1, toAcknowledge: { count: 1, p50Hours: 1, p90Hours: 1 }, toClear: { count: 1, p50Hours: 30, p90Hours: 30 } },
      { week: WEEKS[2]!, type: 'late_receipt', warehouse: { id: 1, label: 'Joliet DC' }, opened: 2, acknowledged: 2, cleared: 4, toAcknowledge: { count: 2, p50Hours: 1, p90Hours: 2 }, toClear: { count: 4, p50Hours: 8, p90Hours: 16 } },
    ],
    openExceptions: [
      { type: 'late_receipt', warehouse: { id: 1, label: 'Joliet DC' }, bucket: '<1d', count: 2 },
      { type: 'late_receipt', warehouse: { id: 1, label: 'Joliet DC' }, bucket: '>7d', count: 1 },
      { type: 'unconfirmed_po', warehouse: null, bucket: '1-3d', count: 3 },
    ],
    suppliers: [ACME, TRICKY],
    triage: [
      { week: WEEKS[2]!, category: 'delivery_date', reader: 'offline', confirmedUnchanged: 6, changed: 1, dismissed: 1 },
      { week: WEEKS[2]!, category: 'price', reader: 'openai', confirmedUnchanged: 2, changed: 0, dismissed: 0 },
      { week: WEEKS[1]!, category: 'price', reader: 'openai', confirmedUnchanged: 1, changed: 1, dismissed: 0 },
    ],
    ...overrides,
  };
}

/** An InsightsReader over fixed measures (the real one is adapters/insights), recording its queries. */
export class FixedInsightsReader implements InsightsReader {
  readonly queries: InsightsQuery[] = [];
  constructor(
    private readonly data: InsightsSnapshot = snapshotFixture(),
    private readonly people: Record<number, PersonalNumbers> = {},
  ) {}

  snapshot(query: InsightsQuery): Promise<InsightsSnapshot> {
    this.queries.push(query);
    return Promise.resolve({ ...this.data, from: query.from.toISOString(), to: query.to.toISOString() });
  }

  vendorScorecard(vendorId: number, query: InsightsQuery): Promise<SupplierScorecard | null> {
    this.queries.push(query);
    return Promise.resolve(this.data.suppliers.find((s) => s.vendor.id === vendorId) ?? null);
  }

  personal(odooUserId: number): Promise<PersonalNumbers> {
    const found = this.people[odooUserId];
    return found ? Promise.resolve(found) : Promise.reject(new Error(`no numbers for user ${odooUserId}`));
  }
}
