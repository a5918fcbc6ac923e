import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreachableChannels } from '../../adapters/runtime/unreachable-channels.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

let bot: TestBot;
beforeAll(async () => {
  // Teams credentials and no Slack: a real Teams deployment, not a demo.
  bot = await startTestBot({ MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' }, { workers: false });
}, 60_000);
afterAll(async () => bot?.close());

describe('a Teams-only bot', () => {
  it('serves no local Slack workspace and requires a Bot Framework token on /api/messages', async () => {
    expect(bot.config.demoMode).toBe(false);
    expect(bot.workspace).toBeUndefined();
    expect((await fetch(`${bot.url}/workspace`)).status).toBe(404);
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'po P00042' }) });
    expect(res.status).toBe(401);
    expect(bot.teams?.mode).toBe('authenticated');
  });

  it('names the policy channels it cannot reach', () => {
    expect(unreachableChannels(['#procurement-alerts', 'teams:Purchasing/Alerts', 'slack:#ap', 'teams:Purchasing/Alerts'], ['teams'])).toEqual(['#procurement-alerts', 'slack:#ap']);
    expect(unreachableChannels(['#procurement-alerts', 'teams:Purchasing/Alerts'], ['slack', 'teams'])).toEqual([]);
  });
});
