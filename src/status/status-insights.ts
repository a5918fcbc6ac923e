import type { InsightsReader, PersonalNumbers, SupplierWeek } from '../insights/insight-types.ts';

/**
 * The control tower as the status answers use it: a person's own numbers on their home tab, a
 * vendor's scorecard with `/po vendor Acme`. Optional: without it those answers are as before.
 */
export interface StatusInsights {
  reader: Pick<InsightsReader, 'personal' | 'vendorScorecard'>;
  /** How many weeks a scorecard covers (up to today). */
  weeks: number;
  /** The measures' period of `weeks` weeks up to now (the same the chart is signed for). */
  period(now: Date): { from: Date; to: Date };
  /** A signed, expiring PNG URL of the vendor's trend chart over the same period. */
  vendorChartUrl(vendorId: number, now: Date): string;
}

/** A vendor's scorecard at the top of `/po vendor Acme`. */
export interface VendorScorecardView {
  vendorId: number;
  vendorName: string;
  weeks: number;
  total: SupplierWeek;
  chartUrl: string;
}

export type { PersonalNumbers };
