import type { ChartRequest } from '../../src/insights/charts/chart-request.ts';
import type { ChartFormat, ChartSigner } from './chart-signature.ts';

export const CHARTS_PATH = '/charts';

/** How long a chart URL works: long enough for a message read days later, short enough to lapse. */
export const MESSAGE_CHART_TTL_MS = 8 * 24 * 3600 * 1000;
/** A page's charts are fetched at once by the browser that asked for the page. */
export const PAGE_CHART_TTL_MS = 3600 * 1000;

export interface ChartLinks {
  /** The signed, expiring URL of a chart under PUBLIC_URL (or the page's own origin). */
  url(request: ChartRequest, format: ChartFormat, ttlMs?: number): string;
}

export function chartLinks(options: { signer: ChartSigner; baseUrl: string; now: () => Date }): ChartLinks {
  return {
    url: (request, format, ttlMs = MESSAGE_CHART_TTL_MS) => `${options.baseUrl.replace(/\/+$/, '')}${CHARTS_PATH}/${options.signer.sign(request, format, new Date(options.now().getTime() + ttlMs))}`,
  };
}
