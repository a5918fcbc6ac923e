import type { Express } from 'express';
import type { Metrics } from '../metrics.ts';
import { runChecks, type ReadinessCheck } from '../readiness.ts';

export interface HealthDeps {
  checks: ReadinessCheck[];
  metrics: Metrics;
  checkTimeoutMs?: number;
}

/** /healthz: the process is up. /readyz: every dependency answers. /metrics: Prometheus text. */
export function registerHealthRoutes(app: Express, deps: HealthDeps): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/readyz', async (_req, res) => {
    const results = await runChecks(deps.checks, deps.checkTimeoutMs ?? 3_000);
    const ready = results.every((r) => r.ok);
    const warnings = results.flatMap((r) => r.warnings ?? []);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])), warnings });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
