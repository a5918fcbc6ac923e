import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InsightsReader } from '../../src/insights/insight-types.ts';
import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { BusinessCalendar } from '../../src/time/index.ts';
import type { BullQueues } from '../queue/bullmq-queues.ts';
import type { AuditLog } from '../../src/ports/audit-log.ts';
import { createInsightsReader, insightClock } from './create-insights-reader.ts';
import { INSIGHTS_BACKFILL_VERSION, backfillMarkerKey, runInsightsBackfill } from './insights-backfill.ts';
import { createInsightsRecorder, type InsightsRecorder } from './insights-recorder.ts';
import { RedisFactStore } from './redis-fact-store.ts';

/** The scan-queue job that recomputes the cached measures. */
export const INSIGHTS_REFRESH_JOB = 'insights-refresh';
/** How often it runs: a chart is at most this stale, and a cold read only happens for a new question. */
export const INSIGHTS_REFRESH_EVERY_MS = 10 * 60_000;
/** The scan-queue job that records, once, the history the stores held before the recorder existed. */
export const INSIGHTS_BACKFILL_JOB = 'insights-backfill';

export interface InsightsFeature {
  reader: InsightsReader;
  /** Handed to the stores' wrappers (adapters/events) so each stored transition is recorded. */
  recorder: InsightsRecorder;
  handlers: JobHandlers;
  /** Registers the refresh job scheduler (idempotent; every worker process may call it). */
  schedule(): Promise<void>;
}

export interface InsightsFeatureDeps {
  redis: Redis;
  prefix: string;
  odoo: Pick<OdooGateway, 'readGroup' | 'read'>;
  calendar: BusinessCalendar;
  queues: Pick<BullQueues, 'scan'>;
  logger: Logger;
  now: () => Date;
  /** Dates the reminders and escalations of stored requests for the backfill. */
  audit: Pick<AuditLog, 'forOrder'>;
}

/** The control tower's measures, wired: recorder, cached reader, refresh job on `scan`. */
export function createInsightsFeature(deps: InsightsFeatureDeps): InsightsFeature {
  const reader = createInsightsReader({ redis: deps.redis, prefix: deps.prefix, odoo: deps.odoo, calendar: deps.calendar, now: deps.now, logger: deps.logger });
  const facts = new RedisFactStore(deps.redis, deps.prefix);
  const clock = insightClock(deps.calendar);
  const recorder = createInsightsRecorder({ facts, clock, odoo: deps.odoo, logger: deps.logger, now: deps.now });
  return {
    reader,
    recorder,
    handlers: {
      scan: {
        [INSIGHTS_REFRESH_JOB]: async () => {
          const started = Date.now();
          const refreshed = await reader.refresh();
          deps.logger.info({ refreshed, ms: Date.now() - started }, 'control tower measures refreshed');
          return { refreshed };
        },
        [INSIGHTS_BACKFILL_JOB]: async () =>
          runInsightsBackfill({ redis: deps.redis, prefix: deps.prefix, facts, clock, odoo: deps.odoo, audit: deps.audit, logger: deps.logger, refresh: () => reader.refresh() }),
      },
    },
    async schedule() {
      await deps.queues.scan.upsertJobScheduler(INSIGHTS_REFRESH_JOB, { every: INSIGHTS_REFRESH_EVERY_MS }, { name: INSIGHTS_REFRESH_JOB });
      // once per backfill version: the job id dedupes while the job is kept, the marker key after that
      const jobId = `${INSIGHTS_BACKFILL_JOB}-v${INSIGHTS_BACKFILL_VERSION}`;
      if (await deps.redis.exists(backfillMarkerKey(deps.prefix))) return;
      const failed = await deps.queues.scan.getJob(jobId);
      // a run that failed every attempt is kept (removeOnFail: false): a restart tries it again
      if (failed && (await failed.isFailed())) await failed.retry();
      else await deps.queues.scan.add(INSIGHTS_BACKFILL_JOB, {}, { jobId, attempts: 5, backoff: { type: 'exponential', delay: 30_000 } });
    },
  };
}
