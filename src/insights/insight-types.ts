/**
 * The control tower's measures, as the charts, pages and digest read them. Computed from Odoo
 * (aggregated in Odoo with read_group / formatted_read_group) and the bot's own records in Redis,
 * cached and refreshed by the scan queue. Durations are in hours (business hours where a field
 * says so), weeks are keyed by the ISO date of their Monday in the policy's time zone.
 */

/** The dimensions every measure can be cut by. */
export type InsightDimension = 'company' | 'warehouse' | 'buyer' | 'vendor' | 'rule';

export interface InsightsQuery {
  /** Inclusive start and exclusive end of the period (UTC instants). */
  from: Date;
  to: Date;
  /** Narrow every measure to one value of a dimension (an Odoo id, or the rule's name). */
  filter?: Partial<Record<InsightDimension, number | string>>;
  /** Also give approval rows per value of these dimensions (each week); none when left out. */
  breakdown?: InsightDimension[];
  /** How many vendors the snapshot's scorecards cover (most orders first). @defaultValue 10 */
  topVendors?: number;
}

export interface DurationStats {
  count: number;
  p50Hours: number | null;
  p90Hours: number | null;
}

/** One week of approvals, optionally for one value of a dimension. */
export interface ApprovalWeek {
  week: string;
  /** The dimension value this row is for; null for all. */
  group: { dimension: InsightDimension; id: number | string; label: string } | null;
  /** Submitted → decided. */
  cycle: DurationStats;
  /** Per approval level of a chain (level 1 first); a skipped level has count 0. */
  perLevel: Array<{ level: number } & DurationStats>;
  decidedInChat: number;
  decidedInOdoo: number;
  reminders: number;
  escalations: number;
}

export type ExceptionTypeName = string;

export interface ExceptionWeek {
  week: string;
  type: ExceptionTypeName;
  warehouse: { id: number; label: string } | null;
  opened: number;
  acknowledged: number;
  cleared: number;
  /** Opened → acknowledged, opened → cleared. */
  toAcknowledge: DurationStats;
  toClear: DurationStats;
}

export type AgeBucket = '<1d' | '1-3d' | '3-7d' | '>7d';

export interface OpenExceptionsByAge {
  type: ExceptionTypeName;
  warehouse: { id: number; label: string } | null;
  bucket: AgeBucket;
  count: number;
}

export interface SupplierWeek {
  week: string;
  ordersSent: number;
  ordersConfirmed: number;
  /** PO sent → vendor confirmed; orders never confirmed are counted in `neverConfirmed`, not here. */
  confirmLatency: DurationStats;
  neverConfirmed: number;
  receiptsDone: number;
  /** Receipts done on or before their scheduled date with every line in full. */
  onTimeInFull: number;
  /** onTimeInFull / receiptsDone, null when nothing was received. */
  otifRate: number | null;
  /** Mean of (done − scheduled) in days over receipts done, late ones positive, early ones 0. */
  averageSlipDays: number | null;
  etaChanges: number;
  etaChangesPerOrder: number | null;
  bills: number;
  billMismatches: number;
  billMismatchRate: number | null;
}

export interface SupplierScorecard {
  vendor: { id: number; name: string };
  weeks: SupplierWeek[];
  /** The whole period in one row (week = the period's first Monday). */
  total: SupplierWeek;
}

export interface TriageWeek {
  week: string;
  category: string;
  /** The reader that proposed it: 'openai', 'offline', … */
  reader: string;
  confirmedUnchanged: number;
  changed: number;
  dismissed: number;
}

export interface InsightsSnapshot {
  computedAt: string;
  from: string;
  to: string;
  timeZone: string;
  /** Weeks of the period, oldest first, the x axis of every trend. */
  weeks: string[];
  approvals: ApprovalWeek[];
  exceptions: ExceptionWeek[];
  openExceptions: OpenExceptionsByAge[];
  /** The vendors with the most orders in the period, best known first. */
  suppliers: SupplierScorecard[];
  triage: TriageWeek[];
}

/** What one person sees of their own work (App Home, Teams personal tab). */
export interface PersonalNumbers {
  pendingApprovals: number;
  /** Over the last 90 days of their own decisions. */
  medianDecisionHours: number | null;
  decisionsLast30Days: number;
  openExceptionsOnMyOrders: number;
}

/** Where the features read the measures; implemented in adapters/insights/. */
export interface InsightsReader {
  snapshot(query: InsightsQuery): Promise<InsightsSnapshot>;
  vendorScorecard(vendorId: number, query: InsightsQuery): Promise<SupplierScorecard | null>;
  personal(odooUserId: number, now: Date): Promise<PersonalNumbers>;
}
