import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, finishHttpApp, listen } from '../../adapters/http/create-http-app.ts';
import { createMetrics } from '../../adapters/http/metrics.ts';
import type { ReadinessCheck } from '../../adapters/http/readiness.ts';
import { registerHealthRoutes } from '../../adapters/http/routes/health.ts';

// What each dependency answers in the current test: the probes read it at request time.
const state = { redis: true, odoo: true, odooDelayMs: 0 };
const checks: ReadinessCheck[] = [
  { name: 'redis', run: async () => (state.redis ? { ok: true } : { ok: false, detail: 'connection refused' }) },
  {
    name: 'odoo',
    required: false,
    run: async () => {
      await new Promise((r) => setTimeout(r, state.odooDelayMs));
      return state.odoo ? { ok: true, detail: 'Odoo 18.0' } : { ok: false, detail: 'Odoo refused the connection' };
    },
  },
];

let server: Server;
let base: string;
beforeAll(async () => {
  const logger = pino({ level: 'silent' });
  const app = createHttpApp(logger);
  registerHealthRoutes(app, { checks, metrics: createMetrics(), checkTimeoutMs: 300 });
  finishHttpApp(app, logger);
  server = await listen(app, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const readyz = async () => {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, { ok: boolean; required: boolean; detail?: string }>; warnings: string[] } };
};

describe('liveness and readiness', () => {
  it('is ready when everything answers', async () => {
    Object.assign(state, { redis: true, odoo: true, odooDelayMs: 0 });
    const r = await readyz();
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ready');
    expect(r.body.warnings).toEqual([]);
  });

  it('stays ready while Odoo is slow past the check timeout, and says so', async () => {
    Object.assign(state, { redis: true, odoo: true, odooDelayMs: 600 });
    const r = await readyz();
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ready, degraded');
    expect(r.body.checks.odoo).toMatchObject({ ok: false, required: false, detail: 'no answer within 300 ms' });
    expect(r.body.warnings[0]).toContain('odoo is not answering (no answer within 300 ms)');
  });

  it('is not ready without Redis, but still alive', async () => {
    Object.assign(state, { redis: false, odoo: true, odooDelayMs: 0 });
    const r = await readyz();
    expect(r.status).toBe(503);
    expect(r.body.status).toBe('not ready');
    expect(r.body.checks.redis).toMatchObject({ ok: false, required: true, detail: 'connection refused' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('exports each dependency as a gauge', async () => {
    Object.assign(state, { redis: true, odoo: false, odooDelayMs: 0 });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('chatops_dependency_up{dependency="redis",required="true"} 1');
    expect(text).toContain('chatops_dependency_up{dependency="odoo",required="false"} 0');
  });
});
