import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection as BullMQ wants it (maxRetriesPerRequest null, so blocking commands of
 * workers are not cut off), failing fast at connect time so a wrong REDIS_URL is reported at once.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, connectTimeout: 3_000, lazyConnect: false, ...options });
}

/**
 * The web process's intake connection (clicks, webhooks): the request waits for its one Redis
 * round trip, so a command must fail rather than wait: no offline queue (a command while Redis is
 * away fails at once, as BullMQ advises for producers), one retry, and a command timeout. Commands
 * of concurrent requests issued in the same tick go out in one write (auto-pipelining), which is
 * most of the CPU a webhook burst spends on Redis.
 */
export function createIntakeRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { enableOfflineQueue: false, enableAutoPipelining: true, maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 3_000, ...options });
}

/** Resolves once the connection is ready (commands sent before would fail without an offline queue), or after timeoutMs. */
export async function whenReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((done) => {
    timer = setTimeout(done, timeoutMs);
    redis.once('ready', () => done());
  });
  clearTimeout(timer);
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
