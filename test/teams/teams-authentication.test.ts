import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotRuntime } from '../../adapters/runtime/start-bot.ts';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { botAddedActivity, cardActionActivity, messageActivity, postActivity, type TeamsPlace } from '../support/teams-activities.ts';
import { forgedBotFrameworkToken, startFakeOpenId, type FakeOpenId } from '../support/teams-openid.ts';

const APP_ID = '00000000-0000-4000-8000-00000000a991';
const SERVICE_URL = 'http://127.0.0.1:9/'; // nothing listens: the bot must never call it
const CHANNEL: TeamsPlace = { kind: 'channel', channelId: '19:auth0001@thread.tacv2', channelName: 'Approvals', teamId: '19:authteam@thread.tacv2', teamName: 'Purchasing' };
const PERSON = { id: '29:1someone', aadObjectId: '00000000-0000-4000-8000-0000000000aa', name: 'Some One' };

let bot: BotRuntime;
let openId: FakeOpenId;
let prefix: string;
let stateDir: string;
let redis: Redis;

beforeAll(async () => {
  openId = await startFakeOpenId();
  prefix = uniquePrefix('teams-auth');
  stateDir = mkdtempSync(join(tmpdir(), 'chatops-teams-auth-'));
  const config = parseConfig({
    PORT: '0', EMBEDDED_ODOO_PORT: '0', EMBEDDED_ODOO_SCALE: '20', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, REDIS_AUTOSTART: 'false',
    STATE_DIR: stateDir, SHUTDOWN_TIMEOUT_MS: '3000', LOG_LEVEL: 'silent', RECONCILE_INTERVAL_SECONDS: '3600',
    MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TYPE: 'MultiTenant',
    POLICY_FILE: resolve(PROJECT_ROOT, 'test/teams/fixtures/teams-policy.yaml'),
  });
  bot = await startBot({ config, logger: pino({ level: 'silent' }), http: true, workers: false, teamsAuth: { openIdMetadataUrl: openId.url } });
  redis = new Redis(testRedisUrl());
}, 90_000);

afterAll(async () => {
  redis?.disconnect();
  await bot?.stop();
  await deleteKeys(testRedisUrl(), prefix);
  rmSync(stateDir, { recursive: true, force: true });
  await openId?.stop();
});

const teamsKeys = async () => (await redis.keys(`${prefix}:teams:*`)).length;
const queuedJobs = async () => (await bot.queues.writeback.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')) as Record<string, number>;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('/api/messages with MICROSOFT_APP_ID configured', () => {
  const activities = () => [
    botAddedActivity(SERVICE_URL, PERSON, CHANNEL),
    messageActivity(SERVICE_URL, PERSON, CHANNEL, 'po P00042'),
    cardActionActivity(SERVICE_URL, PERSON, CHANNEL, { activityId: '1700000000001' }, { verb: TEAMS_VERBS.approvalApprove, data: { requestId: 'po-1-abcdef', version: 'abcdef12' } }),
  ];

  it('refuses requests without an Authorization header with 401 and stores nothing', async () => {
    for (const activity of activities()) {
      const answer = await postActivity(bot.url!, activity);
      expect(answer.status).toBe(401);
    }
    expect(await teamsKeys()).toBe(0);
    expect(total(await queuedJobs())).toBe(0);
  });

  it('refuses a garbage bearer token and a forged, well-formed token with 401 and stores nothing', async () => {
    for (const activity of activities()) {
      expect((await postActivity(bot.url!, activity, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
      const forged = forgedBotFrameworkToken(APP_ID, SERVICE_URL);
      expect((await postActivity(bot.url!, activity, { authorization: `Bearer ${forged}` })).status).toBe(401);
    }
    // The forged token was checked against the published keys (the local metadata), which know no such key.
    expect(openId.fetches).toBeGreaterThan(0);
    expect(await teamsKeys()).toBe(0);
    expect(total(await queuedJobs())).toBe(0);
  });

  it('routes approval cards to Teams (authenticated Teams is on)', () => {
    expect(bot.teams?.mode).toBe('authenticated');
    expect(bot.teams?.routesApprovals).toBe(true);
  });
});
