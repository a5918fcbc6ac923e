import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../support/paths.ts';

describe('manifest/slack.yaml', () => {
  const manifest = parse(readFileSync(resolve(PROJECT_ROOT, 'manifest/slack.yaml'), 'utf8'));
  it('sends interactivity to the one Slack route and asks for the scopes the bot uses', () => {
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true, request_url: 'https://YOUR-BOT/slack/events' });
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'im:write', 'users:read', 'users:read.email']));
  });

  it('declares exactly the command and events the status listeners answer, with their scopes', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/po', url: 'https://YOUR-BOT/slack/events' })]);
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-BOT/slack/events');
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'im:history']));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });
});
