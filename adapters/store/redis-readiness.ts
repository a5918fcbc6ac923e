import type { Redis } from 'ioredis';
import type { ReadinessCheck } from '../http/readiness.ts';

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/**
 * Redis must answer; and since queues and decisions live there, production Redis needs AOF and
 * a non-evicting maxmemory policy. Those two are warnings, not failures: a dev Redis still works.
 */
export function redisReadiness(redis: Redis): ReadinessCheck {
  return { name: 'redis', run: () => checkRedis(redis) };
}

async function checkRedis(redis: Redis): ReturnType<ReadinessCheck['run']> {
  try {
    const pong = await redis.ping();
    if (pong !== 'PONG') return { ok: false, detail: `unexpected PING answer ${pong}` };
    const persistence = await redis.info('persistence');
    const memory = await redis.info('memory');
    const warnings: string[] = [];
    if (infoField(persistence, 'aof_enabled') !== '1') warnings.push('Redis has AOF off (appendonly no): queued decisions can be lost on a Redis restart; set appendonly yes');
    const policy = infoField(memory, 'maxmemory_policy');
    if (policy && policy !== 'noeviction') warnings.push(`Redis maxmemory-policy is ${policy}: it may evict queue and decision keys; set maxmemory-policy noeviction`);
    return { ok: true, ...(warnings.length ? { warnings } : {}) };
  } catch (err) {
    return { ok: false, detail: `Redis unreachable: ${err instanceof Error ? err.message : String(err)}` };
  }
}
