import type { OnceStore } from '../../ports/once-store.ts';
import type { PostedMessage } from '../../ports/chat.ts';
import { chartQuery, periodEndingToday, type ChartRequest } from '../charts/chart-request.ts';
import { headlineOf } from '../headline-numbers.ts';
import type { InsightsReader } from '../insight-types.ts';
import type { DigestSettings } from './digest-section.ts';
import { weeklyDigest, type WeeklyDigestView } from './weekly-digest.ts';

/** The scan queue's job that posts the weekly digest (a job scheduler at the policy's day and time). */
export const WEEKLY_DIGEST_JOB = 'insights-weekly-digest';

/** Posts the digest where the policy says (Slack, or Teams for `teams:` channels). */
export interface DigestPoster {
  post(channel: string, view: WeeklyDigestView): Promise<PostedMessage>;
}

export interface PostDigestDeps {
  settings: DigestSettings;
  reader: Pick<InsightsReader, 'snapshot'>;
  /** The signed PNG URL of a chart (long enough to be read days later). */
  chartUrl(request: ChartRequest): string;
  poster: DigestPoster;
  once: OnceStore;
  now: () => Date;
}

/** A week's digest is claimed for this long: well past any retry, and the next week has its own key. */
const CLAIM_SECONDS = 14 * 24 * 3600;

export type DigestOutcome = { posted: true; week: string; message: PostedMessage } | { posted: false; week: string | null; reason: 'already_posted' | 'no_complete_week' };

/**
 * The weekly digest of the week that ended: one post per channel and week, however often the
 * job runs (a retry after a crash, two schedulers after a policy change): the week is claimed
 * before posting, and the claim is given back if the post fails so the retry posts it.
 */
export async function postWeeklyDigest(deps: PostDigestDeps): Promise<DigestOutcome> {
  const period = periodEndingToday(deps.now(), deps.settings.weeks);
  const snapshot = await deps.reader.snapshot(chartQuery(period));
  const headline = headlineOf(snapshot);
  const week = headline.current.week;
  if (!week) return { posted: false, week: null, reason: 'no_complete_week' };
  const key = `insights-digest:${deps.settings.channel}:${week}`;
  if (!(await deps.once.claim(key, CLAIM_SECONDS))) return { posted: false, week, reason: 'already_posted' };
  try {
    const view = weeklyDigest(headline, { url: deps.chartUrl({ kind: 'approval-cycle', ...period }), weeks: deps.settings.weeks });
    const message = await deps.poster.post(deps.settings.channel, view);
    return { posted: true, week, message };
  } catch (err) {
    await deps.once.release(key);
    throw err;
  }
}
