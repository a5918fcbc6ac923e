/**
 * A chart as plain data: the subset of ECharts' option object the control tower's charts use.
 * The core builds these; adapters/charts renders them (ECharts server-side, SVG; resvg for PNG),
 * so nothing here imports the chart library.
 */
export interface ChartAxis {
  type: 'category' | 'value';
  /** Every axis is labelled: what it counts and in which unit. */
  name: string;
  nameLocation?: 'middle' | 'end';
  nameGap?: number;
  data?: string[];
  min?: number;
  max?: number;
  position?: 'left' | 'right';
  /** 1 on axes that count things: no 0.2 of an exception between gridlines. */
  minInterval?: number;
  nameTextStyle?: { fontSize: number; color: string };
  axisLabel?: { formatter?: string };
}

export interface ChartSeries {
  name: string;
  type: 'line' | 'bar';
  data: Array<number | null>;
  yAxisIndex?: number;
  stack?: string;
  connectNulls?: boolean;
  smooth?: boolean;
}

export interface ChartOption {
  title: { text: string; subtext?: string; left?: string };
  legend: { top: number; data: string[] };
  tooltip?: { trigger: 'axis' };
  grid: { left: number; right: number; top: number; bottom: number; containLabel: boolean };
  xAxis: ChartAxis;
  yAxis: ChartAxis[];
  series: ChartSeries[];
  color: string[];
  backgroundColor: string;
  textStyle: { fontFamily: string };
  /** Server-side rendering: animation would leave a timer running in the process. */
  animation: false;
  /** A note drawn over the plot (a chart with nothing to show says so). */
  graphic?: Array<{ type: 'text'; left: string; top: string; style: { text: string; fontSize: number; fill: string } }>;
}

/**
 * Colours that stay apart for people with the common colour-vision deficiencies (Okabe–Ito), then
 * two greys and a brown: open exceptions by age stacks up to eleven types (one colour each).
 */
export const CHART_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#5C5C5C', '#8C510A'];

/** The shape every chart starts from: a title, a legend of its series, labelled axes. */
export function chartOption(title: string, subtitle: string | undefined, xAxis: ChartAxis, yAxis: ChartAxis[], series: ChartSeries[]): ChartOption {
  // Nothing to plot (a new deployment, a quiet vendor): say so over the plot, and give the value
  // axes a scale, so they keep their labels and their names stay clear of the left edge.
  const empty = series.every((s) => s.data.every((v) => v === null));
  return {
    ...(empty ? { graphic: [{ type: 'text' as const, left: 'center', top: 'middle', style: { text: 'Nothing recorded in these weeks yet', fontSize: 14, fill: '#666666' } }] } : {}),
    title: { text: title, ...(subtitle ? { subtext: subtitle } : {}), left: 'center' },
    legend: { top: subtitle ? 58 : 36, data: series.map((s) => s.name) },
    tooltip: { trigger: 'axis' },
    // containLabel leaves the axis names out: room for a rotated name beside each value axis.
    grid: { left: 52, right: yAxis.length > 1 ? 56 : 28, top: subtitle ? 110 : 86, bottom: 40, containLabel: true },
    xAxis: { nameLocation: 'middle', nameGap: 30, nameTextStyle: AXIS_NAME, ...xAxis },
    yAxis: yAxis.map((a) => ({ nameLocation: 'middle', nameGap: 44, nameTextStyle: AXIS_NAME, ...a, ...(empty ? { min: 0, max: a.max ?? 10 } : {}) })),
    series,
    color: CHART_COLOURS,
    backgroundColor: '#ffffff',
    // ECharts measures text without a canvas by Arial's widths: a font with Arial's metrics
    // (Liberation Sans on Linux, Arial elsewhere) keeps legends and labels from overlapping.
    textStyle: { fontFamily: 'Liberation Sans, Arial, Helvetica, sans-serif' },
    animation: false,
  };
}

const AXIS_NAME = { fontSize: 12, color: '#333333' };

/** A week key (ISO date of its Monday) as the axis shows it: `Nov 30`. */
export function weekLabel(week: string): string {
  const [y, m, d] = week.split('-').map(Number);
  if (!y || !m || !d) return week;
  return `${MONTHS[m - 1] ?? '?'} ${d}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Hours with one decimal (charts need no more), null stays a gap. */
export function round1(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}
