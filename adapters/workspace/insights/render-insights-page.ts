import type { ChartOption } from '../../../src/insights/charts/chart-option.ts';
import { hoursWords, percentWords, type Headline } from '../../../src/insights/headline-numbers.ts';
import type { InsightsSnapshot, SupplierScorecard, SupplierWeek } from '../../../src/insights/insight-types.ts';
import { renderChartSvg } from '../../charts/render-chart.ts';
import { html, raw } from '../ops/render-ops-page.ts';

/** A chart on a page: drawn inline as SVG, with its signed PNG for sharing (chat, e-mail). */
export interface PageChart {
  id: string;
  option: ChartOption;
  pngUrl: string;
}

const head = (title: string) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · local workspace</title><link rel="stylesheet" href="/workspace/static/workspace.css"></head>`;

function figure(chart: PageChart): string {
  return html`<figure class="chart" id="chart-${chart.id}" data-chart="${chart.id}" data-series="${chart.option.series.length}" data-series-names="${JSON.stringify(chart.option.series.map((x) => x.name))}">${raw(renderChartSvg(chart.option))}
<figcaption>${chart.option.title.text} · <a href="${chart.pngUrl}">PNG (signed link, expires)</a></figcaption></figure>`;
}

function tile(label: string, value: string, previous: string | null): string {
  return html`<div class="tile"><div class="tile-label">${label}</div><div class="tile-value">${value}</div>${previous === null ? '' : raw(html`<div class="tile-prev muted">week before: ${previous}</div>`)}</div>`;
}

/** The control tower for the demo: headline numbers, the trends as charts, the suppliers ranked. */
export function renderInsightsPage(snapshot: InsightsSnapshot, headline: Headline, charts: PageChart[], weeks: number): string {
  const { current: c, previous: p } = headline;
  const supplierRows = snapshot.suppliers.map((s) => supplierRow(s));
  return html`${raw(head('Insights'))}
<body class="ops insights"><header><h1>Insights</h1><nav><a href="/workspace">← Workspace</a> · <a href="/workspace/ops">Operations</a> · <a href="/workspace/insights?weeks=${weeks}">Refresh</a></nav>
<p class="muted">${weeks} weeks up to ${snapshot.to.slice(0, 10)} (${snapshot.timeZone}), measures computed ${snapshot.computedAt.slice(0, 16).replace('T', ' ')} UTC. Headline: week of ${c.week ?? '–'}.</p></header>
<section class="tiles" aria-label="Headline numbers">
${raw(tile('Approval cycle, median', hoursWords(c.approvalP50Hours), hoursWords(p.approvalP50Hours)))}
${raw(tile('Approval cycle, p90', hoursWords(c.approvalP90Hours), hoursWords(p.approvalP90Hours)))}
${raw(tile('Approvals decided', String(c.approvalsDecided), String(p.approvalsDecided)))}
${raw(tile('Exceptions opened / cleared', `${c.exceptionsOpened} / ${c.exceptionsCleared}`, `${p.exceptionsOpened} / ${p.exceptionsCleared}`))}
${raw(tile('Open exceptions (over a week)', `${headline.openExceptions} (${headline.openOverAWeek})`, null))}
${raw(tile('Suppliers on time in full', percentWords(c.otifRate), percentWords(p.otifRate)))}
${raw(tile('Triage confirmed unchanged', percentWords(c.triageUnchangedRate), percentWords(p.triageUnchangedRate)))}
</section>
<section class="charts" aria-label="Charts">${raw(charts.map(figure).join('\n'))}</section>
<h2>Suppliers</h2>
<table><thead><tr><th>Vendor</th><th class="num">Orders sent</th><th class="num">On time in full</th><th class="num">Average slip</th><th class="num">Confirmation (median)</th><th class="num">Never confirmed</th><th class="num">ETA changes / PO</th><th class="num">Bill mismatches</th></tr></thead>
<tbody>${supplierRows.length ? raw(supplierRows.join('')) : raw('<tr><td colspan="8">No supplier had orders in the period.</td></tr>')}</tbody></table>
</body></html>`;
}

function supplierRow(s: SupplierScorecard): string {
  const t = s.total;
  return html`<tr><td><a href="/workspace/insights/vendors/${s.vendor.id}">${s.vendor.name}</a></td>${raw(scoreCells(t))}</tr>`;
}

function scoreCells(t: SupplierWeek): string {
  return html`<td class="num">${t.ordersSent}</td><td class="num">${percentWords(t.otifRate)}</td><td class="num">${t.averageSlipDays === null ? '–' : `${t.averageSlipDays.toFixed(1)} days`}</td><td class="num">${hoursWords(t.confirmLatency.p50Hours)}</td><td class="num">${t.neverConfirmed}</td><td class="num">${t.etaChangesPerOrder === null ? '–' : t.etaChangesPerOrder.toFixed(2)}</td><td class="num">${percentWords(t.billMismatchRate)}</td>`;
}

/** One vendor's scorecard: the period's totals, then the trend chart. */
export function renderVendorPage(card: SupplierScorecard, chart: PageChart, weeks: number): string {
  return html`${raw(head(`Scorecard · ${card.vendor.name}`))}
<body class="ops insights"><header><h1>Supplier scorecard: ${card.vendor.name}</h1><nav><a href="/workspace/insights?weeks=${weeks}">← Insights</a> · <a href="/workspace">Workspace</a></nav>
<p class="muted">The last ${weeks} weeks. In chat: <code>/po vendor ${card.vendor.name}</code>.</p></header>
<table><thead><tr><th class="num">Orders sent</th><th class="num">On time in full</th><th class="num">Average slip</th><th class="num">Confirmation (median)</th><th class="num">Never confirmed</th><th class="num">ETA changes / PO</th><th class="num">Bill mismatches</th></tr></thead>
<tbody><tr>${raw(scoreCells(card.total))}</tr></tbody></table>
<section class="charts" aria-label="Charts">${raw(figure(chart))}</section>
</body></html>`;
}
