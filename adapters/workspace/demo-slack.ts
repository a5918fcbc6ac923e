import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../../src/config/parse-config.ts';

/** Where the workspace serves Slack's Web API subset, under the bot's own URL. */
export const WORKSPACE_API_PATH = '/workspace/api/';

/**
 * The local workspace stands in for Slack only in demo mode (no SLACK_BOT_TOKEN), and never with
 * NODE_ENV=production: it has no login (you pick who you are), so it must not face real users.
 */
export function workspaceEnabled(config: Pick<Config, 'demoMode' | 'nodeEnv'>): boolean {
  return config.demoMode && config.nodeEnv !== 'production';
}

/**
 * The Slack settings the bot runs with against the workspace: a bot token and a signing secret
 * made at random by the first process of this Redis prefix and shared through Redis (so
 * `npm run worker` processes call the web process's workspace with the same token, and any web
 * process verifies what another one signed). Never a fixed value: nothing a real Slack app or an
 * attacker could know. `ownUrl` is the web process's own address; a worker-only process uses
 * SLACK_API_URL, else PUBLIC_URL.
 */
export async function demoSlackConfig(config: Config, redis: Redis, ownUrl: string | undefined): Promise<Config['slack']> {
  const { botToken, signingSecret } = await demoCredentials(config, redis);
  const apiUrl = ownUrl ? `${ownUrl}${WORKSPACE_API_PATH}` : (config.slack.apiUrl ?? `${config.publicUrl}${WORKSPACE_API_PATH}`);
  return { ...config.slack, botToken, signingSecret, apiUrl };
}

/**
 * The demo's SUPPLIER_EMAIL_HMAC_SECRET, made and shared like the Slack credentials, so
 * POST /webhooks/supplier-email works out of the box (the ops page shows it with a curl example).
 * A secret set in the environment wins.
 */
export async function demoWebhooksConfig(config: Config, redis: Redis): Promise<Config['webhooks']> {
  if (config.webhooks.supplierEmailHmacSecret) return config.webhooks;
  const { supplierEmailSecret } = await demoCredentials(config, redis);
  return { ...config.webhooks, supplierEmailHmacSecret: supplierEmailSecret };
}

async function demoCredentials(config: Config, redis: Redis): Promise<{ botToken: string; signingSecret: string; supplierEmailSecret: string }> {
  const key = `${config.redis.keyPrefix}:workspace:credentials`;
  // HSETNX per field: whichever process comes first wins, every other one reads its values.
  await redis
    .multi()
    .hsetnx(key, 'botToken', `xoxb-workspace-${randomBytes(18).toString('hex')}`)
    .hsetnx(key, 'signingSecret', randomBytes(32).toString('hex'))
    .hsetnx(key, 'supplierEmailSecret', randomBytes(32).toString('hex'))
    .exec();
  const { botToken, signingSecret, supplierEmailSecret } = await redis.hgetall(key);
  if (!botToken || !signingSecret || !supplierEmailSecret) throw new Error(`the workspace credentials at ${key} are incomplete`);
  return { botToken, signingSecret, supplierEmailSecret };
}
