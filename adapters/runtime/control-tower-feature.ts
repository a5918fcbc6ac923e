import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/parse-config.ts';
import { chartQuery, periodEndingToday } from '../../src/insights/charts/chart-request.ts';
import type { DigestSettings } from '../../src/insights/digest/digest-section.ts';
import { digestCron } from '../../src/insights/digest/digest-section.ts';
import { WEEKLY_DIGEST_JOB, postWeeklyDigest } from '../../src/insights/digest/post-weekly-digest.ts';
import type { InsightsReader } from '../../src/insights/insight-types.ts';
import type { JobHandlers } from '../../src/ports/job-queue.ts';
import type { StatusInsights } from '../../src/status/status-insights.ts';
import { chartLinks, type ChartLinks } from '../charts/chart-links.ts';
import { registerChartRoutes } from '../charts/chart-routes.ts';
import { ChartSigner } from '../charts/chart-signature.ts';
import { chartUrlSecret } from '../charts/chart-url-secret.ts';
import { digestPoster } from '../control-tower/digest-poster.ts';
import type { BullQueues } from '../queue/bullmq-queues.ts';
import { createSlackWebClient } from '../slack/create-slack-web-client.ts';
import { RedisOnceStore } from '../store/redis-once-store.ts';
import type { TeamsSender } from '../teams/teams-sender.ts';

/** How many weeks a vendor's scorecard (`/po vendor Acme`) covers. */
export const SCORECARD_WEEKS = 12;

export interface ControlTowerFeatureDeps {
  /** The configuration the features run with (demo Slack credentials applied). */
  config: Pick<Config, 'slack' | 'charts' | 'redis'>;
  /** Where chart URLs point: PUBLIC_URL (or the process's own URL when it listens on a random port). */
  baseUrl: string;
  redis: Redis;
  queues: Pick<BullQueues, 'scan'>;
  reader: InsightsReader;
  /** The policy's `digest:` section; no digest without it. */
  digest: DigestSettings | null;
  teamsSender: Pick<TeamsSender, 'sendToConversation'> | null;
  /** Where the digest links to every chart (the workspace's Insights page in demo mode). */
  insightsPageUrl?: string | null;
  logger: Logger;
  now: () => Date;
}

export interface ControlTowerFeature {
  reader: InsightsReader;
  links: ChartLinks;
  /** What the status answers use (App Home numbers, `/po vendor`). */
  status: StatusInsights;
  /** GET /charts/<signed>.svg|png. */
  registerRoutes(app: Express): void;
  handlers: JobHandlers;
  /** The weekly digest's job scheduler (or its removal when the policy has no `digest:`). */
  schedule(): Promise<void>;
}

/**
 * The control tower's faces: signed chart URLs, the status answers' numbers and scorecards, the
 * weekly digest on the scan queue. The measures come from the InsightsReader (adapters/insights).
 */
export async function createControlTowerFeature(deps: ControlTowerFeatureDeps): Promise<ControlTowerFeature> {
  const signer = new ChartSigner(await chartUrlSecret({ configured: deps.config.charts.urlSecret, redis: deps.redis, prefix: deps.config.redis.keyPrefix }));
  const links = chartLinks({ signer, baseUrl: deps.baseUrl, now: deps.now });
  const slack = deps.config.slack.botToken ? createSlackWebClient(deps.config.slack.botToken, { apiUrl: deps.config.slack.apiUrl, logger: deps.logger }) : null;
  const once = new RedisOnceStore(deps.redis, deps.config.redis.keyPrefix);
  const status: StatusInsights = {
    reader: deps.reader,
    weeks: SCORECARD_WEEKS,
    period: (now) => chartQuery(periodEndingToday(now, SCORECARD_WEEKS)),
    vendorChartUrl: (vendorId, now) => links.url({ kind: 'supplier-trend', ...periodEndingToday(now, SCORECARD_WEEKS), vendorId }, 'png'),
  };
  const digest = deps.digest;
  const handlers: JobHandlers = digest
    ? {
        scan: {
          [WEEKLY_DIGEST_JOB]: async () => {
            const outcome = await postWeeklyDigest({
              settings: digest, reader: deps.reader, once, now: deps.now,
              chartUrl: (request) => links.url(request, 'png'),
              poster: digestPoster({ slack, teams: deps.teamsSender, pageUrl: deps.insightsPageUrl ?? null }),
            });
            deps.logger.info({ channel: digest.channel, ...outcome }, outcome.posted ? 'weekly digest posted' : 'weekly digest not posted');
            return outcome;
          },
        },
      }
    : {};
  return {
    reader: deps.reader,
    links,
    status,
    registerRoutes: (app) => registerChartRoutes(app, { signer, reader: deps.reader, logger: deps.logger, now: deps.now }),
    handlers,
    async schedule() {
      if (!digest) {
        await deps.queues.scan.removeJobScheduler(WEEKLY_DIGEST_JOB);
        return;
      }
      await deps.queues.scan.upsertJobScheduler(WEEKLY_DIGEST_JOB, { pattern: digestCron(digest), tz: digest.timeZone }, { name: WEEKLY_DIGEST_JOB });
    },
  };
}
