import type { Server } from 'node:http';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartLinks } from '../../adapters/charts/chart-links.ts';
import { registerChartRoutes } from '../../adapters/charts/chart-routes.ts';
import { ChartSigner } from '../../adapters/charts/chart-signature.ts';
import { chartUrlSecret } from '../../adapters/charts/chart-url-secret.ts';
import type { ChartRequest } from '../../src/insights/charts/chart-request.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { FixedInsightsReader } from './insights-fixtures.ts';

const prefix = uniquePrefix('charts');
let redis: Redis;
let server: Server;
let base: string;
let clock = new Date('2026-11-30T12:00:00Z');
let signer: ChartSigner;
const to = '2026-12-01T00:00:00.000Z';
const cycle: ChartRequest = { kind: 'approval-cycle', weeks: 3, to };

beforeAll(async () => {
  redis = new Redis(testRedisUrl());
  signer = new ChartSigner(await chartUrlSecret({ configured: undefined, redis, prefix }));
  const app = express();
  registerChartRoutes(app, { signer, reader: new FixedInsightsReader(), logger: pino({ level: 'silent' }), now: () => clock });
  server = await new Promise<Server>((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((done) => server?.close(() => done()));
  await deleteKeys(testRedisUrl(), prefix);
  redis?.disconnect();
});

const links = () => chartLinks({ signer, baseUrl: base, now: () => clock });
const get = (url: string) => fetch(url);

async function expectForbidden(url: string): Promise<void> {
  const res = await get(url);
  expect(res.status).toBe(403);
  // The same few bytes whatever went wrong: nothing about charts, vendors or why.
  expect(await res.text()).toBe('forbidden');
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
}

describe('signed, expiring chart URLs', () => {
  it('serves the chart a URL was signed for, as SVG and as PNG, cacheable no longer than the URL lives', async () => {
    const svg = await get(links().url(cycle, 'svg'));
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('cache-control')).toBe('private, max-age=3600');
    const text = await svg.text();
    expect(text).toContain('Approval cycle time');
    expect(text).toContain('Week of');
    const png = await get(links().url({ kind: 'supplier-trend', weeks: 3, to, vendorId: 7 }, 'png'));
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');
    const soon = await get(links().url(cycle, 'svg', 90_000));
    expect(soon.headers.get('cache-control')).toBe('private, max-age=90');
  });

  it('answers 403 to an expired URL', async () => {
    const url = links().url(cycle, 'svg', 60_000);
    expect((await get(url)).status).toBe(200);
    clock = new Date(clock.getTime() + 60_001);
    try {
      await expectForbidden(url);
    } finally {
      clock = new Date('2026-11-30T12:00:00Z');
    }
  });

  it('answers 403 to a tampered parameter, a tampered or missing signature, an unknown chart and a bare /charts', async () => {
    const file = links().url(cycle, 'svg').split('/charts/')[1]!;
    const [payload, sig, ext] = file.split('.');
    // Another vendor, a longer period, another chart: the payload changes, the signature does not follow.
    const forged = (change: (p: Record<string, unknown>) => void) => {
      const body = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { r: Record<string, unknown>; e: number };
      change(body.r);
      return Buffer.from(JSON.stringify(body)).toString('base64url');
    };
    await expectForbidden(`${base}/charts/${forged((r) => (r.weeks = 104))}.${sig}.${ext}`);
    await expectForbidden(`${base}/charts/${forged((r) => { r.kind = 'supplier-trend'; r.vendorId = 9; })}.${sig}.${ext}`);
    // A later expiry.
    const later = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { e: number };
    later.e += 86_400 * 365;
    await expectForbidden(`${base}/charts/${Buffer.from(JSON.stringify(later)).toString('base64url')}.${sig}.${ext}`);
    const flipped = (sig!.startsWith('A') ? 'B' : 'A') + sig!.slice(1);
    await expectForbidden(`${base}/charts/${payload}.${flipped}.${ext}`);
    await expectForbidden(`${base}/charts/${payload}.${ext}`);
    await expectForbidden(`${base}/charts/${payload}..${ext}`);
    await expectForbidden(`${base}/charts/${payload}.${sig}.gif`);
    await expectForbidden(`${base}/charts/everything.svg`);
    await expectForbidden(`${base}/charts/${Buffer.from(JSON.stringify({ r: { kind: 'all-vendors', weeks: 3, to }, e: 9_999_999_999 })).toString('base64url')}.${'A'.repeat(43)}.svg`);
    await expectForbidden(`${base}/charts`);
    await expectForbidden(`${base}/charts/`);
  });

  it('a URL signed with another secret is refused', async () => {
    const other = chartLinks({ signer: new ChartSigner('another-secret-of-32-characters!'), baseUrl: base, now: () => clock });
    await expectForbidden(other.url(cycle, 'svg'));
  });

  it('a signed URL for a vendor that no longer has a scorecard is 404, not a chart of someone else', async () => {
    const res = await get(links().url({ kind: 'supplier-trend', weeks: 3, to, vendorId: 4242 }, 'svg'));
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('no such chart');
  });

  it('every process of a Redis prefix signs with the same secret, made once; CHART_URL_SECRET wins', async () => {
    const again = await chartUrlSecret({ configured: undefined, redis, prefix });
    const first = await redis.get(`${prefix}:charts:url-secret`);
    expect(again).toBe(first);
    expect(again).toMatch(/^[0-9a-f]{64}$/);
    expect(await chartUrlSecret({ configured: 'from-the-environment-1234', redis, prefix })).toBe('from-the-environment-1234');
    const elsewhere = uniquePrefix('charts2');
    try {
      expect(await chartUrlSecret({ configured: undefined, redis, prefix: elsewhere })).not.toBe(first);
    } finally {
      await deleteKeys(testRedisUrl(), elsewhere);
    }
  });
});
