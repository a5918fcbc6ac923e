import type { Express, Response } from 'express';
import type { Logger } from 'pino';
import { buildChart } from '../../src/insights/charts/chart-request.ts';
import type { InsightsReader } from '../../src/insights/insight-types.ts';
import { CHARTS_PATH } from './chart-links.ts';
import type { ChartSigner } from './chart-signature.ts';
import { renderChartPng, renderChartSvg } from './render-chart.ts';

export interface ChartRouteDeps {
  signer: ChartSigner;
  reader: InsightsReader;
  logger: Logger;
  now: () => Date;
}

/**
 * GET /charts/<payload>.<signature>.<svg|png>: the chart a signed URL was made for, rendered on
 * request from the (cached) measures. No login. Anything that is not a valid, unexpired signature
 * of this bot, whatever the reason, gets the same 403 and the same few bytes, so a probe learns
 * nothing (not whether a chart exists, nor whether a signature was once valid).
 */
export function registerChartRoutes(app: Express, deps: ChartRouteDeps): void {
  app.get(`${CHARTS_PATH}/:file`, (req, res) => {
    const checked = deps.signer.verify(req.params.file, deps.now());
    if (!checked.ok) {
      deps.logger.debug({ reason: checked.reason }, 'chart URL refused');
      return void forbidden(res);
    }
    void (async () => {
      const option = await buildChart(checked.request, deps.reader);
      // Signed by us, but the vendor is gone (merged, archived): the holder may know that much.
      if (!option) return void res.status(404).set('cache-control', 'no-store').type('text').send('no such chart');
      // Shared caches may keep it (Slack's image proxy does) but never past the URL's expiry.
      const maxAge = Math.max(0, Math.min(3600, Math.floor((checked.expiresAt.getTime() - deps.now().getTime()) / 1000)));
      res.set('cache-control', `private, max-age=${maxAge}`).set('x-content-type-options', 'nosniff');
      if (checked.format === 'svg') res.type('image/svg+xml').set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(renderChartSvg(option));
      else res.type('image/png').send(renderChartPng(option));
    })().catch((err: unknown) => {
      deps.logger.error({ err: err instanceof Error ? err.message : String(err), kind: checked.request.kind }, 'chart could not be rendered');
      res.status(503).set('cache-control', 'no-store').type('text').send('the chart cannot be drawn right now; try again in a minute');
    });
  });
  // A bare /charts or /charts/ lists nothing.
  app.get([CHARTS_PATH, `${CHARTS_PATH}/`], (_req, res) => forbidden(res));
}

function forbidden(res: Response): void {
  res.status(403).set('cache-control', 'no-store').type('text').send('forbidden');
}
