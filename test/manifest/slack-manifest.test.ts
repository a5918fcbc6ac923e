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
  it('declares no event or command the bot would leave unanswered', () => {
    expect(manifest.settings.event_subscriptions).toBeUndefined();
    expect(manifest.features.slash_commands).toBeUndefined();
  });
});
