import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudAdapter } from '../../adapters/teams/create-cloud-adapter.ts';
import { RedisConversationStore } from '../../adapters/teams/store/redis-conversation-store.ts';
import { RedisMemberDirectory } from '../../adapters/teams/store/redis-member-directory.ts';
import { TeamsSender } from '../../adapters/teams/teams-sender.ts';
import { CodedError, RateLimited } from '../../src/errors/coded-error.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/fake-bot-connector.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';
import { TEAMS_BOT, TEAMS_TENANT } from '../support/teams-activities.ts';

const CHANNEL = '19:sender0001@thread.tacv2';
const PERSON = { id: '29:1person', aadObjectId: '00000000-0000-4000-8000-0000000000bb', name: 'Pat Person', email: 'pat@example.test', userPrincipalName: 'pat@example.onmicrosoft.com' };

let connector: FakeBotConnector;
let redis: Redis;
let prefix: string;
let sender: TeamsSender;
let conversations: RedisConversationStore;
let members: RedisMemberDirectory;

beforeAll(async () => {
  connector = await startFakeBotConnector({ members: [PERSON] });
  redis = new Redis(testRedisUrl());
  prefix = uniquePrefix('teams-sender');
  conversations = new RedisConversationStore(redis, prefix);
  members = new RedisMemberDirectory(redis, prefix);
  const adapter = createCloudAdapter({ appId: undefined, appPassword: undefined, tenantId: undefined, appType: 'MultiTenant' }, pino({ level: 'silent' }));
  sender = new TeamsSender(adapter, '', conversations, members);
  const now = new Date().toISOString();
  await conversations.save({ conversation: { id: CHANNEL, conversationType: 'channel' }, serviceUrl: connector.url, channelId: 'msteams', bot: { ...TEAMS_BOT }, kind: 'channel', tenantId: TEAMS_TENANT, channelName: 'Sender', savedAt: now });
  await members.save({ ...PERSON, tenantId: TEAMS_TENANT, serviceUrl: connector.url, botId: TEAMS_BOT.id, capturedAt: now });
});
afterAll(async () => {
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
  await connector.stop();
});
afterEach(() => {
  connector.calls.length = 0;
});

describe('TeamsSender', () => {
  it('posts to a channel by name, updates in place and replies in the thread', async () => {
    const sent = await sender.sendToConversation('sender', { text: 'hello' });
    expect(sent.conversationId).toBe(CHANNEL);
    await sender.update(sent, { text: 'hello again' });
    await sender.reply(sent, { text: 'in the thread' });
    expect(connector.calls.map((c) => [c.operation, c.conversationId, c.activityId ?? null])).toEqual([
      ['sendToConversation', CHANNEL, null],
      ['updateActivity', CHANNEL, sent.activityId],
      ['replyToActivity', CHANNEL, sent.activityId],
    ]);
    expect(connector.callsOf('updateActivity')[0]!.body).toMatchObject({ text: 'hello again', id: sent.activityId });
  });

  it('opens a personal chat once (createConversation) and reuses it', async () => {
    const first = await sender.sendToUser(PERSON.aadObjectId, { text: 'one' });
    const second = await sender.sendToUser(PERSON.id, { text: 'two' });
    expect(connector.callsOf('createConversation')).toHaveLength(1);
    expect(connector.callsOf('createConversation')[0]!.body).toMatchObject({ isGroup: false, members: [{ id: PERSON.id }], tenantId: TEAMS_TENANT });
    expect(second.conversationId).toBe(first.conversationId);
    expect((await members.get(PERSON.id))?.personalConversationId).toBe(first.conversationId);
  });

  it('turns a 429 into a retryable RateLimited with the Retry-After, and other errors into typed codes', async () => {
    connector.failNext('sendToConversation', { status: 429, retryAfterSeconds: 7 });
    const limited = await sender.sendToConversation(CHANNEL, { text: 'x' }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimited);
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 7000 });

    connector.failNext('updateActivity', { status: 404 });
    const missing = await sender.update({ conversationId: CHANNEL, activityId: '123' }, { text: 'x' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CodedError);
    expect(missing).toMatchObject({ code: 'teams_not_found', retryable: false });

    const unknown = await sender.sendToConversation('No Such Channel', { text: 'x' }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'teams_conversation_unknown', retryable: false });
  });
});
