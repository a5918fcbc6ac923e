import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The secret chart URLs are signed with: CHART_URL_SECRET when set, else one made at random by
 * the first process of this Redis prefix and shared through Redis (SET NX), like the demo's Slack
 * credentials: every web process verifies what another signed, and a restart keeps old links
 * valid until they expire. Never a fixed value.
 */
export async function chartUrlSecret(options: { configured: string | undefined; redis: Redis; prefix: string }): Promise<string> {
  if (options.configured) return options.configured;
  const key = `${options.prefix}:charts:url-secret`;
  await options.redis.set(key, randomBytes(32).toString('hex'), 'NX');
  const secret = await options.redis.get(key);
  if (!secret) throw new Error(`the chart URL secret at ${key} could not be read`);
  return secret;
}
