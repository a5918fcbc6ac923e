import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import pino from 'pino';
import { closeQueues, createQueues } from '../adapters/queue/bullmq-queues.ts';
import { startWorkers } from '../adapters/queue/start-workers.ts';
import { createAlertsFeature } from '../adapters/runtime/alerts-feature.ts';
import type { OdooConnection } from '../adapters/runtime/connect-odoo.ts';
import { SlackAlertChat } from '../adapters/slack/slack-alert-chat.ts';
import { ensureRedis } from '../adapters/store/ensure-redis.ts';
import { makeException, type ProcurementException } from '../src/alerts/exception.ts';
import { applyDetections } from '../src/alerts/lifecycle/apply-detections.ts';
import { parseAlertsSection } from '../src/alerts/lifecycle/alerts-settings.ts';
import type { ExceptionChat } from '../src/alerts/lifecycle/exception-chat.ts';
import { NO_OBSERVER } from '../src/alerts/lifecycle/exception-store.ts';
import { RedisBurstGate } from '../adapters/alerts/redis-burst-gate.ts';
import { BullJobQueue } from '../adapters/queue/bullmq-queues.ts';
import { parseConfig } from '../src/config/parse-config.ts';
import type { BusinessCalendar } from '../src/time/business-calendar.ts';
import { startFakeSlackApi } from '../test/fakes/fake-slack-api.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const EXCEPTIONS = Number(process.env.BENCH_ALERTS_FANOUT ?? 2_000);
const CHANNELS = Number(process.env.BENCH_ALERTS_CHANNELS ?? 20);
/** Individual posts per channel per window before the rest go to a digest (the policy's burst). */
const BURST = Number(process.env.BENCH_ALERTS_BURST ?? 20);
const WINDOW_S = Number(process.env.BENCH_ALERTS_WINDOW_S ?? 30);
const CALENDAR: BusinessCalendar = { timeZone: 'UTC', week: [[], [], [], [], [], [], []], holidays: new Set() };

function syntheticException(i: number, now: Date): ProcurementException {
  const wh = i % CHANNELS;
  const scheduled = new Date(now.getTime() - (2 + (i % 5)) * 86_400_000);
  return makeException('late-receipt', {
    severity: 'warning', severityRule: 'warning: 2 days late', owner: { kind: 'warehouse', warehouseId: wh + 1 },
    title: `WH${wh}/IN/${String(i).padStart(5, '0')} is 2 days late`,
    facts: { receiptName: `WH${wh}/IN/${i}`, poName: `P${i}`, vendorName: 'Vendor', warehouseName: `Warehouse ${wh}`, state: 'assigned', scheduledDate: scheduled.toISOString(), scheduledLocalDate: scheduled.toISOString().slice(0, 10), timeZone: 'UTC', deadline: null, hoursLate: 48, daysLate: 2, graceHours: 0, backorderOf: null },
    records: { subject: { model: 'stock.picking', id: 100_000 + i, name: `WH${wh}/IN/${i}` }, purchaseOrder: null, company: null, warehouse: { model: 'stock.warehouse', id: wh + 1, name: `Warehouse ${wh}` }, vendor: null, buyer: null, related: [] },
    material: { i }, now,
  });
}

/**
 * Fan-out of 2,000 exceptions over 20 channels through the notify queue, with per-channel pacing
 * (1 message/s) and burst digests, against the fake Slack Web API: time until every exception is
 * delivered (its own message or a digest row), the highest per-channel rate seen, nothing lost.
 */
export const run: BenchRun = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'alerts-fanout-'));
  const ensured = await ensureRedis({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', autostart: true, dataDir, anyPort: true });
  const slack = await startFakeSlackApi();
  const prefix = `bench-fanout-${Date.now()}`;
  const redis = new Redis(ensured.url, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const logger = pino({ level: 'silent' });
  const config = parseConfig({ PORT: '0', REDIS_URL: ensured.url, REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false', LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789', SLACK_API_URL: slack.url });
  const rules = Array.from({ length: CHANNELS }, (_, i) => `    - { warehouse: ${i + 1}, channels: [C0WH${String(i).padStart(2, '0')}] }`);
  const settings = parseAlertsSection(['alerts:', `  lifecycle: { burst: { max: ${BURST}, window_seconds: ${WINDOW_S} }, digest_every_minutes: 0 }`, 'routing:', '  default_channel: C0DEFAULT', '  rules:', ...rules].join('\n'), 'bench', CALENDAR);
  const sent: Array<{ channel: string; at: number }> = [];
  const inner = new SlackAlertChat({ botToken: 'xoxb-test-token', apiUrl: slack.url, retries: 0 });
  const recording: ExceptionChat = {
    ...inner,
    // Stamped when the request leaves (after the pacer let it go): what Slack's per-channel limit sees.
    postException: async (c, v, t) => {
      const at = performance.now();
      const p = await inner.postException(c, v, t);
      sent.push({ channel: p.channel, at });
      return p;
    },
    postDigest: async (c, v) => {
      const at = performance.now();
      const p = await inner.postDigest(c, v);
      sent.push({ channel: p.channel, at });
      return p;
    },
    updateException: (m, v) => inner.updateException(m, v),
    postInThread: (m, t, u) => inner.postInThread(m, t, u),
    sendEphemeral: (c, u, t) => inner.sendEphemeral(c, u, t),
    profile: (u) => inner.profile(u),
    findByEmail: (e) => inner.findByEmail(e),
  };
  const odoo = { gateway: {}, url: 'http://odoo.invalid', db: 'x', embedded: false } as unknown as OdooConnection;
  const now = () => new Date();
  const feature = createAlertsFeature({ config, settings, redis, queues, odoo, logger, now, chat: recording });
  const pool = startWorkers({ connection: redis, prefix, handlers: feature.handlers, logger, concurrency: Number(process.env.BENCH_ALERTS_CONCURRENCY ?? 20), queues: ['notify'] });
  const figures: BenchFigure[] = [];
  const params = { exceptions: EXCEPTIONS, channels: CHANNELS, burst: BURST, windowSeconds: WINDOW_S };
  try {
    const at = new Date();
    const exceptions = Array.from({ length: EXCEPTIONS }, (_, i) => syntheticException(i, at));
    const started = performance.now();
    await applyDetections({ exceptions, inScope: () => false, readAt: at }, { store: feature.store, queue: new BullJobQueue(queues), burst: new RedisBurstGate(redis, prefix), settings, observer: NO_OBSERVER, now });
    const queuedMs = performance.now() - started;
    let delivered = 0;
    while (performance.now() - started < 15 * 60_000) {
      const all = await feature.store.getMany(exceptions.map((e) => e.key));
      delivered = [...all.values()].filter((t) => t.messages.length > 0).length;
      if (delivered === EXCEPTIONS) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const totalMs = performance.now() - started;
    // Highest number of messages any channel got within any 1-second span (must be 1).
    let maxPerSecond = 0;
    let minGapMs = Infinity;
    const byChannel = new Map<string, number[]>();
    for (const s of sent) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s.at]);
    for (const times of byChannel.values()) {
      times.sort((a, b) => a - b);
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= 1000) j++;
        maxPerSecond = Math.max(maxPerSecond, i - j + 1);
        if (i > 0) minGapMs = Math.min(minGapMs, times[i]! - times[i - 1]!);
      }
    }
    const digests = slack.callsOf('chat.postMessage').filter((c) => c.response?.ok && String(c.body.text).includes('new procurement exceptions')).length;
    figures.push(
      { bench: 'alerts-fanout', metric: 'time to deliver all', value: Math.round(totalMs), unit: 'ms', params },
      { bench: 'alerts-fanout', metric: 'time to queue all (detections applied)', value: Math.round(queuedMs), unit: 'ms', params },
      { bench: 'alerts-fanout', metric: 'delivered (own message or digest row)', value: delivered, unit: 'exceptions', params },
      { bench: 'alerts-fanout', metric: 'lost', value: EXCEPTIONS - delivered, unit: 'exceptions', params },
      { bench: 'alerts-fanout', metric: 'messages posted', value: sent.length, unit: 'messages', params },
      { bench: 'alerts-fanout', metric: 'of which digests', value: digests, unit: 'messages', params },
      { bench: 'alerts-fanout', metric: 'max per-channel rate (any 1 s span)', value: maxPerSecond, unit: 'msg/s', params },
      { bench: 'alerts-fanout', metric: 'min gap between posts in a channel', value: Math.round(minGapMs), unit: 'ms', params },
    );
  } finally {
    await pool.close(3_000);
    await closeQueues(queues);
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
    await slack.stop();
    await ensured.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await run()) console.log(`${f.metric}: ${f.value} ${f.unit}`);
}
