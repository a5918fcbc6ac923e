import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CodedError, isRetryable } from '../../src/errors/coded-error.ts';
import { SlackApprovalChat } from '../../adapters/slack/slack-approval-chat.ts';
import { SlackRateLimitedError } from '../../adapters/slack/slack-error.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { cardView, line } from './card-view-fixture.ts';

let fake: FakeSlackApi;
let chat: SlackApprovalChat;
const logger = pino({ level: 'silent' });
const jane = { platform: 'slack' as const, userId: 'U0JANE' };

beforeAll(async () => {
  fake = await startFakeSlackApi({ users: [{ id: 'U0JANE', email: 'jane@example.com', name: 'Jane Approver' }, { id: 'U0BOTTY', email: 'bot@example.com', name: 'Botty', isBot: true }] });
  chat = new SlackApprovalChat({ botToken: 'xoxb-test-token', apiUrl: fake.url, retries: 0, logger });
});
afterAll(() => fake.stop());
beforeEach(() => void (fake.calls.length = 0));

async function failure(promise: Promise<unknown>): Promise<CodedError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CodedError);
  return err as CodedError;
}

describe('SlackApprovalChat against the fake Slack Web API', () => {
  it('posts a card to a user by opening a DM first', async () => {
    const posted = await chat.postApprovalCard({ kind: 'user', platform: 'slack', userId: 'U0JANE' }, cardView());
    expect(fake.calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
    expect(fake.callsOf('conversations.open')[0]!.body.users).toBe('U0JANE');
    const post = fake.callsOf('chat.postMessage')[0]!.body;
    expect(post.channel).toBe('D0JANE');
    expect(Array.isArray(post.blocks)).toBe(true);
    expect(post.text).toContain('P00042');
    expect(posted).toEqual({ platform: 'slack', channel: 'D0JANE', messageId: expect.stringMatching(/^\d+\.\d{6}$/) });
  });

  it('posts to a channel, then updates the same message in place', async () => {
    const posted = await chat.postApprovalCard({ kind: 'channel', platform: 'slack', channel: 'C0APPROVALS' }, cardView());
    await chat.updateApprovalCard(posted, cardView({ status: { kind: 'queued', decision: 'approve', by: 'Jane' } }));
    const update = fake.callsOf('chat.update')[0]!.body;
    expect(update).toMatchObject({ channel: 'C0APPROVALS', ts: posted.messageId });
    expect(JSON.stringify(update.blocks)).toContain('Recording the approval…');
    expect(JSON.stringify(update.blocks)).not.toContain('approval_approve');
  });

  it('posts all the lines in the thread for Details', async () => {
    const posted = await chat.postApprovalCard({ kind: 'channel', platform: 'slack', channel: 'C0APPROVALS' }, cardView());
    fake.calls.length = 0;
    await chat.postDetails(posted, cardView({ lines: Array.from({ length: 600 }, (_, i) => line(i + 1, `Item ${i} ${'x'.repeat(300)}`)) }));
    const replies = fake.callsOf('chat.postMessage');
    expect(replies.length).toBeGreaterThan(1);
    for (const r of replies) expect(r.body.thread_ts).toBe(posted.messageId);
  });

  it('sends an ephemeral message and a DM, escaped', async () => {
    await chat.sendEphemeral('C0APPROVALS', jane, 'Already approved by <!channel> Jane');
    expect(fake.callsOf('chat.postEphemeral')[0]!.body).toMatchObject({ channel: 'C0APPROVALS', user: 'U0JANE', text: 'Already approved by &lt;!channel&gt; Jane' });
    await chat.sendDirect(jane, 'P00042 was approved');
    expect(fake.callsOf('chat.postMessage')[0]!.body).toMatchObject({ channel: 'D0JANE', text: 'P00042 was approved' });
  });

  it('reads a profile with its email, caches it briefly, and returns null for an unknown user', async () => {
    const profile = await chat.profile(jane);
    expect(profile).toEqual({ userId: 'U0JANE', displayName: 'Jane Approver', email: 'jane@example.com', isBot: false, deleted: false });
    await chat.profile(jane);
    expect(fake.callsOf('users.info')).toHaveLength(1);
    expect(await chat.profile({ platform: 'slack', userId: 'U0NOBODY' })).toBeNull();
    expect((await chat.profile({ platform: 'slack', userId: 'U0BOTTY' }))?.isBot).toBe(true);
  });

  it('turns a 429 into a retryable CodedError with retryAfterMs', async () => {
    fake.failNext('chat.update', { status: 429, retryAfter: 7 });
    const err = await failure(chat.updateApprovalCard({ platform: 'slack', channel: 'C0APPROVALS', messageId: '1.000001' }, cardView()));
    expect(err).toBeInstanceOf(SlackRateLimitedError);
    expect(err.code).toBe('slack_rate_limited');
    expect(err.retryable).toBe(true);
    expect((err as SlackRateLimitedError).retryAfterMs).toBe(7_000);
    expect(fake.callsOf('chat.update')).toHaveLength(1); // the client did not wait and retry itself
  });

  it('turns permanent Slack errors into non-retryable CodedErrors with a clear message', async () => {
    for (const error of ['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive']) {
      fake.failNext('chat.postMessage', { error });
      const err = await failure(chat.postApprovalCard({ kind: 'channel', platform: 'slack', channel: 'C0GONE' }, cardView()));
      expect(err.code).toBe(`slack_${error}`);
      expect(isRetryable(err)).toBe(false);
      expect(err.message).toContain(error);
    }
    const wrongToken = new SlackApprovalChat({ botToken: 'xoxb-wrong', apiUrl: fake.url, logger });
    expect((await failure(wrongToken.sendDirect(jane, 'hi'))).code).toBe('slack_invalid_auth');
    expect((await failure(chat.sendDirect({ platform: 'slack', userId: 'U0NOBODY' }, 'hi'))).code).toBe('slack_user_not_found');
  });

  it('treats 5xx and unreachable Slack as retryable', async () => {
    fake.failNext('chat.postEphemeral', { status: 503 });
    const err = await failure(chat.sendEphemeral('C0APPROVALS', jane, 'x'));
    expect(err).toMatchObject({ code: 'slack_http_error', retryable: true });
    const down = new SlackApprovalChat({ botToken: 'xoxb-test-token', apiUrl: 'http://127.0.0.1:9/api/', retries: 0, timeoutMs: 1_000, logger });
    expect(await failure(down.sendEphemeral('C0APPROVALS', jane, 'x'))).toMatchObject({ code: 'slack_unreachable', retryable: true });
  });

  it('refuses a Teams target instead of sending it to Slack', async () => {
    const err = await failure(chat.postApprovalCard({ kind: 'user', platform: 'teams', userId: 'aad-1' }, cardView()));
    expect(err).toMatchObject({ code: 'chat_wrong_platform', retryable: false });
  });
});
