import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartOption } from '../../src/insights/charts/chart-option.ts';

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 720, height: 360 };

/**
 * An option the core built, as an SVG document: ECharts' server-side rendering (no DOM, no
 * browser). Animation is off in the option and the instance is disposed at once, else ECharts
 * keeps a timer that holds the process open.
 */
export function renderChartSvg(option: ChartOption, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false } as unknown as echarts.EChartsOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The same chart as a PNG, for clients that show images but not SVG (Slack image blocks, Teams
 * cards): rendered by resvg at twice the size for sharp text on high-density screens.
 */
export function renderChartPng(option: ChartOption, size: ChartSize = DEFAULT_CHART_SIZE): Buffer {
  const svg = renderChartSvg(option, size);
  return new Resvg(svg, { fitTo: { mode: 'width', value: size.width * 2 }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' } }).render().asPng();
}
