/**
 * Noise control: a Slack 429 delays a post but loses nothing, and a burst into one channel
 * becomes a digest whose rows can still be opened (and acted on) in its thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/spawn-bot.ts';
import { startAlertsHarness, type AlertsHarness } from './alerts-harness.ts';

const CHANNEL = 'C0NOISE';

describe('noise control (fake Slack, Redis)', () => {
  let h: AlertsHarness;

  beforeAll(async () => {
    h = await startAlertsHarness({
      routingYaml: () => ['alerts:', '  lifecycle: { burst: { max: 3, window_seconds: 3 }, digest_every_minutes: 0 }', 'routing:', `  default_channel: ${CHANNEL}`].join('\n'),
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('a 429 delays the post, a burst becomes one digest, and every exception is delivered somewhere', async () => {
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const scan = await h.feature.scan('receipts');
    expect(scan.opened).toBeGreaterThan(3);
    await h.settle(40_000);
    const calls = h.slack.callsOf('chat.postMessage');
    expect(calls.filter((c) => c.response === undefined)).toHaveLength(1); // the 429
    const individual = calls.filter((c) => c.response?.ok && !String(c.body.text).includes('new procurement exceptions'));
    const digests = calls.filter((c) => c.response?.ok && String(c.body.text).includes('new procurement exceptions'));
    expect(individual).toHaveLength(3);
    expect(digests.length).toBeGreaterThanOrEqual(1);
    // Nothing lost: every open exception has a message or a digest row.
    const open = await h.feature.store.getMany(await h.feature.store.openKeys());
    expect(open.size).toBe(scan.opened);
    for (const t of open.values()) expect(t.messages.length, t.key).toBeGreaterThan(0);
    expect([...open.values()].filter((t) => t.messages.some((m) => m.kind === 'digest-row'))).toHaveLength(scan.opened - 3);
  }, 60_000);

  it('Open on a digest row posts that exception, with its buttons, in the digest thread', async () => {
    const digest = h.slack.callsOf('chat.postMessage').find((c) => c.response?.ok && String(c.body.text).includes('new procurement exceptions'))!;
    const blocks = (typeof digest.body.blocks === 'string' ? JSON.parse(digest.body.blocks) : digest.body.blocks) as Array<{ accessory?: { value?: string } }>;
    const value = blocks.find((b) => b.accessory?.value)!.accessory!.value!;
    const ts = String(digest.response!.ts);
    await h.click('warehouse', { channel: CHANNEL, ts, buttons: {} }, 'exception_open', { value });
    await waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.body.thread_ts === ts && c.response?.ok), 15_000, 'the exception in the digest thread');
    const threaded = h.slack.callsOf('chat.postMessage').find((c) => c.body.thread_ts === ts)!;
    expect(JSON.stringify(threaded.body.blocks)).toContain('exception_ack');
  }, 30_000);
});
