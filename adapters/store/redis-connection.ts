import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection as BullMQ wants it (maxRetriesPerRequest null, so blocking commands of
 * workers are not cut off), failing fast at connect time so a wrong REDIS_URL is reported at once.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, connectTimeout: 3_000, lazyConnect: false, ...options });
}

/** Answers whether something speaks Redis at url, without retrying for long. */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
