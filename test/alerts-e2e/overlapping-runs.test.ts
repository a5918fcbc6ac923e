/**
 * Detection runs overlap: the job scheduler's first scan at start, a webhook for one record, the
 * same scan in another process. A run that read Odoo before an exception opened must not clear
 * it (the read could not see it), and a run that read before an exception cleared must not reopen
 * it. Both were seen: a late receipt opened by one scan was resolved at once by the start-up scan
 * that had read Odoo a moment earlier, and its card was posted a second time.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisBurstGate } from '../../adapters/alerts/redis-burst-gate.ts';
import { RedisExceptionStore } from '../../adapters/alerts/redis-exception-store.ts';
import { keysOfTypes } from '../../src/alerts/clear-exceptions.ts';
import { detectLateReceipts } from '../../src/alerts/detectors/late-receipt.ts';
import { parseAlertsSection } from '../../src/alerts/lifecycle/alerts-settings.ts';
import { applyDetections, type LifecycleDeps } from '../../src/alerts/lifecycle/apply-detections.ts';
import { NO_OBSERVER } from '../../src/alerts/lifecycle/exception-store.ts';
import type { EnqueueOptions, JobQueue } from '../../src/ports/job-queue.ts';
import { officeHours, receipt, thresholds, warehouses } from '../alerts/fixtures.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const prefix = uniquePrefix('overlap');
let redis: Redis;
let deps: LifecycleDeps;
const jobs: Array<{ name: string; data: unknown; options: EnqueueOptions }> = [];
const clock = { now: Date.parse('2026-11-26T15:00:00Z') };
const KEY = 'late-receipt:stock.picking:7';
const inScope = keysOfTypes(['late-receipt']);
const lateNow = () => detectLateReceipts({ receipts: [receipt()], warehouses }, thresholds(), new Date(clock.now));

beforeAll(() => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const queue: JobQueue = { enqueue: async (_q, name, data, options) => void jobs.push({ name, data, options }) };
  const settings = parseAlertsSection('alerts:\n  lifecycle: { burst: { max: 50, window_seconds: 5 }, digest_every_minutes: 0 }\nrouting:\n  default_channel: C0RECEIVING\n', 'overlap.yaml', officeHours('UTC'));
  deps = { store: new RedisExceptionStore(redis, prefix), queue, burst: new RedisBurstGate(redis, prefix), settings, observer: NO_OBSERVER, now: () => new Date(clock.now) };
});
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(testRedisUrl(), prefix);
});

describe('overlapping detection runs', () => {
  it('a run that read before the exception opened leaves it open; a later read clears it', async () => {
    const staleReadAt = new Date(clock.now);
    clock.now += 1_000;
    const opened = await applyDetections({ exceptions: lateNow(), inScope, readAt: new Date(clock.now) }, deps);
    expect(opened.opened).toBe(1);
    clock.now += 1_000;
    // The start-up scan read Odoo before the receipt was late; it finishes now and finds nothing.
    const stale = await applyDetections({ exceptions: [], inScope, readAt: staleReadAt }, deps);
    expect(stale.cleared).toBe(0);
    expect((await deps.store.get(KEY))?.status).toBe('open');
    expect(jobs.filter((j) => j.name.includes('update'))).toHaveLength(0);

    const fresh = await applyDetections({ exceptions: [], inScope, readAt: new Date(clock.now) }, deps);
    expect(fresh.cleared).toBe(1);
    expect((await deps.store.get(KEY))?.status).toBe('cleared');
  });

  it('a run that read before the exception cleared does not reopen it; a later read that finds it does', async () => {
    const staleReadAt = new Date(clock.now - 500);
    const posts = jobs.filter((j) => j.name.includes('post')).length;
    const stale = await applyDetections({ exceptions: lateNow(), inScope, readAt: staleReadAt }, deps);
    expect(stale).toMatchObject({ opened: 0, unchanged: 1 });
    expect((await deps.store.get(KEY))?.status).toBe('cleared');
    expect(jobs.filter((j) => j.name.includes('post'))).toHaveLength(posts);

    clock.now += 1_000;
    const back = await applyDetections({ exceptions: lateNow(), inScope, readAt: new Date(clock.now) }, deps);
    expect(back.opened).toBe(1);
    expect(await deps.store.get(KEY)).toMatchObject({ status: 'open', posts: 2 });
  });
});
