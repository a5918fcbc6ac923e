import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, closeQueues, type BullQueues } from '../../adapters/queue/bullmq-queues.ts';
import { ChartSigner } from '../../adapters/charts/chart-signature.ts';
import { createControlTowerFeature, type ControlTowerFeature } from '../../adapters/runtime/control-tower-feature.ts';
import type { TeamsMessage } from '../../adapters/teams/teams-sender.ts';
import { parseDigestSection, type DigestSettings } from '../../src/insights/digest/digest-section.ts';
import { WEEKLY_DIGEST_JOB } from '../../src/insights/digest/post-weekly-digest.ts';
import type { JobContext } from '../../src/ports/job-queue.ts';
import { PolicyError } from '../../src/policy/policy-error.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { FixedInsightsReader, WEEKS, snapshotFixture } from './insights-fixtures.ts';

const SECRET = 'weekly-digest-chart-secret-0123456789';
const NOW = new Date('2026-12-07T14:30:00Z'); // a Monday, after 08:30 in Chicago
const ctx = (attempt = 1): JobContext => ({ queue: 'scan', name: WEEKLY_DIGEST_JOB, jobId: `d${attempt}`, attempt, maxAttempts: 5, signal: new AbortController().signal });

describe('the digest: section of the policy file', () => {
  const read = (yaml: string) => parseDigestSection(yaml, 'policy.yaml', 'America/Chicago');

  it('reads channel, day, time and zone; the zone defaults to the calendar\u2019s, the chart to 12 weeks', () => {
    expect(read('digest:\n  channel: "#procurement-leads"\n  day: Monday\n  time: "08:30"\n')).toEqual({ channel: '#procurement-leads', day: 'monday', hour: 8, minute: 30, timeZone: 'America/Chicago', weeks: 12 });
    expect(read('digest:\n  channel: teams:Purchasing/Leads\n  day: friday\n  time: "16:05"\n  time_zone: Europe/Amsterdam\n  weeks: 8\n')).toMatchObject({ channel: 'teams:Purchasing/Leads', timeZone: 'Europe/Amsterdam', weeks: 8, hour: 16, minute: 5 });
    expect(read('approvers: {}\n')).toBeNull();
  });

  it('refuses a bad day, time, zone or key with the line and column', () => {
    const fails = (yaml: string, pattern: RegExp) => {
      let error: unknown;
      try {
        read(yaml);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(PolicyError);
      expect((error as Error).message).toMatch(pattern);
    };
    fails('digest:\n  channel: "#x"\n  day: someday\n  time: "08:30"\n', /^policy\.yaml:3:8: digest\.day must be one of sunday, monday, .* \(got "someday"\)$/);
    fails('digest:\n  channel: "#x"\n  day: monday\n  time: "8.30"\n', /^policy\.yaml:4:9: digest\.time must be a 24-hour time HH:MM/);
    fails('digest:\n  channel: "#x"\n  day: monday\n  time: "08:30"\n  time_zone: Mars/Olympus\n', /^policy\.yaml:5:14: digest\.time_zone must be an IANA time zone/);
    fails('digest:\n  channel: "#x"\n  day: monday\n  time: "08:30"\n  when: now\n', /^policy\.yaml:5:3: digest\.when is not a known key$/);
    fails('digest:\n  day: monday\n  time: "08:30"\n', /^policy\.yaml:2:3: digest\.channel is required$/);
  });
});

describe('the weekly digest job', () => {
  const prefix = uniquePrefix('digest');
  let redis: Redis;
  let queues: BullQueues;
  let slack: FakeSlackApi;
  const teamsSent: Array<{ target: string; message: TeamsMessage }> = [];
  const feature = async (settings: DigestSettings | null, options: { teams?: boolean } = {}): Promise<ControlTowerFeature> =>
    createControlTowerFeature({
      config: { slack: { botToken: 'xoxb-test-token', signingSecret: 's', apiUrl: slack.url, appToken: undefined }, charts: { urlSecret: SECRET }, redis: { url: testRedisUrl(), keyPrefix: prefix, autostart: false } },
      baseUrl: 'https://bot.example.com', redis, queues, reader: new FixedInsightsReader(snapshotFixture()), digest: settings,
      teamsSender: options.teams ? { sendToConversation: async (target, message) => { teamsSent.push({ target, message }); return { conversationId: '19:leads@thread.tacv2', activityId: `a${teamsSent.length}` }; } } : null,
      logger: pino({ level: 'silent' }), now: () => NOW, insightsPageUrl: 'https://bot.example.com/workspace/insights',
    });
  const settings = (channel: string): DigestSettings => ({ channel, day: 'monday', hour: 8, minute: 30, timeZone: 'America/Chicago', weeks: 12 });
  const run = (f: ControlTowerFeature, attempt = 1) => f.handlers.scan![WEEKLY_DIGEST_JOB]!({}, ctx(attempt));

  beforeAll(async () => {
    redis = new Redis(testRedisUrl());
    queues = createQueues(redis, prefix);
    slack = await startFakeSlackApi();
  });
  afterAll(async () => {
    await slack?.stop();
    await closeQueues(queues);
    await deleteKeys(testRedisUrl(), prefix);
    redis?.disconnect();
  });

  it('posts the headline numbers, what changed and one signed chart to Slack, once per week', async () => {
    const f = await feature(settings('#procurement-leads'));
    const from = slack.calls.length;
    expect(await run(f)).toMatchObject({ posted: true, week: WEEKS[2] });
    const posts = slack.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body;
    expect(body.channel).toBe('#procurement-leads');
    const blocks = (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks) as Array<Record<string, unknown>>;
    const json = JSON.stringify(blocks);
    expect(json).toContain(`Procurement this week (week of ${WEEKS[2]})`);
    expect(json).toContain('*Approval cycle (median / p90)*\\n6.0 h / 20.5 h');
    expect(json).toContain('*Open exceptions now*\\n6 (1 over a week)');
    // What changed since the week before (Nov 16: 6 opened, 4 cleared, 0 decided).
    expect(json).toContain('Exceptions opened: 2 (-4 on the week before)');
    expect(json).toContain('Approvals decided: 12 (+12 on the week before)');
    const image = blocks.find((b) => b.type === 'image') as { image_url: string; alt_text: string };
    expect(image.alt_text).toContain('Approval cycle time');
    const verified = new ChartSigner(SECRET).verify(image.image_url.replace('https://bot.example.com/charts/', ''), NOW);
    expect(verified).toMatchObject({ ok: true, format: 'png', request: { kind: 'approval-cycle', weeks: 12, to: '2026-12-08T00:00:00.000Z' } });
    expect(String(body.text)).toContain('Approvals decided 12');
    expect(json).toContain('Every chart: <https://bot.example.com/workspace/insights|Insights>');

    // The scheduler fires again (a retry, a second worker): the week is not posted twice.
    expect(await run(f)).toMatchObject({ posted: false, reason: 'already_posted' });
    expect(slack.calls.slice(from).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('a failed post is retried by the queue and then posted once', async () => {
    const f = await feature(settings('#buyers'));
    const from = slack.calls.length;
    slack.failNext('chat.postMessage', { status: 500 });
    slack.failNext('chat.postMessage', { status: 500 });
    await expect(run(f, 1)).rejects.toMatchObject({ code: expect.stringMatching(/^slack_/) });
    expect(await run(f, 2)).toMatchObject({ posted: true });
    expect(await run(f, 3)).toMatchObject({ posted: false });
    const answered = slack.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.response?.ok === true);
    expect(answered).toHaveLength(1);
  });

  it('a Slack refusal (no such channel) fails the job without a claim left behind', async () => {
    const f = await feature(settings('#nowhere'));
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(run(f)).rejects.toMatchObject({ code: expect.stringMatching(/channel_not_found/) });
    expect(await redis.exists(`${prefix}:once:insights-digest:#nowhere:${WEEKS[2]}`)).toBe(0);
  });

  it('goes to Teams for a teams: channel, as a card with the chart; refuses when Teams is off', async () => {
    const f = await feature(settings('teams:Purchasing/Leads'), { teams: true });
    expect(await run(f)).toMatchObject({ posted: true, message: { platform: 'teams', channel: '19:leads@thread.tacv2' } });
    expect(teamsSent).toHaveLength(1);
    expect(teamsSent[0]!.target).toBe('Purchasing/Leads');
    const card = JSON.stringify(teamsSent[0]!.message.attachments);
    expect(card).toContain('"type":"Image"');
    expect(card).toContain('https://bot.example.com/charts/');
    expect(card).toContain('Since the week before');
    const off = await feature(settings('teams:Purchasing/Other'));
    await expect(run(off)).rejects.toMatchObject({ code: 'platform_not_configured', retryable: false });
  });

  it('schedules the job at the policy\u2019s day and time in its zone, and removes it when the section goes', async () => {
    await (await feature(settings('#procurement-leads'))).schedule();
    const scheduler = await queues.scan.getJobScheduler(WEEKLY_DIGEST_JOB);
    expect(scheduler).toMatchObject({ pattern: '30 8 * * 1', tz: 'America/Chicago' });
    const f = await feature(null);
    expect(f.handlers).toEqual({});
    await f.schedule();
    expect(await queues.scan.getJobScheduler(WEEKLY_DIGEST_JOB)).toBeFalsy();
  });
});
