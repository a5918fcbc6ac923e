import { z } from 'zod';
import type { InsightsQuery, InsightsReader } from '../insight-types.ts';
import { approvalCycleChart } from './approval-cycle-chart.ts';
import type { ChartOption } from './chart-option.ts';
import { exceptionResolutionChart, openExceptionsChart } from './exception-charts.ts';
import { supplierTrendChart } from './supplier-trend-chart.ts';
import { triageOutcomesChart } from './triage-outcomes-chart.ts';

export const CHART_KINDS = ['approval-cycle', 'exception-resolution', 'open-exceptions', 'supplier-trend', 'triage-outcomes'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** The longest trend a chart shows: two years of weeks. */
export const MAX_CHART_WEEKS = 104;

/**
 * Which chart, over which period: what a signed chart URL carries (and nothing else), so a URL
 * shows exactly the chart it was made for. `to` is the exclusive end of the period (an instant).
 */
export const chartRequestSchema = z
  .object({
    kind: z.enum(CHART_KINDS),
    weeks: z.number().int().min(1).max(MAX_CHART_WEEKS),
    to: z.iso.datetime(),
    vendorId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((r) => (r.kind === 'supplier-trend') === (r.vendorId !== undefined), { message: 'a vendor id goes with the supplier trend, and only with it' });
export type ChartRequest = z.infer<typeof chartRequestSchema>;

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The measures' query a chart request stands for. */
export function chartQuery(request: Pick<ChartRequest, 'weeks' | 'to'>): InsightsQuery {
  const to = new Date(request.to);
  return { from: new Date(to.getTime() - request.weeks * WEEK_MS), to };
}

/**
 * The period a page or message shows: `weeks` weeks up to the start of the next UTC day, so every
 * chart of a day asks the reader the same query (its cache) and signs to the same URL.
 */
export function periodEndingToday(now: Date, weeks: number): Pick<ChartRequest, 'weeks' | 'to'> {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return { weeks, to: next.toISOString() };
}

/** The chart's option from the measures; null when the request's vendor has no scorecard. */
export async function buildChart(request: ChartRequest, reader: InsightsReader): Promise<ChartOption | null> {
  const query = chartQuery(request);
  if (request.kind === 'supplier-trend') {
    const [card, snapshot] = await Promise.all([reader.vendorScorecard(request.vendorId ?? 0, query), reader.snapshot(query)]);
    return card ? supplierTrendChart(card, snapshot.weeks) : null;
  }
  const snapshot = await reader.snapshot(query);
  switch (request.kind) {
    case 'approval-cycle':
      return approvalCycleChart(snapshot);
    case 'exception-resolution':
      return exceptionResolutionChart(snapshot);
    case 'open-exceptions':
      return openExceptionsChart(snapshot);
    case 'triage-outcomes':
      return triageOutcomesChart(snapshot);
  }
}
