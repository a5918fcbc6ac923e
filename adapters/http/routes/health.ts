import type { Express } from 'express';
import { Gauge } from 'prom-client';
import type { Metrics } from '../metrics.ts';
import { runChecks, type ReadinessCheck } from '../readiness.ts';

export interface HealthDeps {
  checks: ReadinessCheck[];
  metrics: Metrics;
  checkTimeoutMs?: number;
}

/**
 * /healthz: the process is alive (a liveness probe; no dependency is asked). /readyz: the process
 * can take work, which needs Redis only; Odoo's health is in the body (and in /metrics as
 * `chatops_dependency_up`), but a slow or absent Odoo does not take the web tier out: clicks are
 * still acked and queued, and the write-back retries until Odoo answers.
 */
export function registerHealthRoutes(app: Express, deps: HealthDeps): void {
  const timeoutMs = deps.checkTimeoutMs ?? 3_000;
  new Gauge({
    name: 'chatops_dependency_up',
    help: 'Whether a dependency answered its health check at scrape time (1) or not (0); required=false ones do not affect /readyz',
    labelNames: ['dependency', 'required'] as const,
    registers: [deps.metrics.registry],
    async collect() {
      for (const r of await runChecks(deps.checks, timeoutMs)) this.set({ dependency: r.name, required: String(r.required) }, r.ok ? 1 : 0);
    },
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/readyz', async (_req, res) => {
    const results = await runChecks(deps.checks, timeoutMs);
    const ready = results.every((r) => r.ok || !r.required);
    const degraded = results.filter((r) => !r.ok && !r.required).map((r) => `${r.name} is not answering (${r.detail ?? 'no detail'}); work that needs it waits in the queue and is retried`);
    const warnings = [...results.flatMap((r) => r.warnings ?? []), ...degraded];
    res.status(ready ? 200 : 503).json({
      status: ready ? (degraded.length ? 'ready, degraded' : 'ready') : 'not ready',
      checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])),
      warnings,
    });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
