import { describe, expect, it } from 'vitest';
import { approvalCycleChart } from '../../src/insights/charts/approval-cycle-chart.ts';
import { chartRequestSchema } from '../../src/insights/charts/chart-request.ts';
import { exceptionResolutionChart, openExceptionsChart, typeWords } from '../../src/insights/charts/exception-charts.ts';
import { supplierTrendChart } from '../../src/insights/charts/supplier-trend-chart.ts';
import { triageOutcomesChart } from '../../src/insights/charts/triage-outcomes-chart.ts';
import { headlineOf } from '../../src/insights/headline-numbers.ts';
import { renderChartPng, renderChartSvg } from '../../adapters/charts/render-chart.ts';
import { ACME, TRICKY, WEEKS, snapshotFixture } from './insights-fixtures.ts';

const snapshot = snapshotFixture();

describe('chart options (pure core)', () => {
  it('approval cycle: p50 and p90 of every approval per week, a gap for a week without decisions, per-buyer rows left out', () => {
    const o = approvalCycleChart(snapshot);
    expect(o.series.map((s) => s.name)).toEqual(['Median (p50)', '90th percentile (p90)']);
    expect(o.series[0]!.data).toEqual([10, null, 6]);
    expect(o.series[1]!.data).toEqual([30, null, 20.5]);
    expect(o.xAxis.data).toEqual(['Nov 9', 'Nov 16', 'Nov 23']);
    expect(o.xAxis.name).toBe('Week of');
    expect(o.yAxis.map((a) => a.name)).toEqual(['Hours']);
    expect(o.legend.data).toEqual(['Median (p50)', '90th percentile (p90)']);
    expect(o.animation).toBe(false);
  });

  it('exception resolution: opened and cleared summed over types, the median to clear weighted by count', () => {
    const o = exceptionResolutionChart(snapshot);
    expect(o.series.map((s) => s.data)).toEqual([
      [0, 6, 2],
      [0, 4, 4],
      // (10 h × 3 + 30 h × 1) / 4 = 15 h; 8 h alone.
      [null, 15, 8],
    ]);
    expect(o.series[2]!.yAxisIndex).toBe(1);
    expect(o.yAxis.map((a) => a.name)).toEqual(['Exceptions', 'Hours to clear (median)']);
  });

  it('open exceptions by age: one stacked series per type over the four age buckets', () => {
    const o = openExceptionsChart(snapshot);
    expect(o.series.map((s) => s.name)).toEqual(['Late receipt', 'Unconfirmed PO']);
    expect(typeWords('bill-without-po')).toBe('Bill without PO');
    expect(typeWords('rfq-unanswered')).toBe('RFQ unanswered');
    expect(o.series[0]!.data).toEqual([2, 0, 0, 1]);
    expect(o.series[1]!.data).toEqual([0, 3, 0, 0]);
    expect(o.title.subtext).toBe('6 open now');
  });

  it('supplier trend: OTIF in percent, slip and confirmation latency in days, gaps where the vendor had no week', () => {
    const o = supplierTrendChart(ACME, WEEKS);
    expect(o.series.map((s) => s.data)).toEqual([
      [50, null, 100],
      [1.5, null, 0],
      [1.3, null, 1.3],
    ]);
    expect(o.title.text).toBe('Supplier scorecard: Acme Industrial');
    expect(o.yAxis.map((a) => a.name)).toEqual(['On time in full (%)', 'Days']);
    // No receipts in a week: no rate (not 0 %).
    expect(supplierTrendChart(TRICKY, WEEKS).series[0]!.data).toEqual([null, null, null]);
  });

  it('triage outcomes: three stacked series summed over categories and readers', () => {
    const o = triageOutcomesChart(snapshot);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['Confirmed unchanged', [0, 1, 8]],
      ['Changed', [0, 1, 1]],
      ['Dismissed', [0, 0, 1]],
    ]);
  });

  it('headline: the last complete week against the one before', () => {
    const h = headlineOf(snapshot);
    expect(h.current).toMatchObject({ week: WEEKS[2], approvalP50Hours: 6, approvalsDecided: 12, exceptionsOpened: 2, exceptionsCleared: 4, triageProposals: 10, triageUnchangedRate: 0.8, otifRate: 1 });
    expect(h.previous).toMatchObject({ week: WEEKS[1], approvalP50Hours: null, approvalsDecided: 0, exceptionsOpened: 6, otifRate: null });
    expect(h.openExceptions).toBe(6);
    expect(h.openOverAWeek).toBe(1);
    // A period ending mid-week: that week is partial, the week before is the headline.
    const mid = headlineOf({ ...snapshot, to: '2026-11-26T00:00:00.000Z' });
    expect(mid.current.week).toBe(WEEKS[1]);
  });

  it('a chart with nothing to plot says so over the plot and keeps a labelled scale; one with data does not', () => {
    const empty = approvalCycleChart({ ...snapshotFixture(), approvals: [] });
    expect(empty.graphic?.[0]?.style.text).toBe('Nothing recorded in these weeks yet');
    expect(empty.yAxis[0]).toMatchObject({ name: 'Hours', min: 0, max: 10 });
    const full = approvalCycleChart(snapshotFixture());
    expect(full.graphic).toBeUndefined();
    expect(full.yAxis[0]!.max).toBeUndefined();
    expect(renderChartSvg(empty)).toContain('Nothing recorded in these weeks yet');
  });

  it('a chart request names one known chart, and a vendor only for the supplier trend', () => {
    const to = '2026-11-30T00:00:00.000Z';
    expect(chartRequestSchema.safeParse({ kind: 'approval-cycle', weeks: 12, to }).success).toBe(true);
    expect(chartRequestSchema.safeParse({ kind: 'supplier-trend', weeks: 12, to, vendorId: 7 }).success).toBe(true);
    expect(chartRequestSchema.safeParse({ kind: 'supplier-trend', weeks: 12, to }).success).toBe(false);
    expect(chartRequestSchema.safeParse({ kind: 'approval-cycle', weeks: 12, to, vendorId: 7 }).success).toBe(false);
    expect(chartRequestSchema.safeParse({ kind: 'everything', weeks: 12, to }).success).toBe(false);
    expect(chartRequestSchema.safeParse({ kind: 'approval-cycle', weeks: 500, to }).success).toBe(false);
    expect(chartRequestSchema.safeParse({ kind: 'approval-cycle', weeks: 12, to, extra: 1 }).success).toBe(false);
  });
});

describe('rendering on the server (ECharts SSR, resvg)', () => {
  it('draws an SVG with the title, both axis names, the legend and one path per line series', () => {
    const svg = renderChartSvg(approvalCycleChart(snapshot));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Approval cycle time', 'Week of', 'Hours', 'Median (p50)', '90th percentile (p90)', 'Nov 16']) expect(svg).toContain(text);
  });

  it('escapes a vendor name in the SVG', () => {
    const svg = renderChartSvg(supplierTrendChart(TRICKY, WEEKS));
    expect(svg).not.toContain('<b>Bolt');
    expect(svg).toMatch(/&lt;b&gt;Bolt &amp; (&quot;|")Nut/);
  });

  it('turns the chart into a PNG at twice the size', () => {
    const png = renderChartPng(triageOutcomesChart(snapshot), { width: 400, height: 200 });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR width and height, big-endian, at bytes 16..24.
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(400);
  });
});
