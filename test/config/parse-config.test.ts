import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/parse-config.ts';

const external = { ODOO_URL: 'https://odoo.example.com', ODOO_DB: 'prod', ODOO_USERNAME: 'bot@example.com', ODOO_PASSWORD: 'api-key-123', ODOO_WEBHOOK_TOKEN: 'a'.repeat(24) };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.odoo).toMatchObject({ mode: 'embedded', port: 8069, version: 19, protocol: 'auto', username: 'admin', password: 'admin' });
    expect(config.demoMode).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('is not a demo with Slack or with Teams credentials (a Teams-only bot gets no local Slack workspace)', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's'.repeat(32) }).demoMode).toBe(false);
    expect(parseConfig({ MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'secret' }).demoMode).toBe(false);
  });

  it('takes a real Odoo with its credentials', () => {
    const config = parseConfig({ ...external, PORT: '8080', PUBLIC_URL: 'https://bot.example.com/' });
    expect(config.odoo).toEqual({ mode: 'external', url: 'https://odoo.example.com', db: 'prod', username: 'bot@example.com', password: 'api-key-123', apiKey: undefined, protocol: 'auto', timeoutMs: 10_000 });
    expect(config.publicUrl).toBe('https://bot.example.com');
  });

  it('takes an Odoo 19 API key for JSON-2, and says when json2 is asked without one', () => {
    const { ODOO_PASSWORD: _pw, ...withoutPassword } = external;
    const config = parseConfig({ ...withoutPassword, ODOO_API_KEY: 'k'.repeat(40), ODOO_PROTOCOL: 'json2' });
    expect(config.odoo).toMatchObject({ mode: 'external', apiKey: 'k'.repeat(40), protocol: 'json2', password: '' });
    const noKey = errorOf({ ...external, ODOO_PROTOCOL: 'json2' });
    expect(noKey.variable).toBe('ODOO_API_KEY');
    expect(noKey.message).toContain('New API Key');
    const neither = errorOf(withoutPassword);
    expect(neither.variable).toBe('ODOO_PASSWORD');
    expect(neither.message).toContain('or set ODOO_API_KEY');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'Invalid configuration: PORT must be a TCP port number (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'Invalid configuration: PORT must be a TCP port number (0-65535) (got "70000")'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL', 'Invalid configuration: REDIS_URL must be a URL starting with redis:// or rediss:// (got "http://localhost:6379")'],
    [{ ODOO_URL: 'https://odoo.example.com' }, 'ODOO_DB', 'Invalid configuration: ODOO_DB must be set when ODOO_URL is set (the db to log in to Odoo with) (it is not set)'],
    [{ EMBEDDED_ODOO_VERSION: '16' }, 'EMBEDDED_ODOO_VERSION', 'Invalid configuration: EMBEDDED_ODOO_VERSION must be 17, 18 or 19 (got "16")'],
    [{ ODOO_PROTOCOL: 'jsonrpc' }, 'ODOO_PROTOCOL', 'Invalid configuration: ODOO_PROTOCOL must be auto, xmlrpc or json2 (got "jsonrpc")'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET', 'Invalid configuration: SLACK_SIGNING_SECRET must be set when SLACK_BOT_TOKEN is set (Basic Information > Signing Secret of the Slack app) (it is not set)'],
  ])('names the variable and what it expects: %j', (env, variable, line) => {
    const err = errorOf(env as Record<string, string>);
    expect(err.variable).toBe(variable);
    expect(err.message).toBe(line);
    expect(err.message).not.toContain('\n');
  });

  it('never echoes a secret value in the error', () => {
    const err = errorOf({ ...external, ODOO_WEBHOOK_TOKEN: 'short-secret' });
    expect(err.variable).toBe('ODOO_WEBHOOK_TOKEN');
    expect(err.message).not.toContain('short-secret');
    expect(err.message).toContain('a value of 12 characters');
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(parseConfig({ PORT: '', ODOO_URL: '' }).odoo.mode).toBe('embedded');
  });
});
