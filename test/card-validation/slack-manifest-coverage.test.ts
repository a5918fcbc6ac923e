import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../support/paths.ts';
import { manifestGaps, scanSlackCode, sourceFiles, type SlackManifest } from './slack-manifest-coverage.ts';

const manifest = parse(readFileSync(resolve(PROJECT_ROOT, 'manifest/slack.yaml'), 'utf8')) as SlackManifest;
const use = scanSlackCode(sourceFiles(PROJECT_ROOT, ['adapters', 'src']));

describe('manifest/slack.yaml covers what the code relies on', () => {
  it('reads the calls, events and commands from the code (the scanner finds what is there)', () => {
    expect([...use.methods.keys()].sort()).toEqual(
      expect.arrayContaining(['chat.postEphemeral', 'chat.postMessage', 'chat.update', 'conversations.open', 'users.info', 'users.lookupByEmail', 'views.open', 'views.publish']),
    );
    expect([...use.events.keys()].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect([...use.commands.keys()]).toEqual(['/po']);
    expect(use.interactive.length).toBeGreaterThan(5);
  });

  it('every Web API method has its scope, every handled event is subscribed, every command declared, and nothing more is asked', () => {
    expect(manifestGaps(manifest, use)).toEqual([]);
  });

  it('fails for a call whose scope is missing, an unknown method, an unsubscribed event and an undeclared command (so the test above can fail)', () => {
    const code = scanSlackCode([
      { path: 'adapters/slack/new-feature.ts', text: "await client.reactions.add({ name: 'eyes' });\nawait args.client.chat.delete({});\nawait client.pins.add({});\napp.event('member_joined_channel', h);\napp.command(deps.command ?? '/approve', h);\napp.action('x', h);" },
      { path: 'adapters/llm/openai.ts', text: 'await client.chat.completions.parse({});' },
    ]);
    expect([...code.methods.keys()].sort()).toEqual(['chat.delete', 'pins.add', 'reactions.add']);
    const gaps = manifestGaps(manifest, code).join('\n');
    expect(gaps).toContain('reactions.add (called in adapters/slack/new-feature.ts) needs the bot scope reactions:write, which the manifest lacks');
    expect(gaps).toContain('pins.add (called in adapters/slack/new-feature.ts) has no entry in METHOD_SCOPES');
    expect(gaps).toContain('the event member_joined_channel (handled in adapters/slack/new-feature.ts) is not in settings.event_subscriptions.bot_events');
    expect(gaps).toContain('the command /approve (listened to in adapters/slack/new-feature.ts) is not in features.slash_commands');
    expect(gaps).toContain('the manifest declares /po, which no listener answers');
    expect(gaps).toContain('the manifest subscribes to app_mention, which no listener handles');
    expect(gaps).not.toContain('chat.delete');
  });

  it('fails when the manifest loses a scope, an event or interactivity the real code needs', () => {
    const without = structuredClone(manifest);
    without.oauth_config!.scopes!.bot = without.oauth_config!.scopes!.bot!.filter((s) => s !== 'im:write' && s !== 'users:read');
    without.settings!.event_subscriptions!.bot_events = ['app_mention'];
    without.settings!.interactivity!.is_enabled = false;
    const gaps = manifestGaps(without, use).join('\n');
    expect(gaps).toMatch(/conversations\.open \(called in .*\) needs the bot scope im:write/);
    expect(gaps).toMatch(/users\.info \(called in .*\) needs the bot scope users:read,/);
    expect(gaps).toMatch(/the event message\.im \(handled in adapters\/slack\/listeners\/events\/direct-message\.ts\) is not in/);
    expect(gaps).toContain('the event app_home_opened');
    expect(gaps).toContain('need settings.interactivity.is_enabled');
  });
});
