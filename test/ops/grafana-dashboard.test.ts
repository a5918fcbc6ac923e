import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

/**
 * The Grafana dashboard (ops/grafana/procurement-chatops.json) is importable as is (a Prometheus
 * datasource input, no hard-coded datasource) and every metric its PromQL names is one the bot
 * exports: read from a running bot's /metrics (its `# TYPE` lines, histogram series included).
 */
const dashboard = JSON.parse(readFileSync(new URL('../../ops/grafana/procurement-chatops.json', import.meta.url), 'utf8')) as {
  __inputs: Array<{ name: string; type: string; pluginId: string }>;
  panels: Array<{ type: string; title: string; datasource?: { uid: string }; targets?: Array<{ expr: string; datasource?: { uid: string } }> }>;
  templating: { list: Array<{ query: { query: string } | string; datasource?: { uid: string } }> };
  uid: string;
};

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'le', 'inf', 'nan']);

/** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels, durations or strings. */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names: string[] = [];
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = stripped.slice((m.index ?? 0) + m[0].length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(m[0].toLowerCase())) continue;
    names.push(m[0]);
  }
  return names;
}

function exported(metricsText: string): Set<string> {
  const out = new Set<string>();
  for (const [, name, type] of metricsText.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!name) continue;
    out.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) out.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) out.add(name + s);
  }
  return out;
}

describe('the Grafana dashboard', () => {
  let bot: TestBot;
  let names: Set<string>;
  beforeAll(async () => {
    bot = await startTestBot({}, { workers: false });
    names = exported(await (await fetch(`${bot.url}/metrics`)).text());
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
  });

  it('reads metric names out of PromQL', () => {
    expect(metricNames('histogram_quantile(0.95, sum by (le, method) (rate(chatops_odoo_call_duration_seconds_bucket{instance=~"$instance"}[5m])))')).toEqual(['chatops_odoo_call_duration_seconds_bucket']);
    expect(metricNames('topk(10, a_metric) / on (x) b_metric{y="z"}')).toEqual(['a_metric', 'b_metric']);
  });

  it('asks for a Prometheus datasource on import and uses only it', () => {
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' })]);
    expect(dashboard.uid).toBe('procurement-chatops');
    for (const p of dashboard.panels.filter((x) => x.type !== 'row')) {
      expect(p.datasource?.uid, p.title).toBe('${DS_PROMETHEUS}');
      for (const t of p.targets ?? []) expect(t.datasource?.uid, p.title).toBe('${DS_PROMETHEUS}');
    }
  });

  it('covers queues, webhook intake, Odoo call latency and approval aging', () => {
    const all = dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr)));
    for (const needed of ['chatops_queue_jobs', 'chatops_webhook_requests_total', 'chatops_odoo_call_duration_seconds_bucket', 'chatops_approval_level_waiting_business_hours']) {
      expect(all).toContain(needed);
    }
  });

  it('names only metrics the bot exports', () => {
    const exprs = [
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr }))),
      ...dashboard.templating.list.map((v) => ({ where: 'variable', expr: typeof v.query === 'string' ? v.query : v.query.query })),
    ];
    expect(exprs.length).toBeGreaterThan(20);
    const unknown = exprs.flatMap(({ where, expr }) => metricNames(expr.replace(/^label_values\(([^,]+),.*\)$/, '$1')).filter((n) => !names.has(n)).map((n) => `${where}: ${n}`));
    expect(unknown).toEqual([]);
  });
});
