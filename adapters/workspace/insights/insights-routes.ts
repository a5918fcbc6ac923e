import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { approvalCycleChart } from '../../../src/insights/charts/approval-cycle-chart.ts';
import { chartQuery, periodEndingToday, type ChartKind, type ChartRequest } from '../../../src/insights/charts/chart-request.ts';
import { exceptionResolutionChart, openExceptionsChart } from '../../../src/insights/charts/exception-charts.ts';
import { supplierTrendChart } from '../../../src/insights/charts/supplier-trend-chart.ts';
import { triageOutcomesChart } from '../../../src/insights/charts/triage-outcomes-chart.ts';
import { headlineOf } from '../../../src/insights/headline-numbers.ts';
import type { InsightsReader, InsightsSnapshot } from '../../../src/insights/insight-types.ts';
import { PAGE_CHART_TTL_MS, type ChartLinks } from '../../charts/chart-links.ts';
import { renderInsightsPage, renderVendorPage, type PageChart } from './render-insights-page.ts';

export const DEFAULT_PAGE_WEEKS = 12;
const weeksSchema = z.coerce.number().int().min(1).max(104).default(DEFAULT_PAGE_WEEKS);
const vendorIdSchema = z.coerce.number().int().positive().max(2 ** 31 - 1);

export interface InsightsPageDeps {
  reader: InsightsReader;
  links: ChartLinks;
  logger: Logger;
  now: () => Date;
}

const PAGE_CHARTS: Array<{ kind: Exclude<ChartKind, 'supplier-trend'>; build: (s: InsightsSnapshot) => PageChart['option'] }> = [
  { kind: 'approval-cycle', build: approvalCycleChart },
  { kind: 'exception-resolution', build: exceptionResolutionChart },
  { kind: 'open-exceptions', build: openExceptionsChart },
  { kind: 'triage-outcomes', build: triageOutcomesChart },
];

/** GET /workspace/insights (?weeks=1..104) and GET /workspace/insights/vendors/:id. */
export function insightsRoutes(deps: InsightsPageDeps): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    const weeks = weeksSchema.safeParse(req.query.weeks ?? undefined);
    if (!weeks.success) return void res.status(400).type('text').send('weeks must be a whole number from 1 to 104');
    void (async () => {
      const period = periodEndingToday(deps.now(), weeks.data);
      const snapshot = await deps.reader.snapshot(chartQuery(period));
      const charts = PAGE_CHARTS.map(({ kind, build }) => ({ id: kind, option: build(snapshot), pngUrl: deps.links.url({ kind, ...period }, 'png', PAGE_CHART_TTL_MS) }));
      res.type('html').set('cache-control', 'no-store').send(renderInsightsPage(snapshot, headlineOf(snapshot), charts, weeks.data));
    })().catch((err: unknown) => failed(res, err, deps.logger));
  });
  router.get('/vendors/:id', (req, res) => {
    const weeks = weeksSchema.safeParse(req.query.weeks ?? undefined);
    const id = vendorIdSchema.safeParse(req.params.id);
    if (!weeks.success || !id.success) return void res.status(400).type('text').send('a vendor id (a positive whole number) and weeks from 1 to 104');
    void (async () => {
      const period = periodEndingToday(deps.now(), weeks.data);
      const query = chartQuery(period);
      const [card, snapshot] = await Promise.all([deps.reader.vendorScorecard(id.data, query), deps.reader.snapshot(query)]);
      if (!card) return void res.status(404).type('text').send(`no vendor with id ${id.data} has a scorecard`);
      const request: ChartRequest = { kind: 'supplier-trend', ...period, vendorId: id.data };
      const chart = { id: 'supplier-trend', option: supplierTrendChart(card, snapshot.weeks), pngUrl: deps.links.url(request, 'png', PAGE_CHART_TTL_MS) };
      res.type('html').set('cache-control', 'no-store').send(renderVendorPage(card, chart, weeks.data));
    })().catch((err: unknown) => failed(res, err, deps.logger));
  });
  return router;
}

function failed(res: express.Response, err: unknown, logger: Logger): void {
  logger.error({ err: err instanceof Error ? err.message : String(err) }, 'insights page failed');
  res.status(503).type('text').send('the measures cannot be read right now (Odoo or Redis did not answer); see the log');
}
